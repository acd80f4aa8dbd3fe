package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.testing.TestBodies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports and creations racing on one body, over real HTTP as an administrator (issue 18, items 2 and 3): an
 * import locks the bodies it names before it reads their rows, so two imports of one body end as exactly one
 * of them, as if one had come after the other; a body created by someone else while an import creates it is
 * then replaced like any stored body (or left alone when identical), and while the editing API creates it is
 * a 409 with its current state; never a 500. The races over HTTP run for many rounds, since one round may
 * happen to run the two requests one after the other; the held-transaction cases make the race certain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentImportTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROUNDS = 8;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterAll
    static void removeTestBodies(@Autowired Driver driver, @Autowired GraphRevisions revisions) {
        TestBodies.remove(driver, revisions, "race-");
    }

    @Test
    void twoImportsReplacingOneStoredBodyEndAsExactlyOneOfThem() throws Exception {
        var api = new ApiClient(port);
        byte[] stored = association("race-stored", "Kapplöpningen", "1496");
        byte[] x = association("race-stored", "Kapplöpningen", "1496", "1401", "1407");
        byte[] y = association("race-stored", "Y", "1496", "1402", "1407");
        String asX = "Kapplöpningen [1401, 1407, 1496]";
        String asY = "Y [1402, 1407, 1496]";
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(upload(api, stored).status()).isEqualTo(201);
            assertThat(state("race-stored")).isEqualTo("Kapplöpningen [1496]");
            List<ApiClient.Response> answers = together(() -> upload(api, x), () -> upload(api, y));
            for (var answer : answers) {
                assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            }
            String end = state("race-stored");
            assertThat(end).as("round " + round).isIn(asX, asY);
            outcomes.add(end);
        }
        // The body's rows are still editable: no duplicate row was left behind.
        assertThat(count("MATCH (:Municipality {code: '1407'})-[r:PARTY_TO]->(:Body {id: 'race-stored'}) RETURN count(r)"))
                .isEqualTo(1);
    }

    /**
     * The same race made certain: the test's transaction takes the body's lock (as a load or edit does) and
     * stays open until the import Y waits on it, then adds X's rows and commits. Y must read the rows after
     * that commit, so it ends as exactly Y; reading them before (no lock) left X's 1401 and a second 1407.
     */
    @Test
    void anImportWaitsForAWriterOfItsBodyAndThenReplacesWhatThatWriterLeft() throws Exception {
        var api = new ApiClient(port);
        assertThat(upload(api, association("race-stored", "Kapplöpningen", "1496")).status()).isEqualTo(201);
        try (var session = driver.session(); var held = session.beginTransaction();
             var pool = Executors.newSingleThreadExecutor()) {
            held.run("MATCH (b:Body {id: 'race-stored'}) SET b.version = b.version + 1").consume();
            // Y keeps the name here, so nothing but the lock makes it wait before it reads the rows.
            Future<ApiClient.Response> y = pool.submit(() -> upload(api,
                    association("race-stored", "Kapplöpningen", "1496", "1402", "1407")));
            awaitBlocked(y);
            try {
                held.run("""
                        MATCH (b:Body {id: 'race-stored'}), (m:Municipality) WHERE m.code IN ['1401', '1407']
                        CREATE (m)-[:PARTY_TO {role: 'MEMBER', validFrom: date('2020-01-01'), source: 'race', illustrative: false}]->(b)""")
                        .consume();
                held.commit();
            } catch (org.neo4j.driver.exceptions.TransientException e) {
                // What the import did without the lock: it read the rows and began replacing them meanwhile.
                throw new AssertionError("the import wrote rows of a body whose lock another writer held", e);
            }
            assertThat(y.get().status()).as(y.get().text()).isEqualTo(201);
        }
        assertThat(state("race-stored")).isEqualTo("Kapplöpningen [1402, 1407, 1496]");
    }

    @Test
    void parallelImportsCreatingOneNewBodyBothSucceedAndOneWinsWholeNever500() throws Exception {
        var api = new ApiClient(port);
        byte[] same = association("race-new", "Ny", "1496", "1497");
        byte[] other = association("race-new", "Annan", "1496", "1498");
        for (int round = 0; round < ROUNDS; round++) {
            purge("race-new");
            for (var answer : together(() -> upload(api, same), () -> upload(api, same))) {
                assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            }
            assertThat(state("race-new")).isEqualTo("Ny [1496, 1497]");

            purge("race-new");
            // Different bundles: one wins whole, as if the other had come first.
            for (var answer : together(() -> upload(api, same), () -> upload(api, other))) {
                assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            }
            assertThat(state("race-new")).isIn("Ny [1496, 1497]", "Annan [1496, 1498]");
        }
        assertThat(count("MATCH (b:Body {id: 'race-new'}) RETURN count(b)")).isEqualTo(1);
    }

    /**
     * The race made certain: a transaction of the test creates the body and stays open until the import waits
     * on it (Neo4j lists the import as blocked: its lock look-up of the body waits for the creation), then
     * commits. The import then finds the body stored and replaces it, exactly as a load sent a moment later
     * would: a 201, the bundle's state, no 500 and no duplicate.
     */
    @Test
    void aBodyCreatedWhileAnImportWaitsIsReplacedAsIfTheImportCameSecond() throws Exception {
        purge("race-held");
        var answer = whileHeld("race-held", "Någon annans", () -> upload(new ApiClient(port),
                association("race-held", "Min", "1496", "1498")));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.json().get("nodesCreated").asLong()).isZero();
        assertThat(state("race-held")).isEqualTo("Min [1496, 1498]");
        assertThat(count("MATCH (b:Body {id: 'race-held'}) RETURN count(b)")).isEqualTo(1);
        purge("race-held");
    }

    @Test
    void aBodyCreatedMeanwhileExactlyAsTheBundleHasItIsLeftAlone() throws Exception {
        purge("race-held");
        var answer = whileHeld("race-held", "Samma", () -> upload(new ApiClient(port),
                association("race-held", "Samma", "1496", "1497")));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.json().get("relationshipsCreated").asLong()).isZero();
        assertThat(answer.json().get("relationshipsDeleted").asLong()).isZero();
        assertThat(state("race-held")).isEqualTo("Samma [1496, 1497]");
        purge("race-held");
    }

    @Test
    void aCreationThroughTheEditingApiOfABodyCreatedMeanwhileIs409() throws Exception {
        purge("race-held");
        var answer = whileHeld("race-held", "Samma", () -> create(new ApiClient(port), "race-held", "Samma", "1496"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(409);
        assertThat(answer.json().get("current").get("name").asString()).isEqualTo("Samma");
        purge("race-held");
    }

    /**
     * Creates the body as the loader would (an association of 1496 and 1497 from 2020-01-01, source race) in a
     * transaction held open until {@code request}, sent meanwhile, waits on it; then commits and returns the
     * request's answer.
     */
    private <T> T whileHeld(String id, String name, Callable<T> request) throws Exception {
        try (var session = driver.session(); var held = session.beginTransaction();
             var pool = Executors.newSingleThreadExecutor()) {
            held.run("""
                    CREATE (b:Body:Association {id: $id, form: 'ASSOCIATION', name: $name, validFrom: date('2020-01-01'),
                            source: 'race', illustrative: false, version: 1})
                    WITH b
                    MATCH (m:Municipality) WHERE m.code IN ['1496', '1497']
                    CREATE (m)-[:PARTY_TO {role: 'MEMBER', validFrom: date('2020-01-01'), source: 'race', illustrative: false}]->(b)""",
                    Map.of("id", id, "name", name)).consume();
            Future<T> answer = pool.submit(request);
            awaitBlocked(answer);
            held.commit();
            return answer.get();
        }
    }

    /** Until Neo4j lists a transaction as blocked (the request's, on the test's held one), or the request ended. */
    private void awaitBlocked(Future<?> request) throws InterruptedException {
        while (!request.isDone() && !anotherTransactionIsBlocked()) {
            Thread.sleep(20);
        }
    }

    private boolean anotherTransactionIsBlocked() {
        try (var session = driver.session()) {
            return session.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n")
                    .single().get("n").asLong() > 0;
        }
    }

    @Test
    void parallelCreationsThroughTheEditingApiGive201And409WithTheCurrentState() throws Exception {
        var api = new ApiClient(port);
        for (int round = 0; round < ROUNDS; round++) {
            purge("race-edit");
            Callable<ApiClient.Response> first = () -> create(api, "race-edit", "Först", "1496");
            Callable<ApiClient.Response> second = () -> create(api, "race-edit", "Sedan", "1497");
            List<ApiClient.Response> answers = together(first, second);
            assertThat(answers).extracting(ApiClient.Response::status).as(answers.toString())
                    .containsExactlyInAnyOrder(201, 409);
            var created = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json();
            var refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().json();
            assertThat(refused.get("current").get("name").asString()).isEqualTo(created.get("name").asString());
        }
    }

    /** Runs both at the same moment (as far as two threads can) and returns their answers in order. */
    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws Exception {
        var barrier = new CyclicBarrier(calls.length);
        try (var pool = Executors.newFixedThreadPool(calls.length)) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static byte[] association(String id, String name, String... members) {
        StringBuilder parties = new StringBuilder("body_id,party,role,valid_from,valid_to,representative,source\n");
        for (String member : members) {
            parties.append(id).append(',').append(member).append(",MEMBER,2020-01-01,,,race\n");
        }
        return TestBundle.empty()
                .file("bodies.csv", "id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n"
                        + id + ",ASSOCIATION," + name + ",,,,,2020-01-01,,race\n")
                .file("parties.csv", parties.toString())
                .toZip(null);
    }

    /** name and sorted party codes, e.g. {@code Y [1402, 1407, 1496]}; null when the body is not stored. */
    private String state(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var records = tx.run("""
                        MATCH (b:Body {id: $id})
                        RETURN b.name AS name, COLLECT { MATCH (m)-[:PARTY_TO]->(b) RETURN m.code ORDER BY m.code } AS codes""",
                        Map.of("id", id)).list();
                return records.isEmpty() ? null : records.getFirst().get("name").asString() + " "
                        + records.getFirst().get("codes").asList(v -> v.asString());
            });
        }
    }

    private long count(String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }

    private void purge(String id) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (b:Body {id: $id}) DETACH DELETE b", Map.of("id", id)).consume());
        }
    }

    private static ApiClient.Response upload(ApiClient api, byte[] zip) {
        String boundary = "race" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(zip);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return api.send(HttpRequest.newBuilder(api.uri("/api/imports"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private static ApiClient.Response create(ApiClient api, String id, String name, String member) {
        var body = Map.of("id", id, "form", "ASSOCIATION", "name", name, "validFrom", "2020-01-01", "source", "race",
                "parties", List.of(Map.of("party", member, "role", "MEMBER", "validFrom", "2020-01-01")));
        return api.send(HttpRequest.newBuilder(api.uri("/api/bodies"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", "race", "body", body))))
                .build());
    }
}
