package se.samverkansvaven.analysis.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.database.GraphRevisions;

/**
 * The analysis input is cached under the graph revision read in the same transaction as the data (issue 18). A
 * write this instance did not make (here: straight into the database, as another instance would) is not seen
 * until the revision check, an hour in this test; but a date read after it carries the newer revision, and then
 * no date cached before the write may still be served beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samverkansvaven.cache.revision-check-interval=1h")
class DataRevisionTest {

    static final String RENAME = """
            MATCH (b:Body {id: 'fed-skaraborg'}) SET b.name = $name
            WITH count(b) AS renamed
            MERGE (r:GraphRevision {id: 'main'}) SET r.value = r.value + 1""";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseManagementService database;

    private void renameBehindTheAppsBack(String name) {
        database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(RENAME, Map.of("name", name));
    }

    @Test
    void aDateReadAtANewerRevisionTakesEveryCachedDateToIt() {
        var api = new ApiClient(port);
        String original = api.get("/api/bodies/fed-skaraborg").json().get("name").asString();
        try {
            assertThat(api.get("/api/analysis/web/1496?asOf=2025-01-01").text()).contains(original);
            renameBehindTheAppsBack("Skaraborgs omdöpta förbund");

            // a date not read before: its data and the revision come from one transaction after the write
            assertThat(api.get("/api/analysis/web/1496?asOf=2024-01-01").text()).contains("Skaraborgs omdöpta förbund");
            // the date cached before the write is not served beside it any more
            assertThat(api.get("/api/analysis/web/1496?asOf=2025-01-01").text())
                    .contains("Skaraborgs omdöpta förbund").doesNotContain("\"" + original + "\"");
            assertThat(api.get("/api/bodies/fed-skaraborg").json().get("name").asString()).isEqualTo("Skaraborgs omdöpta förbund");
        } finally {
            renameBehindTheAppsBack(original);
        }
    }

    @Test
    void bothSourcesReportTheRevisionOfTheirTransaction(@Autowired Driver driver, @Autowired CooperationDataQueries queries,
            @Autowired GraphRevisions revisions) {
        long stored = revisions.stored();
        var cypher = new CooperationDataReader(new CypherDataSource(driver, queries));
        var inProcess = new CooperationDataReader(new EmbeddedDataSource(
                database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)));
        assertThat(cypher.readWithRevision(java.time.LocalDate.of(2025, 1, 1)).revision()).isEqualTo(stored);
        assertThat(inProcess.readWithRevision(java.time.LocalDate.of(2025, 1, 1)).revision()).isEqualTo(stored);
        assertThat(stored).isPositive();
    }
}
