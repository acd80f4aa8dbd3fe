// Non-municipal actors (regions, agencies, academia, others).
MATCH (a:Actor)
RETURN a.id AS id, a.kind AS kind, a.name AS name, coalesce(a.illustrative, false) AS illustrative
