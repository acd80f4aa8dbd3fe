// GET /api/bodies: every body, for the search (filtered and sorted in Java); without $illustrative no illustrative one.
MATCH (b:Body)
WHERE $illustrative OR NOT coalesce(b.illustrative, false)
RETURN b.id AS id, b.form AS form, b.name AS name, b.validFrom AS validFrom, b.validTo AS validTo,
       coalesce(b.illustrative, false) AS illustrative
