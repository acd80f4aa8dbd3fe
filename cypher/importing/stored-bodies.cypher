// Which of these body ids are stored (visible) bodies.
MATCH (b:Body)
WHERE b.id IN $ids
RETURN b.id AS id
