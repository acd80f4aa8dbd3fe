package se.samverkansvaven.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.GraphChecksum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/coverage on the shipped data, and declarations through the editing API: scope, version (409),
 * the loader's rules (422, nothing changed), the audit trail, withdrawal. Declarations are made for the
 * Västerbotten municipalities 2480 Umeå and 2482 Skellefteå, which no shipped row covers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = basic("admin", "test-admin-password");
    static final String UMEA = basic("umea-editor", "umea-password");
    static final String SKOVDE = basic("coverage-skovde-editor", "skovde-password");
    /** Skaraborg's 15, which the illustrative bundle covers for the default forms from 2005-01-01. */
    static final List<String> SKARABORG = List.of("1444", "1445", "1446", "1447", "1470", "1471", "1472", "1473",
            "1493", "1494", "1495", "1496", "1497", "1498", "1499");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    ApiClient api;

    @BeforeEach
    void setUp(@Autowired UserStore users, @Autowired PasswordEncoder encoder) {
        api = new ApiClient(port);
        if (users.find("umea-editor").isEmpty()) {
            users.save("umea-editor", encoder.encode("umea-password"), EnumSet.of(Role.EDITOR), List.of("municipality:2480"));
            users.save("coverage-skovde-editor", encoder.encode("skovde-password"), EnumSet.of(Role.EDITOR),
                    List.of("municipality:1496"));
        }
    }

    @AfterAll
    static void removeDeclarations(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                tx.run("MATCH (c:Coverage)-[:OF]->(m:Municipality) WHERE m.code IN ['2480', '2482'] DETACH DELETE c").consume();
                tx.run("MATCH (m:Municipality) WHERE m.code IN ['2480', '2482'] REMOVE m.coverageVersion").consume();
                GraphRevisions.bump(tx);
            });
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    ApiClient.Response post(String path, String auth, Object body) {
        var builder = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json");
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return api.send(builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Filtering the trail by user needs a login (docs/security.md, AuditTrailPrivacyTest). */
    private JsonNode trailOfUmeaEditor() {
        var trail = api.send(HttpRequest.newBuilder(api.uri("/api/changes?entity=2480&user=umea-editor"))
                .header("Authorization", ADMIN).build());
        assertThat(trail.status()).as(trail.text()).isEqualTo(200);
        return trail.json();
    }

    JsonNode get(String path) {
        var response = api.get(path);
        assertThat(response.status()).as(path + " -> " + response.text()).isEqualTo(200);
        return response.json();
    }

    static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(n -> codes.add(n.get("code").asString()));
        return codes;
    }

    @Test
    void theShippedDataCoversSkaraborgIllustrativelyAndNothingReal() {
        JsonNode county = get("/api/coverage?asOf=2026-11-21&scope=county:14");
        assertThat(county.get("forms").toString()).isEqualTo("[\"FEDERATION\",\"JOINT_COMMITTEE\",\"AGREEMENT\",\"COMPANY\",\"ASSOCIATION\"]");
        assertThat(county.get("municipalities").asInt()).isEqualTo(49);
        assertThat(county.get("coveredCount").asInt()).isEqualTo(15);
        assertThat(county.get("notCoveredCount").asInt()).isEqualTo(34);
        assertThat(codes(county.get("covered"))).containsExactlyElementsOf(SKARABORG);
        assertThat(codes(county.get("notCovered"))).hasSize(34).doesNotContainAnyElementsOf(SKARABORG).contains("1480");
        JsonNode skovde = county.get("covered").get(11);
        assertThat(skovde.get("code").asString()).isEqualTo("1496");
        assertThat(skovde.get("name").asString()).isEqualTo("Skövde");
        assertThat(skovde.get("illustrative").asBoolean()).isTrue();
        assertThat(skovde.get("rows").get(0).get("source").asString()).isEqualTo("illustrative");
        assertThat(skovde.get("rows").get(0).get("validFrom").asString()).isEqualTo("2005-01-01");

        JsonNode real = get("/api/coverage?asOf=2026-11-21&scope=county:14&illustrative=false");
        assertThat(real.get("coveredCount").asInt()).as("no real source says a list is complete").isZero();
        assertThat(real.get("notCoveredCount").asInt()).isEqualTo(49);
        assertThat(get("/api/coverage?asOf=2004-12-31&scope=county:14").get("coveredCount").asInt()).isZero();
        assertThat(get("/api/coverage?asOf=2026-11-21&scope=county:14&forms=NETWORK").get("coveredCount").asInt())
                .as("networks are not claimed").isZero();
        assertThat(get("/api/coverage?asOf=2026-11-21&scope=federation:fed-skaraborg&forms=federation,company")
                .get("coveredCount").asInt()).isEqualTo(15);
        assertThat(get("/api/coverage?asOf=2026-11-21&scope=codes:1496,1480").get("covered").size()).isEqualTo(1);
        assertThat(get("/api/coverage?asOf=2025-11-21&scope=county:24").get("coveredCount").asInt())
                .as("this class declares for Umeå and Skellefteå from 2026 only").isZero();
    }

    /** The answer names the filter it was computed for, as every analysis answer does (illustrativeIncluded, forms, asOf). */
    @Test
    void theAnswerEchoesItsFilter() {
        JsonNode real = get("/api/coverage?asOf=2020-02-29&scope=county:14&forms=company,FEDERATION&illustrative=false");
        assertThat(real.get("asOf").asString()).isEqualTo("2020-02-29");
        assertThat(real.get("forms").toString()).isEqualTo("[\"FEDERATION\",\"COMPANY\"]");
        assertThat(real.get("scope").asString()).isEqualTo("county:14");
        assertThat(real.get("illustrativeIncluded").asBoolean()).isFalse();
        assertThat(real.get("complete").asBoolean()).isFalse();
        assertThat(real.get("illustrative").asBoolean()).isFalse();

        JsonNode all = get("/api/coverage?asOf=2020-02-29&scope=county:14&forms=FEDERATION");
        assertThat(all.get("illustrativeIncluded").asBoolean()).isTrue();
        assertThat(all.get("illustrative").asBoolean()).as("Skaraborg is covered by illustrative rows only").isTrue();
        assertThat(get("/api/coverage?scope=codes:1496&asOf=2020-02-29").get("complete").asBoolean()).isTrue();
        assertThat(get("/api/coverage").get("scope").asString()).isEqualTo("all");
    }

    @Test
    void badParametersAreNamed() {
        assertThat(api.get("/api/coverage?scope=county:99").status()).isEqualTo(404);
        assertThat(api.get("/api/coverage?scope=federation:fed-nope").status()).isEqualTo(404);
        assertThat(api.get("/api/coverage?scope=federation:net-gr-rfp").json().get("detail").asString()).contains("NETWORK");
        assertThat(api.get("/api/coverage?scope=codes:1496,9999").status()).isEqualTo(404);
        var scope = api.get("/api/coverage?scope=lan:14");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.json().get("parameter").asString()).isEqualTo("scope");
        var forms = api.get("/api/coverage?forms=FEDERATION,KOMMUN");
        assertThat(forms.status()).isEqualTo(400);
        assertThat(forms.json().get("detail").asString()).contains("'KOMMUN' is not a form");
        assertThat(api.get("/api/coverage?asOf=2026-13-01").status()).isEqualTo(400);
        assertThat(api.get("/api/coverage/skovde").status()).isEqualTo(400);
        assertThat(api.get("/api/coverage/9999").status()).isEqualTo(404);
    }

    @Test
    void anEditorOfUmeaDeclaresItsJointCommitteesCompleteAndEndsTheDeclaration() {
        JsonNode state = get("/api/coverage/2480");
        long version = state.get("version").asLong();
        var declared = post("/api/coverage/2480", UMEA, Map.of("version", version, "reason", "KS 2026-03-02 §7",
                "forms", List.of("JOINT_COMMITTEE", "AGREEMENT"), "validFrom", "2026-01-01",
                "source", "Umeå kommun: KS-beslut 2026-03-02 §7"));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        assertThat(declared.json().get("version").asLong()).isEqualTo(version + 1);
        JsonNode row = declared.json().get("rows").get(0);
        assertThat(row.get("forms").toString()).isEqualTo("[\"JOINT_COMMITTEE\",\"AGREEMENT\"]");
        assertThat(row.get("illustrative").asBoolean()).isFalse();

        JsonNode covered = get("/api/coverage?asOf=2026-06-01&scope=codes:2480&forms=JOINT_COMMITTEE");
        assertThat(codes(covered.get("covered"))).containsExactly("2480");
        assertThat(covered.get("covered").get(0).get("rows").get(0).get("source").asString())
                .isEqualTo("Umeå kommun: KS-beslut 2026-03-02 §7");
        assertThat(get("/api/coverage?asOf=2025-12-31&scope=codes:2480&forms=JOINT_COMMITTEE").get("coveredCount").asInt()).isZero();
        assertThat(get("/api/coverage?asOf=2026-06-01&scope=codes:2480&forms=JOINT_COMMITTEE,FEDERATION")
                .get("coveredCount").asInt()).as("federations not declared").isZero();

        JsonNode changes = trailOfUmeaEditor();
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("action").asString()).isEqualTo("CREATE");
            assertThat(c.get("entityType").asString()).isEqualTo("Coverage");
            assertThat(c.get("field").asString()).isEqualTo("coverage JOINT_COMMITTEE;AGREEMENT from 2026-01-01");
            assertThat(c.get("reason").asString()).isEqualTo("KS 2026-03-02 §7");
        });
        try (var session = driver.session()) {
            int linked = session.executeRead(tx -> tx.run("MATCH (c:Change {entityType: 'Coverage', entityId: '2480'})"
                    + "-[:CHANGED]->(:Municipality {code: '2480'}) RETURN count(c) AS n").single().get("n").asInt());
            assertThat(linked).isPositive();
        }

        // the same statement again changes nothing: refused
        var again = post("/api/coverage/2480", UMEA, Map.of("version", version + 1, "forms", List.of("AGREEMENT", "JOINT_COMMITTEE"),
                "validFrom", "2026-01-01", "source", "Umeå kommun: KS-beslut 2026-03-02 §7"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("message").asString()).startsWith("This is already declared");

        var withdrawn = post("/api/coverage/2480/withdraw", UMEA, Map.of("version", version + 1, "reason", "nämnden avvecklas",
                "row", row.get("id").asString(), "validTo", "2026-09-01"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("rows").get(0).get("validTo").asString()).isEqualTo("2026-09-01");
        assertThat(get("/api/coverage?asOf=2026-08-31&scope=codes:2480&forms=JOINT_COMMITTEE").get("coveredCount").asInt()).isOne();
        assertThat(get("/api/coverage?asOf=2026-09-01&scope=codes:2480&forms=JOINT_COMMITTEE").get("coveredCount").asInt()).isZero();
        assertThat(trailOfUmeaEditor()).anySatisfy(c -> {
            assertThat(c.get("action").asString()).isEqualTo("UPDATE");
            assertThat(c.get("before").asString()).doesNotContain("until");
            assertThat(c.get("after").asString()).contains("until 2026-09-01");
        });
    }

    @Test
    void refusalsChangeNothing() {
        long version = get("/api/coverage/2480").get("version").asLong();
        String before = GraphChecksum.of(driver);
        Map<String, Object> declaration = Map.of("version", version, "forms", List.of("FEDERATION"), "validFrom", "2026-01-01");

        var outOfScope = post("/api/coverage/2480", SKOVDE, declaration);
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.json().get("detail").asString()).contains("municipality:2480");
        assertThat(post("/api/coverage/2480", null, declaration).status()).isEqualTo(401);

        var stale = post("/api/coverage/2480", UMEA, Map.of("version", version + 7, "validFrom", "2026-01-01"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("version").asLong()).isEqualTo(version);

        var bad = post("/api/coverage/2480", UMEA, Map.of("version", version, "forms", List.of("FEDERATION", "NÄMND"),
                "validFrom", "2026-02-30"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValues("column").stream().map(JsonNode::asString).toList())
                .containsExactly("forms", "valid_from");
        assertThat(post("/api/coverage/2480", UMEA, Map.of("version", version)).status()).isEqualTo(422);
        assertThat(post("/api/coverage/2480", UMEA, Map.of("validFrom", "2026-01-01")).status()).as("no version").isEqualTo(422);
        var noRow = post("/api/coverage/2480/withdraw", UMEA, Map.of("version", version, "row", "cov-0000000000000000",
                "validTo", "2026-01-01"));
        assertThat(noRow.status()).isEqualTo(422);
        assertThat(GraphChecksum.of(driver)).as("the graph after refused declarations").isEqualTo(before);
    }

    @Test
    void anAdministratorDeclaresForAnyMunicipalityWithTheDefaultSource() {
        long version = get("/api/coverage/2482").get("version").asLong();
        var declared = post("/api/coverage/2482", ADMIN, Map.of("version", version, "validFrom", "2026-01-01"));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        JsonNode row = declared.json().get("rows").get(0);
        assertThat(row.get("forms")).isEmpty();
        assertThat(row.get("source").asString()).isEqualTo("Declaration by admin (Samverkansväven editing API)");
        // every form: covered for all of them, networks included
        assertThat(get("/api/coverage?asOf=2026-06-01&scope=codes:2482&forms=FEDERATION,NETWORK,INITIATIVE")
                .get("coveredCount").asInt()).isOne();
    }
}
