// The audit trail, newest first: every filter optional ($entity, $user, $since an ISO date-time), at most $limit
// changes.
MATCH (c:Change)
WHERE ($entity IS NULL OR c.entityId = $entity)
  AND ($user IS NULL OR c.user = $user)
  AND ($since IS NULL OR c.at >= datetime($since))
RETURN c ORDER BY c.at DESC, c.id LIMIT $limit
