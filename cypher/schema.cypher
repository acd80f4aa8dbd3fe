// Samverkansväven schema: uniqueness constraints and indexes.
// Applied at start-up, statement by statement (separated by ';'), against embedded or external Neo4j.
// Every statement is idempotent (IF NOT EXISTS), so it runs on every start.
CREATE CONSTRAINT municipality_code IF NOT EXISTS FOR (m:Municipality) REQUIRE m.code IS UNIQUE;
CREATE CONSTRAINT county_code IF NOT EXISTS FOR (c:County) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (b:Body) REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (a:ServiceArea) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT sector_id IF NOT EXISTS FOR (s:Sector) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (g:Goal) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT graph_revision_id IF NOT EXISTS FOR (r:GraphRevision) REQUIRE r.id IS UNIQUE;
CREATE INDEX body_form IF NOT EXISTS FOR (b:Body) ON (b.form);
CREATE INDEX municipality_name IF NOT EXISTS FOR (m:Municipality) ON (m.name);
CREATE INDEX municipality_county IF NOT EXISTS FOR (m:Municipality) ON (m.countyCode);
// Users (security) and the audit trail (audit): look-ups by name, entity and time.
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
// Coverage rows (domain.md item 8): upserted by id, the hash of their identity.
CREATE CONSTRAINT coverage_id IF NOT EXISTS FOR (c:Coverage) REQUIRE c.id IS UNIQUE;
// Large loads (importing.StagedLoads, docs/data.md "Large bundles"): bodies, actors and goals staged under these
// labels until the load publishes them in one transaction; a load in progress is a :StagedLoad.
CREATE INDEX staged_body_id IF NOT EXISTS FOR (n:StagedBody) ON (n.id);
CREATE INDEX staged_actor_id IF NOT EXISTS FOR (n:StagedActor) ON (n.id);
CREATE INDEX staged_goal_id IF NOT EXISTS FOR (n:StagedGoal) ON (n.id);
CREATE CONSTRAINT staged_load_id IF NOT EXISTS FOR (l:StagedLoad) REQUIRE l.id IS UNIQUE;

// Scenarios (analysis.scenario): stored apart from the graph of record, looked up by id, owner and read link.
CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (s:Scenario) REQUIRE s.id IS UNIQUE;
CREATE INDEX scenario_owner IF NOT EXISTS FOR (s:Scenario) ON (s.owner);
CREATE CONSTRAINT scenario_share_token IF NOT EXISTS FOR (s:Scenario) REQUIRE s.shareToken IS UNIQUE;
