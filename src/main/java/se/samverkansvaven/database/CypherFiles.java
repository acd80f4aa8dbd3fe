package se.samverkansvaven.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * The one loader of the app's Cypher: the files of {@code cypher/} (copied into the jar by pom.xml, so
 * {@code cypher/<feature>/<name>.cypher} on the classpath), without their comment lines. Callers load each file once,
 * into a constant or field, so a missing file stops the start (docs/architecture.md, "Data access").
 */
public final class CypherFiles {

    private CypherFiles() {}

    /** One statement, e.g. {@code load("cypher/projection/bodies.cypher")}. */
    public static String load(String path) {
        return Arrays.stream(read(path).split("\n"))
                .filter(line -> !line.strip().startsWith("//"))
                .collect(Collectors.joining("\n")).strip();
    }

    /** A file of several statements separated by ';'. */
    public static List<String> statements(String path) {
        return Arrays.stream(load(path).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing Cypher resource " + path + " on the classpath", e);
        }
    }
}
