// The audit trail, newest first: every filter optional ($entity, $user, $since an ISO date-time), at most $limit
// changes. $illustrative false leaves out the entries about illustrative data (as if it were not loaded): every
// entry about an illustrative body, and on a real body the entries naming one of its illustrative party or
// convener rows (field "party CODE ROLE from DATE", StateDiff); of a municipality's coverage, the entries
// naming an illustrative coverage row (field "coverage FORMS from DATE", CoverageEdits).
MATCH (c:Change)
WHERE ($entity IS NULL OR c.entityId = $entity)
  AND ($user IS NULL OR c.user = $user)
  AND ($since IS NULL OR c.at >= datetime($since))
  AND ($illustrative OR NOT EXISTS {
    MATCH (c)-[:CHANGED]->(b:Body)
    WHERE coalesce(b.illustrative, false)
       OR EXISTS {
         MATCH (p)-[r:PARTY_TO|CONVENES]->(b)
         WHERE coalesce(r.illustrative, false)
           AND c.field = 'party ' + coalesce(p.code, p.id) + ' '
               + CASE type(r) WHEN 'CONVENES' THEN 'CONVENER' ELSE r.role END
               + ' from ' + coalesce(toString(r.validFrom), 'the start')
       }
  })
  AND ($illustrative OR NOT EXISTS {
    MATCH (c)-[:CHANGED]->(m:Municipality)<-[:OF]-(row:Coverage)
    WHERE coalesce(row.illustrative, false)
      AND c.field = 'coverage '
          + CASE WHEN size(coalesce(row.forms, [])) = 0 THEN 'every form'
                 ELSE reduce(s = head(row.forms), f IN tail(row.forms) | s + ';' + f) END
          + ' from ' + toString(row.validFrom)
  })
RETURN c ORDER BY c.at DESC, c.id LIMIT $limit
