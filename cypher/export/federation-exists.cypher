// Export filter check: whether federation $federation exists, and whether it is illustrative.
OPTIONAL MATCH (f:Body:Federation {id: $federation})
RETURN f IS NOT NULL AS found, coalesce(f.illustrative, false) AS illustrative
