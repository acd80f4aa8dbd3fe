// LINKED_WITH active on $asOf between networks that are both active.
MATCH (a:Network)-[l:LINKED_WITH]->(b:Network)
WHERE (l.validFrom IS NULL OR l.validFrom <= $asOf) AND (l.validTo IS NULL OR l.validTo > $asOf)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo > $asOf)
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo > $asOf)
RETURN a.id AS a, b.id AS b, l.kind AS kind, coalesce(l.illustrative, false) AS illustrative
