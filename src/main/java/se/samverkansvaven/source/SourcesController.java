package se.samverkansvaven.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.database.CypherFiles;

/**
 * {@code GET /api/sources}: the sources catalogue. Every distinct citation in the graph with the number of
 * facts (stored rows) resting on it, by kind: bodies, party rows, conveners, network links, actors, goals,
 * coverage rows and the service-area catalogue. A party or convener row without a source of its own rests on
 * its body's; a row citing several sources counts for each.
 */
@RestController
class SourcesController {

    /** The kinds of fact, in the order the answer lists them. */
    static final List<String> KINDS = List.of("bodies", "parties", "conveners", "links", "actors", "goals", "coverage",
            "serviceAreas");

    private static final String COUNTS = CypherFiles.load("cypher/source/fact-counts.cypher");

    /**
     * One source: its citation (text as stored, label, address, read date), whether it is the illustrative
     * marker, and the facts resting on it, in total and by kind.
     */
    record Source(String text, String label, String url, LocalDate read, boolean illustrative, long facts,
            Map<String, Long> counts) {}

    /**
     * @param facts         stored rows counted (each once, however many sources it cites)
     * @param withoutSource rows with no source at all, by kind (empty when there are none)
     */
    record Catalogue(int count, long facts, List<Source> sources, Map<String, Long> withoutSource) {}

    private final Driver driver;

    SourcesController(Driver driver) {
        this.driver = driver;
    }

    @GetMapping("/api/sources")
    Catalogue sources(@RequestParam(defaultValue = "true") boolean illustrative) {
        Map<String, Citation> citations = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Long> withoutSource = new TreeMap<>(Comparator.comparingInt(KINDS::indexOf));
        long facts = 0;
        List<org.neo4j.driver.Record> rows;
        try (var session = driver.session()) {
            rows = session.executeRead(tx -> tx.run(COUNTS).list());
        }
        for (var row : rows) {
            String kind = row.get("kind").asString();
            String source = row.get("source").asString(null);
            long n = row.get("n").asLong();
            List<Citation> parsed = Citation.parse(source);
            if (!illustrative && parsed.stream().allMatch(Citation::illustrative) && !parsed.isEmpty()) {
                continue;
            }
            facts += n;
            if (parsed.isEmpty()) {
                withoutSource.merge(kind, n, Long::sum);
            }
            for (Citation c : parsed) {
                if (!illustrative && c.illustrative()) {
                    continue;
                }
                citations.putIfAbsent(c.text(), c);
                counts.computeIfAbsent(c.text(), k -> new TreeMap<>(Comparator.comparingInt(KINDS::indexOf)))
                        .merge(kind, n, Long::sum);
            }
        }
        List<Source> sources = new ArrayList<>();
        counts.forEach((text, byKind) -> {
            Citation c = citations.get(text);
            sources.add(new Source(c.text(), c.label(), c.url(), c.read(), c.illustrative(),
                    byKind.values().stream().mapToLong(Long::longValue).sum(), byKind));
        });
        sources.sort(Comparator.comparingLong(Source::facts).reversed().thenComparing(Source::label));
        return new Catalogue(sources.size(), facts, sources, withoutSource);
    }
}
