package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.SamverkansvavenApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app instances on one Neo4j: A with the embedded database, B against A's Bolt port with the password from A's
 * data directory, as a second instance against a server would be. Each keeps its own caches; the revision check
 * (200 ms here) makes A's write visible on B, and the body version checked in the write transaction keeps
 * concurrent edits through both from overwriting each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    ApiClient apiA;
    ApiClient apiB;

    @BeforeAll
    void start() throws Exception {
        Path home = dir.resolve("a-data");
        a = new SpringApplicationBuilder(SamverkansvavenApplication.class).run(
                "--samverkansvaven.embedded.data-dir=" + home, "--samverkansvaven.embedded.bolt-port=0",
                "--server.port=0", "--samverkansvaven.cache.revision-check-interval=200ms",
                // The reference data only: the checks use bodies of their own, and loading the shipped bundles
                // would be most of this class's start-up.
                "--samverkansvaven.data.bundles=false", "--samverkansvaven.data.illustrative=false");
        var api = (GraphDatabaseAPI) a.getBean(DatabaseManagementService.class).database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int bolt = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT).getPort();
        String password = Files.readString(home.resolve("neo4j-password")).strip();
        b = new SpringApplicationBuilder(SamverkansvavenApplication.class).run(
                "--spring.neo4j.uri=bolt://127.0.0.1:" + bolt, "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + password,
                "--samverkansvaven.embedded.data-dir=" + dir.resolve("b-must-stay-empty"),
                "--samverkansvaven.data.bundles=false", "--samverkansvaven.data.illustrative=false", // as A
                "--server.port=0", "--samverkansvaven.cache.revision-check-interval=200ms");
        assertThat(b.getBeansOfType(DatabaseManagementService.class)).isEmpty();
        apiA = new ApiClient(port(a));
        apiB = new ApiClient(port(b));
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static ApiClient.Response send(ApiClient api, String method, String path, Object body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static Map<String, Object> association(String id, String name, String... members) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String m : members) {
            parties.add(Map.of("party", m, "role", "MEMBER", "validFrom", "2020-01-01", "source", "test"));
        }
        return Map.of("id", id, "form", "ASSOCIATION", "name", name, "validFrom", "2020-01-01", "source", "test",
                "parties", parties);
    }

    @Test
    void aWriteOnOneInstanceIsReadOnTheOtherAfterTheRevisionCheck() throws Exception {
        String path = "/api/municipalities/1496?asOf=2025-06-01";
        apiB.get(path);
        var cached = apiB.send(HttpRequest.newBuilder(apiB.uri(path)).build());
        assertThat(cached.text()).doesNotContain("two-instances-a");
        var hit = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(apiB.uri(path)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(hit.headers().firstValue("X-Cache")).contains("HIT"); // B holds the answer from before the write

        var created = send(apiA, "POST", "/api/bodies", Map.of("reason", "two instances",
                "body", association("two-instances-a", "Två instanser förening", "1496")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        // B takes the new revision at its next check and answers from the graph again
        String seen = "";
        for (int i = 0; i < 300 && !seen.contains("two-instances-a"); i++) {
            Thread.sleep(100);
            seen = apiB.get(path).text();
        }
        assertThat(seen).contains("two-instances-a");
        assertThat(apiB.get("/api/bodies/two-instances-a").json().get("name").asString()).isEqualTo("Två instanser förening");
    }

    @Test
    void aStaleVersionFromOneInstanceIsRefusedThroughTheOther() {
        var created = send(apiA, "POST", "/api/bodies", Map.of("reason", "two instances",
                "body", association("two-instances-stale", "Två instanser inaktuell", "1496")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long version = apiB.get("/api/bodies/two-instances-stale/state").json().get("version").asLong();

        var first = send(apiA, "POST", "/api/bodies/two-instances-stale/parties", Map.of("version", version,
                "party", "1497", "role", "MEMBER", "validFrom", "2024-01-01"));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        var stale = send(apiB, "POST", "/api/bodies/two-instances-stale/parties", Map.of("version", version,
                "party", "1498", "role", "MEMBER", "validFrom", "2024-01-01"));
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.json().get("current").get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void concurrentEditsThroughBothInstancesLoseNoUpdate() throws Exception {
        var created = send(apiA, "POST", "/api/bodies", Map.of("reason", "two instances",
                "body", association("two-instances-parallel", "Två instanser parallell", "1496")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long initial = created.json().get("version").asLong();
        List<String> joiners = List.of("1497", "1498", "1499", "1460", "1461", "1462", "1463", "1465");
        int[] conflicts = new int[1];
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < joiners.size(); i++) {
                ApiClient api = i % 2 == 0 ? apiA : apiB; // alternate instances
                String code = joiners.get(i);
                tasks.add(() -> {
                    for (int attempt = 1; ; attempt++) {
                        JsonNode state = api.send(HttpRequest.newBuilder(api.uri("/api/bodies/two-instances-parallel/state"))
                                .header("Authorization", ADMIN).build()).json();
                        var r = send(api, "POST", "/api/bodies/two-instances-parallel/parties", Map.of(
                                "version", state.get("version").asLong(), "party", code, "role", "MEMBER",
                                "validFrom", "2024-01-01"));
                        if (r.status() != 409 || attempt > 50) {
                            return r.status();
                        }
                        synchronized (conflicts) {
                            conflicts[0]++;
                        }
                    }
                });
            }
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        for (ApiClient api : List.of(apiA, apiB)) {
            JsonNode state = api.get("/api/bodies/two-instances-parallel/state").json();
            List<String> parties = new ArrayList<>();
            state.get("parties").forEach(p -> parties.add(p.get("party").asString()));
            assertThat(parties).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(java.util.stream.Stream.of("1496"), joiners.stream()).toList());
            assertThat(state.get("version").asLong()).isEqualTo(initial + joiners.size());
        }
        System.out.println("TwoInstancesTest: " + conflicts[0] + " stale versions refused (409) and retried");
    }
}
