package se.samverkansvaven.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.testing.TestBodies;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.GraphChecksum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario API on the shipped data (illustrative included): the worked example with figures worked
 * by hand, validation in the user's terms, privacy of stored scenarios and their read links, and that comparing
 * and storing scenarios never changes the graph of record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = basic("admin", "test-admin-password");
    static final String ANNA = basic("scenario-anna", "anna-password");
    static final String BERIT = basic("scenario-berit", "berit-password");
    static final String DATE = "2026-06-30";

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    ApiClient api;

    static final String SKOVDE = basic("scenario-skovde", "skovde-password");
    static final String HJO = basic("scenario-hjo", "hjo-password");

    @BeforeEach
    void setUp(@Autowired UserStore users, @Autowired PasswordEncoder encoder) {
        api = new ApiClient(port);
        if (users.find("scenario-anna").isEmpty()) {
            // Readers with no role: keeping scenarios needs a login, not an editing right.
            users.save("scenario-anna", encoder.encode("anna-password"), EnumSet.noneOf(Role.class), List.of());
            users.save("scenario-berit", encoder.encode("berit-password"), EnumSet.noneOf(Role.class), List.of());
            users.save("scenario-skovde", encoder.encode("skovde-password"), EnumSet.of(Role.EDITOR),
                    List.of("municipality:1496"));
            users.save("scenario-hjo", encoder.encode("hjo-password"), EnumSet.of(Role.EDITOR),
                    List.of("municipality:1497"));
        }
    }

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "scn-", "scenario-");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    ApiClient.Response send(String method, String path, String auth, Object body) {
        var builder = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json");
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return api.send(builder.build());
    }

    static Map<String, Object> scenario(String name, List<Map<String, Object>> changes) {
        return Map.of("name", name, "asOf", DATE, "changes", changes);
    }

    static final Map<String, Object> HJO_JOINS_BYGG_MILJO = Map.of("type", "JOIN", "body", "ill-gn-bygg-miljo-mtg",
            "party", "1497", "role", "PARTICIPANT", "from", "2026-01-01");
    static final Map<String, Object> SKOVDE_HOSTS_BYGG_MILJO = Map.of("type", "HOST", "body", "ill-gn-bygg-miljo-mtg",
            "party", "1496", "from", "2026-01-01");

    JsonNode compare(Map<String, Object> scenario, String auth) {
        var response = send("POST", "/api/scenarios/compare", auth,
                Map.of("scenario", scenario, "focus", List.of("1497")));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /**
     * The worked example, on 2026-06-30. Hjo (1497) is covered for every form (illustrative coverage.csv), so
     * its dependency is defined. The joint committees and agreements where Hjo is PARTICIPANT and another
     * municipality hosts (bundles/illustrative/parties.csv; the real bundles have none with Hjo):
     * ill-gn-it, ill-gn-lon, ill-gn-overformyndare, ill-avt-e-arkiv, ill-avt-beredskap-ostra-skaraborg (all five
     * hosted by Skövde 1496) and ill-avt-alkohol-tidaholm-hjo (Tidaholm 1498); ill-avt-bygg-tibro-hjo ended
     * 2023-01-01. Before: 5 of 6 hosted by Skövde, dependency 5/6 = 0.8333.
     *
     * <p>Skövde hosts nothing Hjo is not already in, so the example takes the building and environment committee of
     * Mariestad, Töreboda and Gullspång (ill-gn-bygg-miljo-mtg, host Mariestad 1493, areas bygg-miljo and
     * miljo-livsmedel). (a) Hjo joins it and Skövde takes over the host: 7 bodies, 6 hosted by Skövde, 6/7 = 0.8571,
     * up. (b) Hjo joins it with Mariestad as host: 7 bodies, Skövde still 5, 5/7 = 0.7143: down, not up.
     */
    @Test
    void hjoJoiningASkovdeHostedBodyRaisesItsDependencyAndAMariestadHostedOneDoesNot() {
        JsonNode skovde = compare(scenario("Skövde värd", List.of(HJO_JOINS_BYGG_MILJO, SKOVDE_HOSTS_BYGG_MILJO)), null);
        JsonNode hjo = skovde.get("parties").get(0);
        assertThat(hjo.get("code").asString()).isEqualTo("1497");
        assertThat(hjo.get("dependencyBefore").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(hjo.get("dependencyAfter").asDouble()).isCloseTo(6.0 / 7, within(1e-12));
        assertThat(hjo.get("largestHostBefore").get("code").asString()).isEqualTo("1496");
        assertThat(hjo.get("largestHostAfter").get("code").asString()).isEqualTo("1496");
        assertThat(hjo.get("areasGained").toString()).contains("bygg-miljo");
        assertThat(skovde.get("restsOnIllustrative").asBoolean()).isTrue();

        JsonNode mariestad = compare(scenario("Mariestad värd", List.of(HJO_JOINS_BYGG_MILJO)), null);
        JsonNode hjoM = mariestad.get("parties").get(0);
        assertThat(hjoM.get("dependencyBefore").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(hjoM.get("dependencyAfter").asDouble()).isCloseTo(5.0 / 7, within(1e-12));
        assertThat(hjoM.get("dependencyAfter").asDouble()).isLessThan(hjoM.get("dependencyBefore").asDouble());
        assertThat(hjoM.get("largestHostAfter").get("code").asString()).isEqualTo("1496");
    }

    @Test
    void anInvalidChangeIsRefusedNamingItAndNothingIsStored() {
        String before = GraphChecksum.of(driver);
        var response = send("POST", "/api/scenarios/compare", null, Map.of("scenario", scenario("fel", List.of(
                HJO_JOINS_BYGG_MILJO,
                Map.of("type", "JOIN", "body", "ill-gn-it-ostra-skaraborg", "party", "1497", "role", "PARTICIPANT",
                        "from", "2026-01-01"),
                Map.of("type", "JOIN", "body", "ill-gn-bygg-miljo-mtg", "party", "1499", "role", "MEMBER",
                        "from", "2026-01-01"),
                Map.of("type", "LEAVE", "body", "ill-gn-it-ostra-skaraborg", "party", "1496", "from", "2026-01-01"),
                Map.of("type", "END", "body", "no-such-body", "from", "2026-01-01"),
                Map.of("type", "JOIN", "body", "ill-gn-bygg-miljo-mtg", "party", "1498", "role", "PARTICIPANT",
                        "from", "2027-01-01")))));
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0).get("change").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("message").asString())
                .startsWith("change 2 (JOIN 1497 → ill-gn-it-ostra-skaraborg): ").contains("already a party");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("role");
        assertThat(errors.get(1).get("message").asString()).contains("HOST or PARTICIPANT, not MEMBER");
        assertThat(errors.get(2).get("message").asString()).contains("hosts").contains("HOST change");
        assertThat(errors.get(3).get("message").asString()).contains("no body 'no-such-body'");
        assertThat(errors.get(4).get("field").asString()).isEqualTo("from");
        assertThat(response.json().get("detail").asString()).contains("change 2 (JOIN 1497 → ill-gn-it-ostra-skaraborg)");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aStoredScenarioIsPrivateSharedReadOnlyByLinkAndDeletedByItsOwner() {
        String before = GraphChecksum.withoutRevision(driver);
        String revision = api.get("/api/analysis/overview").text();
        var created = send("POST", "/api/scenarios", ANNA, scenario("Hjo i bygg", List.of(HJO_JOINS_BYGG_MILJO)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(id).hasSizeGreaterThanOrEqualTo(20);
        assertThat(created.json().get("owner").asString()).isEqualTo("scenario-anna");
        assertThat(created.json().get("shared").asBoolean()).isFalse();

        assertThat(send("GET", "/api/scenarios/" + id, ANNA, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/scenarios/" + id, BERIT, null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/scenarios/" + id, null, null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/scenarios/" + id + "/comparison", BERIT, null).status()).isEqualTo(404);
        assertThat(send("DELETE", "/api/scenarios/" + id, BERIT, null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/scenarios", BERIT, null).json()).isEmpty();
        assertThat(send("GET", "/api/scenarios", ANNA, null).json().get(0).get("changes").asInt()).isEqualTo(1);

        // an analysis with the scenario: the owner sees Hjo in the committee; anyone else gets 404
        var web = send("GET", "/api/analysis/web/1497?scenario=" + id, ANNA, null);
        assertThat(web.status()).as(web.text()).isEqualTo(200);
        assertThat(web.text()).contains("ill-gn-bygg-miljo-mtg");
        assertThat(web.json().get("scenario").get("id").asString()).isEqualTo(id);
        assertThat(web.json().get("scenario").get("changes").asInt()).isEqualTo(1);
        assertThat(api.get("/api/analysis/web/1497").text()).doesNotContain("ill-gn-bygg-miljo-mtg");
        assertThat(api.get("/api/analysis/web/1497").json().has("scenario")).isFalse();
        assertThat(send("GET", "/api/analysis/web/1497?scenario=" + id, BERIT, null).status()).isEqualTo(404);

        var share = send("POST", "/api/scenarios/" + id + "/share", ANNA, null);
        assertThat(share.status()).as(share.text()).isEqualTo(200);
        String token = share.json().get("shareToken").asString();
        assertThat(share.json().get("url").asString()).isEqualTo("/scenario.html?shared=" + token);
        var shared = api.get("/api/scenarios/shared/" + token);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json().get("owner").isNull()).isTrue();
        assertThat(api.get("/api/scenarios/shared/" + token + "/comparison?focus=1497").json()
                .get("parties").get(0).get("areasGained").toString()).contains("bygg-miljo");
        assertThat(api.get("/api/analysis/web/1497?shared=" + token).text()).contains("ill-gn-bygg-miljo-mtg");
        // read only: the link gives no way to change or delete it
        assertThat(send("PUT", "/api/scenarios/" + id, BERIT, scenario("x", List.of())).status()).isEqualTo(404);

        assertThat(send("DELETE", "/api/scenarios/" + id + "/share", ANNA, null).status()).isEqualTo(204);
        assertThat(api.get("/api/scenarios/shared/" + token).status()).isEqualTo(404);
        assertThat(send("DELETE", "/api/scenarios/" + id, ANNA, null).status()).isEqualTo(204);
        assertThat(send("GET", "/api/scenarios/" + id, ANNA, null).status()).isEqualTo(404);

        // storing, sharing and deleting a scenario is not an edit: the graph of record and its revision are as before
        assertThat(GraphChecksum.withoutRevision(driver)).isEqualTo(before);
        assertThat(api.get("/api/analysis/overview").text()).isEqualTo(revision);
    }

    @Test
    void anonymousComparisonStoresNothingAndSigningInIsNeededToKeepOne() {
        String before = GraphChecksum.of(driver);
        compare(scenario("anonym", List.of(HJO_JOINS_BYGG_MILJO)), null);
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
        assertThat(send("POST", "/api/scenarios", null, scenario("x", List.of(HJO_JOINS_BYGG_MILJO))).status())
                .isEqualTo(401);
    }

    /**
     * A joint committee of the test's own, hosted by Skövde with Tidaholm, starting 2030 so that no other test (and
     * not the worked example's 2026-06-30) sees it; the scenarios on it are dated 2030 too.
     */
    JsonNode testCommittee(String id) {
        var existing = api.get("/api/bodies/" + id + "/state");
        if (existing.status() == 200) {
            return existing.json();
        }
        var created = send("POST", "/api/bodies", ADMIN, Map.of("reason", "test set-up", "body", Map.of("id", id,
                "form", "JOINT_COMMITTEE", "name", "Test " + id, "validFrom", "2030-01-01", "source", "test",
                "areas", List.of("it"), "parties", List.of(
                        Map.of("party", "1496", "role", "HOST", "validFrom", "2030-01-01", "source", "test"),
                        Map.of("party", "1498", "role", "PARTICIPANT", "validFrom", "2030-01-01", "source", "test")))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    static Map<String, Object> in2030(String name, List<Map<String, Object>> changes) {
        return Map.of("name", name, "asOf", "2030-06-30", "changes", changes);
    }

    @Test
    void anEditorAppliesAScenarioInOneStepAndTheEditsAreInTheAuditTrail() {
        testCommittee("scn-apply");
        var created = send("POST", "/api/scenarios", SKOVDE, in2030("Hjo och Karlsborg med", List.of(
                Map.of("type", "JOIN", "body", "scn-apply", "party", "1497", "role", "PARTICIPANT", "from", "2030-02-01"),
                Map.of("type", "JOIN", "body", "scn-apply", "party", "1446", "role", "PARTICIPANT", "from", "2030-03-01"),
                Map.of("type", "START", "from", "2030-04-01", "body", Map.of("name", "Test e-arkiv", "form", "AGREEMENT",
                        "areas", List.of("e-arkiv"), "parties", List.of("1496", "1497"), "host", "1496")))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String startedId = "scenario-" + id + "-3";

        var applied = send("POST", "/api/scenarios/" + id + "/apply", SKOVDE, Map.of("reason", "KS-beslut 2030-01-15"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        JsonNode rows = applied.json().get("applied");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("body").asString()).isEqualTo("scn-apply");
        assertThat(rows.get(0).get("change").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("body").asString()).isEqualTo(startedId);
        assertThat(rows.get(1).get("version").asLong()).isEqualTo(1);

        JsonNode state = api.get("/api/bodies/scn-apply/state").json();
        assertThat(state.get("parties").toString()).contains("\"party\":\"1497\"").contains("\"party\":\"1446\"")
                .contains("2030-02-01").contains("scenario " + id);
        JsonNode started = api.get("/api/bodies/" + startedId + "/state").json();
        assertThat(started.get("form").asString()).isEqualTo("AGREEMENT");
        assertThat(started.get("parties").toString()).contains("HOST").contains("1497");
        var trail = send("GET", "/api/changes?entity=scn-apply", ADMIN, null).json();
        assertThat(trail.toString()).contains("KS-beslut 2030-01-15").contains("1497");
        assertThat(send("GET", "/api/changes?entity=" + startedId, ADMIN, null).json().toString())
                .contains("KS-beslut 2030-01-15");

        // applied once: the committee has moved on, so a second apply is stale and writes nothing
        String before = GraphChecksum.of(driver);
        var again = send("POST", "/api/scenarios/" + id + "/apply", SKOVDE, Map.of("reason", "again"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aScenarioMadeBeforeAnEditIsStaleAndNothingIsWritten() {
        JsonNode committee = testCommittee("scn-stale");
        var created = send("POST", "/api/scenarios", SKOVDE, in2030("Hjo med", List.of(
                Map.of("type", "JOIN", "body", "scn-stale", "party", "1497", "role", "PARTICIPANT", "from", "2030-02-01"),
                Map.of("type", "START", "from", "2030-04-01", "body", Map.of("name", "Test lön", "form", "AGREEMENT",
                        "areas", List.of("lon"), "parties", List.of("1496", "1499"), "host", "1496")))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        // meanwhile, Hjo joins for real (through the editing API)
        var join = send("POST", "/api/bodies/scn-stale/parties", ADMIN, Map.of("version", committee.get("version").asLong(),
                "reason", "meanwhile", "party", "1497", "role", "PARTICIPANT", "validFrom", "2030-01-15", "source", "test"));
        assertThat(join.status()).as(join.text()).isEqualTo(200);

        String before = GraphChecksum.of(driver);
        var applied = send("POST", "/api/scenarios/" + id + "/apply", SKOVDE, Map.of("reason", "too late"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(409);
        JsonNode stale = applied.json().get("stale");
        assertThat(stale).isNotEmpty();
        assertThat(stale.get(0).get("change").asInt()).isEqualTo(1);
        assertThat(stale.get(0).get("message").asString()).startsWith("change 1 (JOIN 1497 → scn-stale)");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
        assertThat(api.get("/api/bodies/scenario-" + id + "-2/state").status()).isEqualTo(404);
    }

    @Test
    void aChangeOutsideTheEditorsScopeIsRefusedNamingItAndNothingIsWritten() {
        testCommittee("scn-scope");
        var created = send("POST", "/api/scenarios", HJO, in2030("Hjo vill in", List.of(
                Map.of("type", "START", "from", "2030-04-01", "body", Map.of("name", "Test IT Hjo", "form", "AGREEMENT",
                        "areas", List.of("it"), "parties", List.of("1497", "1498"), "host", "1497")),
                Map.of("type", "JOIN", "body", "scn-scope", "party", "1497", "role", "PARTICIPANT", "from", "2030-02-01"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String before = GraphChecksum.of(driver);
        var applied = send("POST", "/api/scenarios/" + id + "/apply", HJO, Map.of("reason", "no"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(403);
        assertThat(applied.json().get("detail").asString()).startsWith("change 2 (JOIN 1497 → scn-scope)");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
        // a reader (no editing role) may keep scenarios but not apply them
        var mine = send("POST", "/api/scenarios", ANNA, in2030("x", List.of(
                Map.of("type", "JOIN", "body", "scn-scope", "party", "1497", "role", "PARTICIPANT", "from", "2030-02-01"))));
        assertThat(send("POST", "/api/scenarios/" + mine.json().get("id").asString() + "/apply", ANNA,
                Map.of("reason", "x")).status()).isEqualTo(403);
    }

    @Test
    void storingAScenarioChecksTheLoadersRulesNamingTheChange() {
        testCommittee("scn-rules");
        // the committee starts 2030-01-01: a row from 2029 is outside its life, which only the loader's rules know
        var created = send("POST", "/api/scenarios", SKOVDE, Map.of("name", "för tidigt", "asOf", "2030-06-30",
                "changes", List.of(Map.of("type", "JOIN", "body", "scn-rules", "party", "1497", "role", "PARTICIPANT",
                        "from", "2029-06-01"))));
        assertThat(created.status()).as(created.text()).isEqualTo(422);
        assertThat(created.json().get("errors").get(0).get("change").asInt()).isEqualTo(1);
        assertThat(created.json().get("errors").get(0).get("message").asString())
                .startsWith("change 1 (JOIN 1497 → scn-rules): parties.csv");
    }
}
