// The service areas $ids with their sectors (IN_SECTOR).
MATCH (a:ServiceArea) WHERE a.id IN $ids
RETURN a.id AS key, labels(a) AS labels, properties(a) AS props,
       COLLECT { MATCH (a)-[:IN_SECTOR]->(s:Sector) RETURN s.id } AS sectors
