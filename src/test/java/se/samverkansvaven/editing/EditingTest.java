package se.samverkansvaven.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.security.Role;
import se.samverkansvaven.security.UserStore;
import se.samverkansvaven.testing.GraphChecksum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "done when": an editor for Skövde changes a Skövde body and sees it in the audit list, is
 * refused on a Göteborg body, and gets 409 for a stale version; plus validation, purge and parallel writers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = basic("admin", "test-admin-password");
    static final String SKOVDE = basic("skovde-editor", "skovde-password");

    @LocalServerPort
    int port;

    @org.junit.jupiter.api.AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired se.samverkansvaven.database.GraphRevisions revisions) {
        se.samverkansvaven.testing.TestBodies.remove(driver, revisions, "sec-");
    }

    @Autowired
    Driver driver;

    ApiClient api;

    @BeforeEach
    void setUp(@Autowired UserStore users, @Autowired PasswordEncoder encoder) {
        api = new ApiClient(port);
        if (users.find("skovde-editor").isEmpty()) {
            users.save("skovde-editor", encoder.encode("skovde-password"), EnumSet.of(Role.EDITOR),
                    List.of("municipality:1496"));
        }
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

    static Map<String, Object> association(String id, String name, String... members) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String m : members) {
            parties.add(Map.of("party", m, "role", "MEMBER", "validFrom", "2020-01-01", "source", "test"));
        }
        return Map.of("id", id, "form", "ASSOCIATION", "name", name, "validFrom", "2020-01-01", "source", "test",
                "parties", parties);
    }

    /** Creates the body as admin unless it exists; returns its state. */
    JsonNode ensure(Map<String, Object> body) {
        var existing = api.get("/api/bodies/" + body.get("id") + "/state");
        if (existing.status() == 200) {
            return existing.json();
        }
        var created = send("POST", "/api/bodies", ADMIN, Map.of("reason", "test set-up", "body", body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    static Map<String, Object> renamed(JsonNode state, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.convertValue(state, Map.class);
        body.put("name", name);
        return body;
    }

    @Test
    void anEditorForSkovdeChangesASkovdeBodyAndSeesItInTheAuditList() {
        JsonNode state = ensure(association("sec-skovde-a", "Skövde förening", "1496", "1497"));
        long version = state.get("version").asLong();

        var changed = send("PUT", "/api/bodies/sec-skovde-a", SKOVDE,
                Map.of("version", version, "reason", "nytt namn enligt beslut", "body", renamed(state, "Skövde nya förening")));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(version + 1);
        assertThat(api.get("/api/bodies/sec-skovde-a").json().get("name").asString()).isEqualTo("Skövde nya förening");

        var changes = send("GET", "/api/changes?entity=sec-skovde-a&user=skovde-editor", SKOVDE, null).json();
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("field").asString()).isEqualTo("name");
            assertThat(c.get("before").asString()).isEqualTo("Skövde förening");
            assertThat(c.get("after").asString()).isEqualTo("Skövde nya förening");
            assertThat(c.get("reason").asString()).isEqualTo("nytt namn enligt beslut");
            assertThat(c.get("action").asString()).isEqualTo("UPDATE");
        });
    }

    @Test
    void anEditorForSkovdeIsRefusedOnAGoteborgBodyAndNothingChanges() {
        JsonNode state = ensure(association("sec-goteborg-a", "Göteborg förening", "1480"));
        String before = GraphChecksum.of(driver);
        var refused = send("PUT", "/api/bodies/sec-goteborg-a", SKOVDE,
                Map.of("version", state.get("version").asLong(), "body", renamed(state, "kapad")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("problem+json");
        // Adding Skövde to a foreign body is refused too: the scope is checked on the stored state.
        var join = send("POST", "/api/bodies/sec-goteborg-a/parties", SKOVDE, Map.of("version",
                state.get("version").asLong(), "party", "1496", "role", "MEMBER", "validFrom", "2024-01-01"));
        assertThat(join.status()).isEqualTo(403);
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aStaleVersionGets409WithTheCurrentState() {
        JsonNode state = ensure(association("sec-skovde-b", "Skövde B", "1496"));
        long version = state.get("version").asLong();
        var first = send("PUT", "/api/bodies/sec-skovde-b", SKOVDE,
                Map.of("version", version, "body", renamed(state, "Skövde B1")));
        assertThat(first.status()).isEqualTo(200);
        String before = GraphChecksum.of(driver);
        var stale = send("PUT", "/api/bodies/sec-skovde-b", SKOVDE,
                Map.of("version", version, "body", renamed(state, "Skövde B2")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("version").asLong()).isEqualTo(version + 1);
        assertThat(stale.json().get("current").get("name").asString()).isEqualTo("Skövde B1");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void aChangeBreakingALoaderRuleGets422InTheLoadersShapeAndWritesNothing() {
        JsonNode state = ensure(association("sec-skovde-c", "Skövde C", "1496"));
        String before = GraphChecksum.of(driver);
        var bad = send("POST", "/api/bodies/sec-skovde-c/parties", SKOVDE, Map.of("version",
                state.get("version").asLong(), "party", "9999", "role", "MEMBER", "validFrom", "2019-01-01"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).isNotEmpty();
        assertThat(bad.json().get("errors").get(0).get("file").asString()).isEqualTo("parties.csv");
        assertThat(bad.text()).contains("9999");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void joinChangeRoleAndLeaveEndRowsInsteadOfDeletingThem() {
        JsonNode state = ensure(association("sec-skovde-d", "Skövde D", "1496"));
        long v = state.get("version").asLong();
        var joined = send("POST", "/api/bodies/sec-skovde-d/parties", SKOVDE, Map.of("version", v,
                "party", "1497", "role", "MEMBER", "validFrom", "2024-01-01", "source", "beslut 12"));
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        var left = send("POST", "/api/bodies/sec-skovde-d/parties/leave", SKOVDE, Map.of("version", v + 1,
                "party", "1497", "role", "MEMBER", "validFrom", "2024-01-01", "validTo", "2025-06-30"));
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        assertThat(left.json().get("parties")).anySatisfy(p -> {
            assertThat(p.get("party").asString()).isEqualTo("1497");
            assertThat(p.get("validTo").asString()).isEqualTo("2025-06-30");
        });
        var changes = api.get("/api/changes?entity=sec-skovde-d").json();
        assertThat(changes).anySatisfy(c -> assertThat(c.get("field").asString()).startsWith("party 1497 MEMBER"));
    }

    @Test
    void onlyAnAdministratorPurgesAndThePurgeIsRecorded() {
        ensure(association("sec-skovde-purge", "Skövde purge", "1496"));
        assertThat(send("DELETE", "/api/bodies/sec-skovde-purge", SKOVDE, null).status()).isEqualTo(403);
        var purged = send("DELETE", "/api/bodies/sec-skovde-purge?reason=felregistrerad", ADMIN, null);
        assertThat(purged.status()).isEqualTo(204);
        assertThat(api.get("/api/bodies/sec-skovde-purge").status()).isEqualTo(404);
        assertThat(send("GET", "/api/changes?entity=sec-skovde-purge&user=admin", ADMIN, null).json()).anySatisfy(c -> {
            assertThat(c.get("action").asString()).isEqualTo("PURGE");
            assertThat(c.get("reason").asString()).isEqualTo("felregistrerad");
        });
    }

    @Test
    void parallelWritersOnOneBodyLoseNoUpdate() throws Exception {
        ensure(association("sec-skovde-parallel", "Skövde parallel", "1496"));
        List<String> joiners = List.of("1497", "1498", "1499", "1460", "1461", "1462", "1463", "1465");
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (String code : joiners) {
                tasks.add(() -> {
                    for (int attempt = 1; ; attempt++) {
                        long v = api.get("/api/bodies/sec-skovde-parallel/state").json().get("version").asLong();
                        var r = send("POST", "/api/bodies/sec-skovde-parallel/parties", ADMIN, Map.of("version", v,
                                "party", code, "role", "MEMBER", "validFrom", "2024-01-01"));
                        if (r.status() != 409 || attempt > 50) {
                            return r.status();
                        }
                    }
                });
            }
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        JsonNode state = api.get("/api/bodies/sec-skovde-parallel/state").json();
        List<String> parties = new ArrayList<>();
        state.get("parties").forEach(p -> parties.add(p.get("party").asString()));
        assertThat(parties).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("1496"), joiners.stream()).toList());
        assertThat(state.get("version").asLong()).isEqualTo(1 + joiners.size());
        // Every join is in the audit trail: no write went unrecorded.
        assertThat(api.get("/api/changes?entity=sec-skovde-parallel").json().size()).isGreaterThanOrEqualTo(joiners.size());
    }

    @Test
    void aBodyNamedScriptIsStoredAsTextAndNoPageWritesDataAsHtml() throws Exception {
        String name = "<script>alert('x')</script>";
        ensure(association("sec-skovde-script", name, "1496"));
        assertThat(api.get("/api/bodies/sec-skovde-script").json().get("name").asString()).isEqualTo(name);
        // The pages set data with textContent only (common.js el()/fill()); none may use an HTML sink.
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/static/js"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String code = java.nio.file.Files.readString(file).replaceAll("//[^\n]*", "");
                assertThat(code).as(file.toString()).doesNotContain(".innerHTML").doesNotContain("insertAdjacentHTML")
                        .doesNotContain("outerHTML").doesNotContain("document.write");
            }
        }
    }

    /** The pages ask whether to show the editing form: in scope for Skövde's editor, not for Göteborg's bodies. */
    @Test
    void accessSaysWhoMayEditTheBody() {
        var anonymous = api.get("/api/bodies/fed-skaraborg/access").json();
        assertThat(anonymous.get("authenticated").asBoolean()).isFalse();
        assertThat(anonymous.get("mayEdit").asBoolean()).isFalse();
        var skovde = send("GET", "/api/bodies/fed-skaraborg/access", SKOVDE, null).json();
        assertThat(skovde.get("mayEdit").asBoolean()).as("Skövde is a member of Skaraborg").isTrue();
        assertThat(skovde.get("mayCreate").asBoolean()).isTrue();
        assertThat(skovde.get("user").asString()).isEqualTo("skovde-editor");
        assertThat(send("GET", "/api/bodies/fed-gr/access", SKOVDE, null).json().get("mayEdit").asBoolean())
                .as("Skövde is not in GR").isFalse();
        assertThat(send("GET", "/api/bodies/fed-gr/access", ADMIN, null).json().get("mayEdit").asBoolean()).isTrue();
        assertThat(api.get("/api/bodies/no-such-body/access").status()).isEqualTo(404);
    }
}
