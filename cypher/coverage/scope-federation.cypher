// Scope "federation:ID": body $id's form, whether it is active on $asOf, and its MEMBER municipalities that day
// as [code, name] pairs (no body: one row of nulls).
OPTIONAL MATCH (f:Body {id: $id})
RETURN f.form AS form,
       (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo > $asOf) AS active,
       [(m:Municipality)-[r:PARTY_TO {role: 'MEMBER'}]->(f)
         WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)
         | [m.code, m.name]] AS members
