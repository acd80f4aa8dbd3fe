// Coverage rows active on $asOf (domain.md item 8, docs/model.md "Coverage"): "every body of these forms that
// this municipality is party to is in the data". validFrom is required, so a row without one is never active.
// forms: absent or empty = every form.
MATCH (c:Coverage)-[:OF]->(m:Municipality)
WHERE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
RETURN m.code AS code, coalesce(c.forms, []) AS forms, c.validFrom AS validFrom, c.validTo AS validTo,
       c.source AS source, coalesce(c.illustrative, false) AS illustrative
