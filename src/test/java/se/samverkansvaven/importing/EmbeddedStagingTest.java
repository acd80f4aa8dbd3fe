package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.samverkansvaven.SamverkansvavenApplication;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * A large load staged in process ({@link EmbeddedStaging}, the embedded database's Java API) writes exactly what the
 * same load staged in Cypher writes. Two apps from scratch, one per writer, with rows-per-transaction 10, so the
 * shipped bundles (Västra Götaland, public sources, illustrative) are staged in slices at start-up and then
 * published; then the test bundle of every file. The two graphs are compared whole: every node with its sorted
 * labels and typed properties, every relationship with its type, its ends (by key) and typed properties, the audit
 * entries and the revision included; only element ids, the audit entries' ids and times, the revision's time and
 * the users (their password hashes are salted) are left out.
 */
class EmbeddedStagingTest {

    @Test
    void theShippedBundlesAndATestBundleGiveTheSameGraphThroughEitherWriter() {
        try (var inProcess = start(true); var cypher = start(false)) {
            // Otherwise both would be Cypher and the comparison would prove nothing.
            assertThat(inProcess.getBean(EmbeddedStaging.class).begin("probe")).isPresent();
            assertThat(cypher.getBean(EmbeddedStaging.class).begin("probe")).isEmpty();

            List<String> shipped = dump(inProcess.getBean(Driver.class));
            assertThat(shipped).as("the shipped bundles were loaded (and staged: more than 10 rows, all new)")
                    .filteredOn(line -> line.startsWith("N [Body")).hasSizeGreaterThan(40);
            assertThat(shipped).anyMatch(line -> line.startsWith("R PARTY_TO ") && line.contains("illustrative=BOOLEAN:TRUE"))
                    .anyMatch(line -> line.startsWith("R CONVENES ")).anyMatch(line -> line.startsWith("R SEATED_IN "))
                    .anyMatch(line -> line.startsWith("R COVERS ")).anyMatch(line -> line.startsWith("R LINKED_WITH "));
            assertThat(shipped).isEqualTo(dump(cypher.getBean(Driver.class)));

            var inProcessReport = inProcess.getBean(BundleImporter.class).importBundle(TestBundle.valid().toFiles());
            var cypherReport = cypher.getBean(BundleImporter.class).importBundle(TestBundle.valid().toFiles());
            assertThat(inProcessReport).isEqualTo(cypherReport);
            assertThat(inProcessReport.nodesCreated()).isPositive();
            List<String> withTestBundle = dump(inProcess.getBean(Driver.class));
            assertThat(withTestBundle).anyMatch(line -> line.contains("t-fed")).anyMatch(line -> line.startsWith("R WORKS_ON "));
            assertThat(withTestBundle).isEqualTo(dump(cypher.getBean(Driver.class)));
        }
    }

    /**
     * A slice that the database refuses after earlier slices committed: nothing of the load stays, not even what it
     * staged (the graph equal to before, element ids and the revision included). The refusal is a rule the loader
     * does not know, a uniqueness constraint on the staged bodies' names, so the bundle passes validation and the
     * fifth body's slice fails at its commit.
     */
    @Test
    void aSliceThatFailsLeavesNothing() {
        try (var app = start(true)) {
            Driver driver = app.getBean(Driver.class);
            run(driver, "CREATE CONSTRAINT test_staged_name IF NOT EXISTS FOR (b:StagedBody) REQUIRE b.name IS UNIQUE");
            String before = GraphChecksum.of(driver);
            var bodies = new StringBuilder("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n");
            var parties = new StringBuilder("body_id,party,role,valid_from,valid_to,representative,source\n");
            for (int i = 1; i <= 6; i++) {
                bodies.append("fail-").append(i).append(",FEDERATION,Förbund ").append(i == 5 ? 1 : i)
                        .append(",,,,1496,,,s\n");
                parties.append("fail-").append(i).append(",1496,MEMBER,,,,s\n");
                parties.append("fail-").append(i).append(",1497,MEMBER,,,,s\n");
            }
            BundleFiles bundle = TestBundle.empty().file("bodies.csv", bodies.toString())
                    .file("parties.csv", parties.toString()).toFiles();

            assertThatThrownBy(() -> app.getBean(BundleImporter.class).importBundle(bundle))
                    .hasStackTraceContaining("Förbund 1");
            assertThat(GraphChecksum.of(driver)).isEqualTo(before);
        }
    }

    /** An app on a fresh database with the shipped data, staging large loads in process or in Cypher. */
    private static ConfigurableApplicationContext start(boolean inProcessWrite) {
        return new SpringApplicationBuilder(SamverkansvavenApplication.class)
                .web(WebApplicationType.NONE)
                .run("--samverkansvaven.limits.rows-per-transaction=10",
                        "--samverkansvaven.import.in-process-write=" + inProcessWrite,
                        "--spring.main.banner-mode=off");
    }

    /** Properties that differ between two identical loads: when they ran, random ids. */
    private static final Map<String, Set<String>> VOLATILE = Map.of(
            "Change", Set.of("id", "at"), "GraphRevision", Set.of("updatedAt"));

    static List<String> dump(Driver driver) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<String> lines = new ArrayList<>();
                tx.run("MATCH (n) WHERE NOT n:User RETURN labels(n) AS labels, properties(n) AS props")
                        .forEachRemaining(r -> lines.add("N " + labels(r.get("labels")) + " "
                                + props(r.get("labels"), r.get("props"))));
                tx.run("MATCH (a)-[r]->(b) WHERE NOT a:User AND NOT b:User RETURN type(r) AS type, labels(a) AS al, "
                                + "properties(a) AS ap, labels(b) AS bl, properties(b) AS bp, properties(r) AS props")
                        .forEachRemaining(r -> lines.add("R " + r.get("type").asString() + " "
                                + key(r.get("al"), r.get("ap")) + "->" + key(r.get("bl"), r.get("bp")) + " "
                                + props(null, r.get("props"))));
                lines.sort(null);
                return lines;
            });
        }
    }

    private static List<String> labels(Value labels) {
        return labels.asList(Value::asString).stream().sorted().toList();
    }

    /** A node's key: its labels and id or code; an audit entry (no key of its own) by what it records. */
    private static String key(Value labels, Value props) {
        if (labels(labels).contains("Change")) {
            return "Change" + props(labels, props);
        }
        Value id = props.get("id");
        return labels(labels) + ":" + (id.isNull() ? props.get("code").asString(null) : id.asString());
    }

    private static String props(Value labels, Value props) {
        Map<String, String> sorted = new TreeMap<>();
        props.asMap(v -> v.type().name() + ":" + v).forEach(sorted::put);
        if (labels != null) {
            labels(labels).forEach(label -> VOLATILE.getOrDefault(label, Set.of()).forEach(sorted::remove));
        }
        return sorted.toString();
    }

    private static void run(Driver driver, String query) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(query).consume());
        }
    }
}
