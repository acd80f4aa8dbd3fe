package se.samverkansvaven.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * Test reference data until the reference loader lands: every municipality (code, name, county), the
 * sectors and the service-area catalogue, from copies of {@code data/*.csv} under
 * {@code src/test/resources/reference}. Idempotent (MERGE), so every test may call it; it writes nothing
 * the second time.
 */
public final class ReferenceFixture {

    private ReferenceFixture() {}

    public static void load(Driver driver) {
        List<Map<String, Object>> municipalities = new ArrayList<>();
        for (String[] row : rows("municipalities.csv")) {
            municipalities.add(Map.of("code", row[0], "name", row[2], "countyCode", row[3]));
        }
        List<Map<String, Object>> sectors = new ArrayList<>();
        for (String[] row : rows("sectors.csv")) {
            sectors.add(Map.of("id", row[0], "nameSv", row[1], "nameEn", row[2]));
        }
        List<Map<String, Object>> areas = new ArrayList<>();
        for (String[] row : rows("areas.csv")) {
            areas.add(Map.of("id", row[0], "nameSv", row[1], "nameEn", row[2], "sector", row[3], "source", row[4]));
        }
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("""
                        UNWIND $rows AS row
                        MERGE (m:Municipality {code: row.code})
                        SET m.name = row.name, m.countyCode = row.countyCode""", Map.of("rows", municipalities));
                tx.run("""
                        UNWIND $rows AS row
                        MERGE (s:Sector {id: row.id})
                        SET s.nameSv = row.nameSv, s.nameEn = row.nameEn""", Map.of("rows", sectors));
                tx.run("""
                        UNWIND $rows AS row
                        MERGE (a:ServiceArea {id: row.id})
                        SET a.nameSv = row.nameSv, a.nameEn = row.nameEn, a.sector = row.sector, a.source = row.source
                        WITH a, row
                        MATCH (s:Sector {id: row.sector})
                        MERGE (a)-[:IN_SECTOR]->(s)""", Map.of("rows", areas));
            });
        }
    }

    /** Data rows of a reference file; these files have no quoted cells. */
    private static List<String[]> rows(String name) {
        try (InputStream in = ReferenceFixture.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource reference/" + name);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n"))
                    .skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
