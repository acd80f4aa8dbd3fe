// The PARTY_TO and CONVENES rows of the bundle's bodies, with their identity (body, party, role, validFrom)
// and properties, so the loader leaves equal rows alone, updates changed ones in place and deletes the rest.
UNWIND $bodyIds AS bodyId
MATCH (b:Body {id: bodyId})<-[r:PARTY_TO|CONVENES]-(p)
RETURN bodyId, type(r) AS type, coalesce(p.code, p.id) AS party, r.role AS role, r.validFrom AS validFrom,
       elementId(r) AS rowId, properties(r) AS props
