package se.samverkansvaven.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkansvaven.editing.EditingTest.ADMIN;
import static se.samverkansvaven.editing.EditingTest.JSON;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import se.samverkansvaven.testing.GraphChecksum;
import se.samverkansvaven.testing.TestBodies;
import tools.jackson.databind.JsonNode;

/**
 * The editing API's operations one by one, each sent directly (not generated): change a party's role, a
 * party leaving, a body's areas, goals and network links. Each checks the stored graph afterwards, the
 * audit record with its exact before and after text, and a failing variant (422 listing the problem, the
 * whole graph unchanged). EditingTest covers the scope, 409, purge and parallel writers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditOperationsTest {

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;

    ApiClient api;

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "ops-");
    }

    /** The goals come from the illustrative bundle; loading it again changes nothing. */
    @BeforeEach
    void setUp(@Autowired BundleImporter importer) {
        api = new ApiClient(port);
        if (api.get("/api/bodies/ill-gn-it-ostra-skaraborg").status() == 404) {
            importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
            importer.importBundle(BundleFiles.fromClasspath("bundles/illustrative"));
        }
    }

    ApiClient.Response send(String method, String path, Object body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Creates the body as admin unless it exists; returns its state. */
    JsonNode ensure(Map<String, Object> body) {
        var existing = api.get("/api/bodies/" + body.get("id") + "/state");
        if (existing.status() == 200) {
            return existing.json();
        }
        var created = send("POST", "/api/bodies", Map.of("reason", "test set-up", "body", body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    static Map<String, Object> party(String party, String role) {
        return Map.of("party", party, "role", role, "validFrom", "2020-01-01", "source", "test");
    }

    static Map<String, Object> body(String id, String form, List<Map<String, Object>> parties) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "form", form, "name", "Test " + id,
                "validFrom", "2020-01-01", "source", "test", "parties", parties));
        if (form.equals("NETWORK")) {
            body.put("sector", "STOD");
            body.put("level", "OPERATIONAL");
        }
        return body;
    }

    /** The body's state as a map, with one field replaced, for PUT. */
    static Map<String, Object> with(JsonNode state, String field, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.convertValue(state, Map.class);
        body.put(field, value);
        return body;
    }

    /** The audit entry of one field of the body's latest change (newest first). */
    /** As a logged-in reader: anonymous answers leave `user` empty. */
    JsonNode change(String entity, String field) {
        var trail = api.send(HttpRequest.newBuilder(api.uri("/api/changes?entity=" + entity))
                .header("Authorization", ADMIN).build());
        for (JsonNode c : trail.json()) {
            if (c.get("field").asString().equals(field)) {
                return c;
            }
        }
        throw new AssertionError("no change of " + field + " on " + entity + ": " + trail.text());
    }

    List<Map<String, Object>> rows(String query, String id) {
        try (var session = driver.session()) {
            return session.run(query, Map.of("id", id)).list(r -> r.get("row").asMap(Value::asObject));
        }
    }

    /** A refused change: 422 in the loader's shape whose errors mention every expected text; nothing written. */
    void refused(String method, String path, Object payload, String file, String... mentions) {
        String before = GraphChecksum.of(driver);
        var response = send(method, path, payload);
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.contentType()).contains("problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("file").asString()).isEqualTo(file);
            for (String mention : mentions) {
                assertThat(e.get("message").asString()).contains(mention);
            }
        });
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void changingARoleEndsTheOldRowAndStartsTheNewOne() {
        JsonNode state = ensure(body("ops-role-net", "NETWORK", List.of(party("1496", "PARTICIPANT"), party("1497", "PARTICIPANT"))));
        var changed = send("POST", "/api/bodies/ops-role-net/parties/role", Map.of("version", state.get("version").asLong(),
                "reason", "Hjo sammankallar från 2025", "party", "1497", "role", "PARTICIPANT", "validFrom", "2020-01-01",
                "newRole", "CONVENER", "date", "2025-01-01"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        assertThat(rows("MATCH (m:Municipality {code: '1497'})-[r:PARTY_TO|CONVENES]->(b:Body {id: $id}) "
                + "RETURN {type: type(r), role: r.role, validFrom: toString(r.validFrom), validTo: toString(r.validTo)} AS row "
                + "ORDER BY row.validFrom", "ops-role-net")).containsExactly(
                        Map.of("type", "PARTY_TO", "role", "PARTICIPANT", "validFrom", "2020-01-01", "validTo", "2025-01-01"),
                        java.util.Collections.unmodifiableMap(nullable("type", "CONVENES", "role", null,
                                "validFrom", "2025-01-01", "validTo", null)));
        JsonNode ended = change("ops-role-net", "party 1497 PARTICIPANT from 2020-01-01");
        assertThat(ended.get("before").asString()).isEqualTo("PARTICIPANT 2020-01-01.. source test");
        assertThat(ended.get("after").asString()).isEqualTo("PARTICIPANT 2020-01-01..2025-01-01 source test");
        assertThat(ended.get("reason").asString()).isEqualTo("Hjo sammankallar från 2025");
        JsonNode started = change("ops-role-net", "party 1497 CONVENER from 2025-01-01");
        assertThat(started.get("before").isNull()).isTrue();
        assertThat(started.get("after").asString()).isEqualTo("CONVENER 2025-01-01.. source test");

        // A joint committee's host cannot step down alone: on 2025-01-01 it would have no HOST.
        JsonNode committee = ensure(body("ops-role-jc", "JOINT_COMMITTEE", List.of(party("1496", "HOST"), party("1497", "PARTICIPANT"))));
        refused("POST", "/api/bodies/ops-role-jc/parties/role", Map.of("version", committee.get("version").asLong(),
                "party", "1496", "role", "HOST", "validFrom", "2020-01-01", "newRole", "PARTICIPANT", "date", "2025-01-01"),
                "bodies.csv", "no HOST", "2025-01-01");
        // A role the form does not have is named as such.
        refused("POST", "/api/bodies/ops-role-jc/parties/role", Map.of("version", committee.get("version").asLong(),
                "party", "1497", "role", "PARTICIPANT", "validFrom", "2020-01-01", "newRole", "MEMBER", "date", "2025-01-01"),
                "parties.csv", "role MEMBER does not fit");
    }

    /**
     * Handing over the host of a joint committee of the illustrative data: one request with both changes, one
     * version, validated together (each alone would leave a day with no HOST or two). The illustrative bundle
     * is loaded again afterwards (it is authoritative for its bodies), so other tests see it unchanged.
     */
    @Test
    void theHostOfAnIllustrativeJointCommitteeIsHandedOverInOneRequest(@Autowired BundleImporter importer) {
        String id = "ill-gn-it-ostra-skaraborg";
        try {
            JsonNode state = api.get("/api/bodies/" + id + "/state").json();
            long version = state.get("version").asLong();
            Map<String, Object> stepDown = Map.of("party", "1496", "role", "HOST", "validFrom", "2013-01-01",
                    "newRole", "PARTICIPANT", "date", "2026-01-01");
            Map<String, Object> takeOver = Map.of("party", "1497", "role", "PARTICIPANT", "validFrom", "2013-01-01",
                    "newRole", "HOST", "date", "2026-01-01");
            // A variant that leaves two hosts (Hjo and Tibro) from 2026-01-01: 422, nothing changed.
            refused("POST", "/api/bodies/" + id + "/parties/role", Map.of("version", version, "changes",
                    List.of(stepDown, takeOver, Map.of("party", "1472", "role", "PARTICIPANT", "validFrom", "2013-01-01",
                            "newRole", "HOST", "date", "2026-01-01"))), "parties.csv", "two HOSTs", "2026-01-01");
            // One change and a list together is ambiguous.
            Map<String, Object> both = new java.util.HashMap<>(takeOver);
            both.put("version", version);
            both.put("changes", List.of(stepDown));
            refused("POST", "/api/bodies/" + id + "/parties/role", both, "request", "not both");

            var handed = send("POST", "/api/bodies/" + id + "/parties/role", Map.of("version", version,
                    "reason", "Hjo värdkommun från 2026", "changes", List.of(stepDown, takeOver)));
            assertThat(handed.status()).as(handed.text()).isEqualTo(200);
            assertThat(handed.json().get("version").asLong()).isEqualTo(version + 1);
            assertThat(rows("MATCH (m:Municipality)-[r:PARTY_TO]->(b:Body {id: $id}) WHERE m.code IN ['1496', '1497'] "
                    + "RETURN {party: m.code, role: r.role, validFrom: toString(r.validFrom), validTo: toString(r.validTo)} "
                    + "AS row ORDER BY row.party, row.validFrom", id)).containsExactly(
                            Map.of("party", "1496", "role", "HOST", "validFrom", "2013-01-01", "validTo", "2026-01-01"),
                            nullable("party", "1496", "role", "PARTICIPANT", "validFrom", "2026-01-01", "validTo", null),
                            Map.of("party", "1497", "role", "PARTICIPANT", "validFrom", "2013-01-01", "validTo", "2026-01-01"),
                            nullable("party", "1497", "role", "HOST", "validFrom", "2026-01-01", "validTo", null));
            // The audit trail has both role changes: each party's old row ended and its new row started.
            Map<String, String[]> expected = Map.of(
                    "party 1496 HOST from 2013-01-01", new String[] {"HOST 2013-01-01.. source illustrative",
                            "HOST 2013-01-01..2026-01-01 source illustrative"},
                    "party 1496 PARTICIPANT from 2026-01-01", new String[] {null, "PARTICIPANT 2026-01-01.. source illustrative"},
                    "party 1497 PARTICIPANT from 2013-01-01", new String[] {"PARTICIPANT 2013-01-01.. source illustrative",
                            "PARTICIPANT 2013-01-01..2026-01-01 source illustrative"},
                    "party 1497 HOST from 2026-01-01", new String[] {null, "HOST 2026-01-01.. source illustrative"});
            expected.forEach((field, values) -> {
                JsonNode c = change(id, field);
                assertThat(c.get("before").isNull() ? null : c.get("before").asString()).as(field).isEqualTo(values[0]);
                assertThat(c.get("after").asString()).as(field).isEqualTo(values[1]);
                assertThat(c.get("reason").asString()).isEqualTo("Hjo värdkommun från 2026");
            });
        } finally {
            importer.importBundle(BundleFiles.fromClasspath("bundles/illustrative"));
        }
        assertThat(rows("MATCH (m:Municipality)-[r:PARTY_TO {role: 'HOST'}]->(b:Body {id: $id}) "
                + "RETURN {party: m.code, validTo: toString(r.validTo)} AS row", id))
                .containsExactly(nullable("party", "1496", "validTo", null));
    }

    /**
     * A full-state PUT never deletes a party row or a link by leaving it out (the loader would delete the row
     * and keep the link): both are refused, naming the row and how to end it. Areas and goals have no dates:
     * a PUT's list replaces them, each removal in the audit trail (areas: the test below; goals: here).
     */
    @Test
    void aPutThatLeavesOutAPartyRowOrALinkIsRefusedAndGoalsAreReplaced() {
        JsonNode body = ensure(body("ops-omit", "ASSOCIATION", List.of(party("1496", "MEMBER"), party("1497", "MEMBER"))));
        refused("PUT", "/api/bodies/ops-omit", Map.of("version", body.get("version").asLong(),
                "body", with(body, "parties", List.of(party("1496", "MEMBER")))), "parties.csv",
                "1497 MEMBER from 2020-01-01", "validTo", "parties/leave");

        JsonNode a = ensure(body("ops-omit-net-a", "NETWORK", List.of(party("1496", "PARTICIPANT"))));
        ensure(body("ops-omit-net-b", "NETWORK", List.of(party("1497", "PARTICIPANT"))));
        var linked = send("PUT", "/api/bodies/ops-omit-net-a", Map.of("version", a.get("version").asLong(),
                "body", with(a, "links", List.of(nullable("network", "ops-omit-net-b", "kind", "LIAISON",
                        "validFrom", "2024-01-01", "validTo", null, "source", "test")))));
        assertThat(linked.status()).as(linked.text()).isEqualTo(200);
        refused("PUT", "/api/bodies/ops-omit-net-a", Map.of("version", linked.json().get("version").asLong(),
                "body", with(linked.json(), "links", List.of())), "links.csv", "ops-omit-net-b LIAISON from 2024-01-01",
                "validTo");
        // The other end may not drop it either.
        JsonNode b = api.get("/api/bodies/ops-omit-net-b/state").json();
        refused("PUT", "/api/bodies/ops-omit-net-b", Map.of("version", b.get("version").asLong(),
                "body", with(b, "links", List.of())), "links.csv", "ops-omit-net-a LIAISON");

        JsonNode goals = ensure(body("ops-omit-goals", "ASSOCIATION", List.of(party("1496", "MEMBER"))));
        var set = send("PUT", "/api/bodies/ops-omit-goals", Map.of("version", goals.get("version").asLong(),
                "body", with(goals, "goals", List.of("ill-mal-drus-2030", "ill-mal-klimat-2030"))));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        var dropped = send("PUT", "/api/bodies/ops-omit-goals", Map.of("version", set.json().get("version").asLong(),
                "reason", "klimatmålet ligger hos regionen", "body", with(set.json(), "goals", List.of("ill-mal-drus-2030"))));
        assertThat(dropped.status()).as(dropped.text()).isEqualTo(200);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (:Body {id: 'ops-omit-goals'})-[:WORKS_ON]->(g:Goal) RETURN g.id AS id")
                    .list(r -> r.get("id").asString())).containsExactly("ill-mal-drus-2030");
        }
        JsonNode c = change("ops-omit-goals", "goal ill-mal-klimat-2030");
        assertThat(c.get("before").asString()).isEqualTo("works on");
        assertThat(c.get("after").isNull()).isTrue();
        assertThat(c.get("reason").asString()).isEqualTo("klimatmålet ligger hos regionen");
    }

    static Map<String, Object> nullable(Object... pairs) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aPartyLeavingGetsAnEndDateAndNothingIsDeleted() {
        JsonNode state = ensure(body("ops-leave", "ASSOCIATION", List.of(party("1496", "MEMBER"), party("1497", "MEMBER"))));
        long version = state.get("version").asLong();
        // The end before the start is refused with the loader's message, and nothing is written.
        refused("POST", "/api/bodies/ops-leave/parties/leave", Map.of("version", version, "party", "1497",
                "role", "MEMBER", "validFrom", "2020-01-01", "validTo", "2019-06-30"), "parties.csv", "2019-06-30");
        // A row that does not exist is named, with the rows there are.
        refused("POST", "/api/bodies/ops-leave/parties/leave", Map.of("version", version, "party", "1498",
                "role", "MEMBER", "validFrom", "2020-01-01", "validTo", "2025-06-30"), "request", "no party row 1498");

        var left = send("POST", "/api/bodies/ops-leave/parties/leave", Map.of("version", version, "reason", "utträde",
                "party", "1497", "role", "MEMBER", "validFrom", "2020-01-01", "validTo", "2025-06-30"));
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        assertThat(left.json().get("version").asLong()).isEqualTo(version + 1);
        // Both rows are still stored; the leaver's has its end date.
        assertThat(rows("MATCH (m:Municipality)-[r:PARTY_TO]->(b:Body {id: $id}) RETURN {party: m.code, role: r.role, "
                + "validFrom: toString(r.validFrom), validTo: toString(r.validTo)} AS row ORDER BY row.party", "ops-leave"))
                .containsExactly(nullable("party", "1496", "role", "MEMBER", "validFrom", "2020-01-01", "validTo", null),
                        Map.of("party", "1497", "role", "MEMBER", "validFrom", "2020-01-01", "validTo", "2025-06-30"));
        JsonNode c = change("ops-leave", "party 1497 MEMBER from 2020-01-01");
        assertThat(c.get("action").asString()).isEqualTo("UPDATE");
        assertThat(c.get("before").asString()).isEqualTo("MEMBER 2020-01-01.. source test");
        assertThat(c.get("after").asString()).isEqualTo("MEMBER 2020-01-01..2025-06-30 source test");
        assertThat(c.get("reason").asString()).isEqualTo("utträde");
        assertThat(c.get("user").asString()).isEqualTo("admin");
        // Leaving changes the body only on and after the date: a snapshot before it still has the party.
        assertThat(api.get("/api/bodies/ops-leave?asOf=2025-06-29").text()).contains("1497");
    }

    @Test
    void areasOfABodyAreSetAndRemovedWithTheAuditTrail() {
        JsonNode state = ensure(body("ops-areas", "ASSOCIATION", List.of(party("1496", "MEMBER"))));
        refused("PUT", "/api/bodies/ops-areas", Map.of("version", state.get("version").asLong(),
                "body", with(state, "areas", List.of("lon", "no-such-area"))), "areas.csv", "no-such-area");

        var added = send("PUT", "/api/bodies/ops-areas", Map.of("version", state.get("version").asLong(),
                "reason", "lön och IT", "body", with(state, "areas", List.of("lon", "it"))));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(covered("ops-areas")).containsExactly("it", "lon");
        JsonNode lon = change("ops-areas", "area lon");
        assertThat(lon.get("before").isNull()).isTrue();
        assertThat(lon.get("after").asString()).isEqualTo("covered");
        assertThat(lon.get("reason").asString()).isEqualTo("lön och IT");

        var removed = send("PUT", "/api/bodies/ops-areas", Map.of("version", added.json().get("version").asLong(),
                "body", with(added.json(), "areas", List.of("lon"))));
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(covered("ops-areas")).containsExactly("lon");
        JsonNode it = change("ops-areas", "area it");
        assertThat(it.get("before").asString()).isEqualTo("covered");
        assertThat(it.get("after").isNull()).isTrue();
    }

    List<String> covered(String id) {
        try (var session = driver.session()) {
            return session.run("MATCH (:Body {id: $id})-[:COVERS]->(a:ServiceArea) RETURN a.id AS id ORDER BY id",
                    Map.of("id", id)).list(r -> r.get("id").asString());
        }
    }

    @Test
    void goalsOfABodyAreSetWithTheAuditTrail() {
        JsonNode state = ensure(body("ops-goals", "ASSOCIATION", List.of(party("1496", "MEMBER"))));
        refused("PUT", "/api/bodies/ops-goals", Map.of("version", state.get("version").asLong(),
                "body", with(state, "goals", List.of("ill-mal-drus-2030", "ill-mal-no-such"))), "body_goals.csv",
                "ill-mal-no-such");

        var set = send("PUT", "/api/bodies/ops-goals", Map.of("version", state.get("version").asLong(),
                "reason", "arbetar för DRUS", "body", with(state, "goals", List.of("ill-mal-drus-2030"))));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (:Body {id: 'ops-goals'})-[:WORKS_ON]->(g:Goal) RETURN g.id AS id")
                    .list(r -> r.get("id").asString())).containsExactly("ill-mal-drus-2030");
        }
        // The goal catalogue the editing page offers: every goal with its name and the illustrative mark.
        JsonNode catalogue = api.get("/api/goals").json();
        assertThat(catalogue).anySatisfy(g -> {
            assertThat(g.get("id").asString()).isEqualTo("ill-mal-drus-2030");
            assertThat(g.get("name").asString()).isEqualTo("DRUS 2030 – delregional utvecklingsstrategi för Skaraborg");
            assertThat(g.get("illustrative").asBoolean()).isTrue();
        });
        try (var session = driver.session()) {
            assertThat(catalogue.size()).isEqualTo(session.run("MATCH (g:Goal) RETURN count(g) AS n").single().get("n").asInt());
        }
        JsonNode c = change("ops-goals", "goal ill-mal-drus-2030");
        assertThat(c.get("before").isNull()).isTrue();
        assertThat(c.get("after").asString()).isEqualTo("works on");
        assertThat(c.get("reason").asString()).isEqualTo("arbetar för DRUS");
    }

    @Test
    void networkLinksAreMadeAndEndedNeverDeleted() {
        JsonNode a = ensure(body("ops-net-a", "NETWORK", List.of(party("1496", "PARTICIPANT"))));
        ensure(body("ops-net-b", "NETWORK", List.of(party("1497", "PARTICIPANT"))));
        JsonNode association = ensure(body("ops-net-assoc", "ASSOCIATION", List.of(party("1496", "MEMBER"))));
        Map<String, Object> link = nullable("network", "ops-net-b", "kind", "JOINT_MEETING", "validFrom", "2024-01-01",
                "validTo", null, "source", "test");
        // A link's both ends are networks, and its kind is one of the list.
        refused("PUT", "/api/bodies/ops-net-assoc", Map.of("version", association.get("version").asLong(),
                "body", with(association, "links", List.of(link))), "links.csv", "ops-net-assoc");
        Map<String, Object> badKind = new java.util.HashMap<>(link);
        badKind.put("kind", "FRIENDSHIP");
        refused("PUT", "/api/bodies/ops-net-a", Map.of("version", a.get("version").asLong(),
                "body", with(a, "links", List.of(badKind))), "links.csv", "FRIENDSHIP");

        var made = send("PUT", "/api/bodies/ops-net-a", Map.of("version", a.get("version").asLong(),
                "reason", "gemensamma möten", "body", with(a, "links", List.of(link))));
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        assertThat(links()).containsExactly(nullable("kind", "JOINT_MEETING", "validFrom", "2024-01-01", "validTo", null));
        JsonNode c = change("ops-net-a", "link ops-net-b JOINT_MEETING from 2024-01-01");
        assertThat(c.get("before").isNull()).isTrue();
        assertThat(c.get("after").asString()).isEqualTo("JOINT_MEETING 2024-01-01.. source test");
        // The other network sees the link too (links are undirected).
        assertThat(api.get("/api/bodies/ops-net-b/state").json().get("links").get(0).get("network").asString())
                .isEqualTo("ops-net-a");

        Map<String, Object> ended = new java.util.HashMap<>(link);
        ended.put("validTo", "2026-01-01");
        var end = send("PUT", "/api/bodies/ops-net-a", Map.of("version", made.json().get("version").asLong(),
                "body", with(made.json(), "links", List.of(ended))));
        assertThat(end.status()).as(end.text()).isEqualTo(200);
        assertThat(links()).containsExactly(Map.of("kind", "JOINT_MEETING", "validFrom", "2024-01-01", "validTo", "2026-01-01"));
        JsonNode e = change("ops-net-a", "link ops-net-b JOINT_MEETING from 2024-01-01");
        assertThat(e.get("before").asString()).isEqualTo("JOINT_MEETING 2024-01-01.. source test");
        assertThat(e.get("after").asString()).isEqualTo("JOINT_MEETING 2024-01-01..2026-01-01 source test");

        // Editing the other end leaves the one link as it is (no second, reversed copy).
        JsonNode b = api.get("/api/bodies/ops-net-b/state").json();
        var renamed = send("PUT", "/api/bodies/ops-net-b", Map.of("version", b.get("version").asLong(),
                "body", with(b, "name", "Nätverk B, nytt namn")));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(links()).hasSize(1);
    }

    List<Map<String, Object>> links() {
        return new ArrayList<>(rows("MATCH (:Body {id: $id})-[l:LINKED_WITH]-(:Body {id: 'ops-net-b'}) RETURN {kind: l.kind, "
                + "validFrom: toString(l.validFrom), validTo: toString(l.validTo)} AS row", "ops-net-a"));
    }
}
