package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data-access rule of docs/architecture.md, checked on the sources: Cypher lives in {@code cypher/<feature>/}
 * files read by {@link CypherFiles}, never in Java strings; only {@code database} and the analyses' in-process
 * source use the embedded database's Java API; no new Spring Data repository or {@code Neo4jClient}.
 *
 * <p>The packages other work was changing when the rule was written (issue 16, step 5) are listed below with what
 * they still hold; the list only shrinks.
 */
class DataAccessRuleTest {

    private static final Path SOURCES = Path.of("src/main/java/se/samverkansvaven");

    /** A string literal (text block or "…") whose text starts with a Cypher clause. */
    private static final Pattern CYPHER_LITERAL = Pattern.compile(
            "\"(?:\"\"\\s*)?\\s*(?:OPTIONAL\\s+MATCH|MATCH|MERGE|CREATE|UNWIND|WITH|RETURN|CALL|SHOW|DROP|DETACH|FOREACH)"
                    + "\\s+[^\"\\s]");

    /** Files allowed inline Cypher, with how many literals: the export that writes Cypher, and what is left to move. */
    private static final Map<String, Integer> INLINE_CYPHER_LEFT = Map.of(
            "export/CypherScriptWriter.java", 3, // the Cypher export format: Cypher is its output, not a query
            "body/BodyQueries.java", 2,
            "municipality/MunicipalityQueries.java", 1,
            "municipality/MunicipalityRepository.java", 1);

    private static final Map<String, Integer> SPRING_DATA_LEFT = Map.of(
            "municipality/Municipality.java", 2,
            "municipality/MunicipalityRepository.java", 2,
            "municipality/MunicipalityQueries.java", 1,
            "body/BodyQueries.java", 1);

    @Test
    void noInlineCypherOutsideTheFilesStillToMove() {
        assertThat(count(CYPHER_LITERAL)).isEqualTo(new TreeMap<>(INLINE_CYPHER_LEFT));
    }

    @Test
    void noSpringDataNeo4jOutsideTheFilesStillToMove() {
        assertThat(count(Pattern.compile("(?m)^import org\\.springframework\\.data\\.neo4j\\.")))
                .as("imports of Spring Data Neo4j, by file")
                .isEqualTo(new TreeMap<>(SPRING_DATA_LEFT));
    }

    @Test
    void theEmbeddedApiOnlyInDatabaseAndTheInProcessSource() {
        Map<String, Integer> users = count(Pattern.compile("(?m)^import org\\.neo4j\\.(graphdb|dbms|kernel)\\."));
        assertThat(users.keySet()).allMatch(file -> file.startsWith("database/") || file.startsWith("analysis/data/"),
                "in database/ or analysis/data/");
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
