// The audit trail (docs/security.md) made before $before (null: all of it), for the bodies $ids (null:
// every change, loads and purged bodies included), oldest first.
MATCH (c:Change)
WHERE ($before IS NULL OR c.at < $before) AND ($ids IS NULL OR c.entityId IN $ids)
RETURN c.id AS id, c.at AS at, c.user AS user, c.action AS action, c.entityType AS entityType,
       c.entityId AS entityId, c.field AS field, c.before AS before, c.after AS after, c.reason AS reason
ORDER BY c.at, c.id
