// The constraints the bundle loader relies on (MERGE by key, look-ups by id or code). The same names and
// definitions as cypher/schema.cypher, so whichever runs first wins and the other is a no-op.
CREATE CONSTRAINT municipality_code IF NOT EXISTS FOR (m:Municipality) REQUIRE m.code IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (b:Body) REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (a:ServiceArea) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT sector_id IF NOT EXISTS FOR (s:Sector) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (g:Goal) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT graph_revision_id IF NOT EXISTS FOR (r:GraphRevision) REQUIRE r.id IS UNIQUE;
