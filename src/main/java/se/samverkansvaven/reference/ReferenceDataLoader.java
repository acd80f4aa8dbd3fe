package se.samverkansvaven.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.database.GraphRevisions;

/**
 * Writes the shipped reference data (counties, municipalities with centroids, borders, sectors, service
 * areas) in one transaction. Everything is MERGEd, so running it again is harmless; the caller runs it only
 * when the database does not yet hold this version of the reference data.
 */
@Component
class ReferenceDataLoader {

    /** Raise when the shipped reference files change, so existing databases take the new version. */
    static final int REFERENCE_VERSION = 2;

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private static final String COUNTIES = CypherFiles.load("cypher/reference/counties.cypher");
    private static final String MUNICIPALITIES = CypherFiles.load("cypher/reference/municipalities.cypher");
    private static final String BORDERS = CypherFiles.load("cypher/reference/borders.cypher");
    private static final String SECTORS = CypherFiles.load("cypher/reference/sectors.cypher");
    private static final String AREAS = CypherFiles.load("cypher/reference/areas.cypher");
    private static final String LOADED_VERSION = CypherFiles.load("cypher/reference/loaded-version.cypher");
    private static final String MARK_VERSION = CypherFiles.load("cypher/reference/mark-version.cypher");

    private final Driver driver;
    private final GraphRevisions revisions;

    ReferenceDataLoader(Driver driver, GraphRevisions revisions) {
        this.driver = driver;
        this.revisions = revisions;
    }

    int loadedVersion() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(LOADED_VERSION)
                    .single().get("v").asInt());
        }
    }

    void load() {
        List<Map<String, Object>> counties = rows("counties.csv", r -> Map.of(
                "code", r.get("county_code"), "name", r.get("county_name")));
        MunicipalityGeography geography = geography();
        List<Map<String, Object>> municipalities = rows("municipalities.csv", r -> {
            double[] centroid = geography.centroids().get(r.get("municipality_code"));
            if (centroid == null) {
                throw new IllegalStateException("No polygon for municipality " + r.get("municipality_code"));
            }
            return Map.of("code", r.get("municipality_code"), "name", r.get("municipality_name_short"),
                    "countyCode", r.get("county_code"), "lat", centroid[0], "lon", centroid[1]);
        });
        List<Map<String, Object>> borders = geography.borders().stream()
                .map(pair -> Map.<String, Object>of("a", pair.get(0), "b", pair.get(1))).toList();
        List<Map<String, Object>> sectors = rows("sectors.csv", r -> Map.of(
                "id", r.get("id"), "nameSv", r.get("name_sv"), "nameEn", r.get("name_en")));
        List<Map<String, Object>> areas = rows("areas.csv", r -> Map.of(
                "id", r.get("id"), "nameSv", r.get("name_sv"), "nameEn", r.get("name_en"),
                "sector", r.get("sector"), "source", r.get("source")));

        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                run(tx, COUNTIES, counties);
                run(tx, MUNICIPALITIES, municipalities);
                run(tx, BORDERS, borders);
                run(tx, SECTORS, sectors);
                run(tx, AREAS, areas);
                tx.run(MARK_VERSION, Map.of("version", REFERENCE_VERSION));
                GraphRevisions.bump(tx);
            });
        }
        log.info("Reference data loaded: {} counties, {} municipalities, {} border pairs, {} sectors, {} areas",
                counties.size(), municipalities.size(), borders.size(), sectors.size(), areas.size());
    }

    private static void run(TransactionContext tx, String query, List<Map<String, Object>> rows) {
        tx.run(query, Map.of("rows", rows)).consume();
    }

    private static MunicipalityGeography geography() {
        try (InputStream in = open("municipalities.geojson")) {
            return MunicipalityGeography.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> rows(String file, java.util.function.Function<CSVRecord, Map<String, Object>> mapper) {
        try (InputStream in = open(file);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new HashMap<>(mapper.apply(record)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        return new ClassPathResource("reference/" + file).getInputStream();
    }
}
