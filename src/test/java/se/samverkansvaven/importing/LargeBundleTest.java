package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * A bundle larger than samverkansvaven.limits.rows-per-transaction (set to 3 here, so every body is its own
 * transaction) with 6-digit municipality codes (samverkansvaven.data.municipality-code-pattern, as the
 * benchmark's L web): it loads completely, and when a later transaction fails the earlier ones are undone.
 * Own context, with no shipped data: the municipalities are made here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samverkansvaven.data.municipality-code-pattern=[0-9]{6}",
        "samverkansvaven.limits.rows-per-transaction=3",
        "samverkansvaven.data.load-reference=false",
        "samverkansvaven.data.bundles=false",
        "samverkansvaven.data.illustrative=false"})
class LargeBundleTest {

    private static final String ACTORS = """
            id,kind,name,source
            reg-x,REGION,Region X,s
            """;

    @Autowired
    BundleImporter importer;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @BeforeEach
    void municipalitiesAndNoBodies() {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (n) WHERE n:Body OR n:Actor DETACH DELETE n").consume();
                tx.run("UNWIND ['100001', '100002', '100003'] AS code MERGE (m:Municipality {code: code}) "
                        + "SET m.name = 'Kommun ' + code, m.countyCode = '10', m.lat = 57.0, m.lon = 14.0").consume();
            });
        }
    }

    @Test
    void aBundleOfSeveralTransactionsWithSixDigitCodesLoadsCompletely() {
        var report = importer.importBundle(bundle("Förbund 4"));

        assertThat(report.nodesCreated()).isEqualTo(5); // four federations and the actor
        assertThat(report.relationshipsCreated()).isEqualTo(12); // 8 MEMBER rows and 4 seats
        assertThat(count("MATCH (:Municipality {code: '100002'})-[r:PARTY_TO {role: 'MEMBER'}]->(:Body) RETURN count(r)"))
                .isEqualTo(3);
        assertThat(count("MATCH (:Body:Federation)-[s:SEATED_IN]->(:Municipality {code: '100001'}) RETURN count(s)"))
                .isEqualTo(4);
        assertThat(count("MATCH (b:Body {version: 1}) RETURN count(b)")).isEqualTo(4);
        assertThat(count("MATCH (c:Change {action: 'LOAD'}) RETURN count(c)")).isEqualTo(1);
    }

    @Test
    void whenALaterTransactionFailsTheEarlierOnesAreUndone() {
        String before = GraphChecksum.withoutRevision(driver);
        // A rule the loader does not know, so its checks pass and the database refuses the fourth body only.
        run("CREATE CONSTRAINT test_body_name IF NOT EXISTS FOR (b:Body) REQUIRE b.name IS UNIQUE");
        try {
            assertThatThrownBy(() -> importer.importBundle(bundle("Förbund 1")))
                    .hasMessageContaining("Förbund 1");
            assertThat(GraphChecksum.withoutRevision(driver)).isEqualTo(before);
        } finally {
            run("DROP CONSTRAINT test_body_name IF EXISTS");
        }
    }

    @Test
    void theApiTakesSixDigitCodesAndExplainsThePattern() {
        var api = new ApiClient(port);
        assertThat(api.get("/api/municipalities/100001").status()).isEqualTo(200);
        var bad = api.get("/api/municipalities/1496");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("'1496' is not a municipality code; codes match [0-9]{6} "
                + "(samverkansvaven.data.municipality-code-pattern).");
    }

    /** Four federations seated in 100001, each with two members; the fourth is named {@code lastName}. */
    private static BundleFiles bundle(String lastName) {
        return TestBundle.empty()
                .file("bodies.csv", """
                        id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source
                        fed-1,FEDERATION,Förbund 1,,,,100001,,,s
                        fed-2,FEDERATION,Förbund 2,,,,100001,,,s
                        fed-3,FEDERATION,Förbund 3,,,,100001,,,s
                        fed-4,FEDERATION,%s,,,,100001,,,s
                        """.formatted(lastName))
                .file("parties.csv", """
                        body_id,party,role,valid_from,valid_to,representative,source
                        fed-1,100001,MEMBER,,,,s
                        fed-1,100002,MEMBER,,,,s
                        fed-2,100001,MEMBER,,,,s
                        fed-2,100002,MEMBER,,,,s
                        fed-3,100001,MEMBER,,,,s
                        fed-3,100003,MEMBER,,,,s
                        fed-4,100001,MEMBER,,,,s
                        fed-4,100002,MEMBER,,,,s
                        """)
                .file("actors.csv", ACTORS)
                .toFiles();
    }

    private long count(String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }

    private void run(String query) {
        try (var session = driver.session()) {
            session.run(query, Map.of()).consume();
        }
    }
}
