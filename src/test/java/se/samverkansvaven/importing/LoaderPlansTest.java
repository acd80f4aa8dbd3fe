package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.GraphDatabaseService;
import se.samverkansvaven.database.CypherFiles;

/**
 * The loader's statements that look nodes up by the keys of a list parameter must seek each key, whatever the
 * planner's statistics say. Just after a large geography load, an index's sampled size can still be 0 while it holds
 * 100,000 municipalities; the planner then once chose to scan the whole index of municipality codes for every code of
 * a bundle's coverage (the reference read of a load at size L ran for over 10 minutes and was cut by the transaction
 * timeout). This builds that state in a database of its own: the schema, then 20,000 municipalities written at once,
 * nothing else, and each statement explained with lists of 10,000 keys (the loader's batch).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one database for both tests: the statements only explain
class LoaderPlansTest {

    DatabaseManagementService dbms;
    GraphDatabaseService db;

    @BeforeAll
    void freshDatabaseWithStaleSamples(@TempDir Path home) {
        dbms = new DatabaseManagementServiceBuilder(home).build();
        db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        CypherFiles.statements("cypher/schema.cypher").forEach(db::executeTransactionally);
        db.executeTransactionally("CALL db.awaitIndexes(60)");
        db.executeTransactionally("UNWIND $codes AS code CREATE (:Municipality {code: code, name: code})",
                Map.of("codes", keys(20_000)));
    }

    @AfterAll
    void stop() {
        if (dbms != null) {
            dbms.shutdown();
        }
    }

    @Test
    void theCoverageReadSeeksEachCode() {
        // The statement of the incident: without its hint it scans the index (checked when the hint was added).
        assertThat(nodeScans(CypherFiles.load("cypher/importing/existing-coverage.cypher"))).isEmpty();
        assertThat(operators(CypherFiles.load("cypher/importing/existing-coverage.cypher")))
                .contains("NodeUniqueIndexSeek");
    }

    @Test
    void everyKeyedStatementOfTheLoaderSeeks() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("cypher/importing"))) {
            files = walk.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        List<String> checked = new ArrayList<>();
        for (Path file : files) {
            for (String statement : CypherFiles.statements(file.toString())) {
                if (statement.contains("UNWIND $")) {
                    // Relationships looked up by element id are left out: the relationship count comes from the
                    // count store, which is exact, so a scan is chosen only where there is nothing to scan.
                    assertThat(nodeScans(statement)).as(file.toString()).isEmpty();
                    checked.add(file.getFileName().toString());
                }
            }
        }
        assertThat(checked).contains("existing-coverage.cypher", "existing-bodies.cypher", "existing-rows.cypher",
                "coverage-by-id.cypher", "lock-bodies.cypher");
    }

    private List<String> nodeScans(String statement) {
        return operators(statement).stream()
                .filter(op -> op.startsWith("Node") && op.contains("Scan") || op.contains("NodeByLabel")
                        || op.startsWith("AllNodes"))
                .toList();
    }

    private List<String> operators(String statement) {
        List<String> keys = keys(10_000);
        List<Map<String, Object>> rows = keys.stream().map(k -> Map.<String, Object>of("id", k)).toList();
        Map<String, Object> parameters = Map.of("codes", keys, "ids", keys, "bodyIds", keys, "rowIds", keys,
                "rows", rows, "pairs", rows, "loadId", "load", "batch", 10_000);
        try (var tx = db.beginTx(); var result = tx.execute("EXPLAIN " + statement, parameters)) {
            List<String> names = new ArrayList<>();
            collect(result.getExecutionPlanDescription(), names);
            return names;
        }
    }

    private static void collect(ExecutionPlanDescription plan, List<String> names) {
        names.add(plan.getName().replaceAll("@.*", ""));
        plan.getChildren().forEach(child -> collect(child, names));
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%06d", i)).toList();
    }
}
