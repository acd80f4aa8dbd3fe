// Every municipality with its centroid (analysis input; not date-dependent).
MATCH (m:Municipality)
RETURN m.code AS code, m.name AS name, m.countyCode AS countyCode, m.lat AS lat, m.lon AS lon,
       m.population AS population
ORDER BY code
