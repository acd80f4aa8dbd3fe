package se.samverkansvaven.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/** Reads the loader's Cypher from {@code cypher/importing/*.cypher} on the classpath. */
final class CypherQueries {

    private CypherQueries() {}

    /** One statement, comment lines removed. */
    static String load(String name) {
        return Arrays.stream(read(name).split("\n"))
                .filter(line -> !line.strip().startsWith("//"))
                .collect(Collectors.joining("\n")).strip();
    }

    /** A file of several statements separated by ';'. */
    static List<String> loadAll(String name) {
        return Arrays.stream(load(name).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String name) {
        var resource = new ClassPathResource("cypher/importing/" + name + ".cypher");
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing Cypher resource " + resource.getPath(), e);
        }
    }
}
