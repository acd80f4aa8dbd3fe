package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data-access rule of docs/architecture.md, checked on the sources: Cypher lives in {@code cypher/<feature>/}
 * files read by {@link CypherFiles}, never in Java strings; only {@code database} and the analyses' in-process
 * source use the embedded database's Java API; no Spring Data repository, {@code Neo4jClient} or mapped entity.
 */
class DataAccessRuleTest {

    private static final Path SOURCES = Path.of("src/main/java/se/samverkansvaven");

    /** A string literal (text block or "…") whose text starts with a Cypher clause. */
    private static final Pattern CYPHER_LITERAL = Pattern.compile(
            "\"(?:\"\"\\s*)?\\s*(?:OPTIONAL\\s+MATCH|MATCH|MERGE|CREATE|UNWIND|WITH|RETURN|CALL|SHOW|DROP|DETACH|FOREACH)"
                    + "\\s+[^\"\\s]");

    /**
     * The one file allowed Cypher literals: the Cypher export format, where Cypher is the output written for another
     * database, not a query this app runs.
     */
    private static final Map<String, Integer> CYPHER_AS_OUTPUT = Map.of("export/CypherScriptWriter.java", 3);

    @Test
    void noInlineCypher() {
        assertThat(count(CYPHER_LITERAL)).as("Cypher string literals, by file").isEqualTo(CYPHER_AS_OUTPUT);
    }

    @Test
    void noSpringDataNeo4j() {
        assertThat(count(Pattern.compile("(?m)^import org\\.springframework\\.data\\.neo4j\\.")))
                .as("imports of Spring Data Neo4j (repositories, Neo4jClient, @Node), by file")
                .isEmpty();
    }

    /**
     * Only explicit transactions ({@code executeRead}/{@code executeWrite}): an auto-commit {@code session.run} or
     * {@code driver.executableQuery} would go to the writer on a routing URI and get no retries. Sessions are named
     * {@code session} throughout; {@code BookmarkSharingDriver} only delegates {@code executableQuery}.
     */
    @Test
    void onlyExplicitTransactions() {
        Map<String, Integer> autoCommit = count(Pattern.compile("\\bsession\\.(?:run|beginTransaction)\\(|\\.executableQuery\\("));
        autoCommit.remove("database/BookmarkSharingDriver.java");
        assertThat(autoCommit).as("auto-commit queries, by file").isEmpty();
    }

    /**
     * Besides {@code database} and the analyses' in-process source: the staging of a large load on the embedded
     * database (importing.EmbeddedStaging; bench/README.md "L: load in process" measured it), held equal to the
     * Cypher staging by EmbeddedStagingTest; and the export's Cypher run in process (export.ExportQueries, chosen by
     * SnapshotReader; bench/README.md "L", the export's read), held equal to the driver's by ExportQueriesTest.
     */
    private static final Set<String> EMBEDDED_USERS = Set.of("importing/EmbeddedStaging.java",
            "export/ExportQueries.java", "export/EmbeddedPartyRows.java", "export/SnapshotReader.java");

    @Test
    void theEmbeddedApiOnlyInDatabaseAndTheInProcessSource() {
        Map<String, Integer> users = count(Pattern.compile("(?m)^import org\\.neo4j\\.(graphdb|dbms|kernel)\\."));
        assertThat(users.keySet()).allMatch(file -> file.startsWith("database/") || file.startsWith("analysis/data/")
                        || EMBEDDED_USERS.contains(file),
                "in database/, analysis/data/ or " + EMBEDDED_USERS);
    }

    @Test
    void everyLoadedFileExistsAndEveryQueryFileIsLoaded() throws IOException {
        String java = String.join("\n", sources().map(DataAccessRuleTest::read).toList());
        Matcher loads = Pattern.compile("CypherFiles\\.(?:load|statements)\\(\"(cypher/[^\"]+\\.cypher)\"\\)").matcher(java);
        List<String> missing = new ArrayList<>();
        while (loads.find()) {
            if (!Files.isRegularFile(Path.of(loads.group(1)))) {
                missing.add(loads.group(1));
            }
        }
        assertThat(missing).as("loaded but not in cypher/").isEmpty();

        // cypher/queries/ is for people (Neo4j Browser; NamedQueriesTest runs it), every other file for the app
        List<String> unused;
        try (Stream<Path> files = Files.walk(Path.of("cypher"))) {
            unused = files.filter(f -> f.toString().endsWith(".cypher") && !f.startsWith("cypher/queries"))
                    .map(f -> f.toString().replace('\\', '/'))
                    .filter(f -> !java.contains("\"" + f + "\"") && !loadedByName(java, f))
                    .toList();
        }
        assertThat(unused).as("files under cypher/ that no code loads").isEmpty();
    }

    /** {@code CypherFiles.load("cypher/projection/" + name + ".cypher")} with {@code load("bodies")} beside it. */
    private static boolean loadedByName(String java, String file) {
        int slash = file.lastIndexOf('/');
        String folder = file.substring(0, slash + 1);
        String name = file.substring(slash + 1, file.length() - ".cypher".length());
        return java.contains("\"" + folder + "\" + name + \".cypher\"") && java.contains("load(\"" + name + "\")");
    }

    private static Map<String, Integer> count(Pattern pattern) {
        Map<String, Integer> found = new TreeMap<>();
        sources().forEach(file -> {
            int n = (int) pattern.matcher(read(file)).results().count();
            if (n > 0) {
                found.put(SOURCES.relativize(file).toString().replace('\\', '/'), n);
            }
        });
        return found;
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
