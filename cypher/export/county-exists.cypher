// Export filter check: whether county $county exists (else 404).
OPTIONAL MATCH (c:County {code: $county}) RETURN c IS NOT NULL AS found
