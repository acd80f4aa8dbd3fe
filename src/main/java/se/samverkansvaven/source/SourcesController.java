package se.samverkansvaven.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

    private static final String COUNTS = """
            CALL () {
              MATCH (b:Body) RETURN 'bodies' AS kind, b.source AS source, count(*) AS n
              UNION ALL
              MATCH ()-[r:PARTY_TO]->(b:Body) RETURN 'parties' AS kind, coalesce(r.source, b.source) AS source, count(*) AS n
              UNION ALL
              MATCH ()-[r:CONVENES]->(b:Body) RETURN 'conveners' AS kind, coalesce(r.source, b.source) AS source, count(*) AS n
              UNION ALL
              MATCH (:Body)-[l:LINKED_WITH]->(:Body) RETURN 'links' AS kind, l.source AS source, count(*) AS n
              UNION ALL
              MATCH (a:Actor) RETURN 'actors' AS kind, a.source AS source, count(*) AS n
              UNION ALL
              MATCH (g:Goal) RETURN 'goals' AS kind, g.source AS source, count(*) AS n
              UNION ALL
              MATCH (c:Coverage) RETURN 'coverage' AS kind, c.source AS source, count(*) AS n
              UNION ALL
              MATCH (a:ServiceArea) RETURN 'serviceAreas' AS kind, a.source AS source, count(*) AS n
            }
            RETURN kind, source, n""";

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

    private final Neo4jClient client;

    SourcesController(Neo4jClient client) {
        this.client = client;
    }

    @GetMapping("/api/sources")
    Catalogue sources(@RequestParam(defaultValue = "true") boolean illustrative) {
        Map<String, Citation> citations = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Long> withoutSource = new TreeMap<>(Comparator.comparingInt(KINDS::indexOf));
        long facts = 0;
        for (Map<String, Object> row : client.query(COUNTS).fetch().all()) {
            String kind = (String) row.get("kind");
            String source = (String) row.get("source");
            long n = ((Number) row.get("n")).longValue();
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
