package se.samverkansvaven.export;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.neo4j.driver.Driver;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;

/**
 * The data the export tests read: the two shipped bundles (loaded here until the app loads them at start;
 * loading a bundle twice changes nothing) and one network whose name holds every character that needs
 * escaping somewhere. It starts on {@link #ESCAPE_DATE}'s year, after the illustrative story's dates, so it
 * changes no figure of docs/illustrative-data.md.
 */
final class ExportTestData {

    static final String ESCAPE_ID = "ill-test-escape";
    static final String ESCAPE_NAME = "Nät <b>&amp; \"citat\" 'apostrof'\nny rad\r\ttab \\ ]]> -- ; // 🙂 slut'";
    static final java.time.LocalDate ESCAPE_DATE = java.time.LocalDate.of(2027, 6, 1);

    private ExportTestData() {}

    static void ensureLoaded(BundleImporter importer, Driver driver) {
        try (var session = driver.session()) {
            boolean loaded = session.run("MATCH (b:Body {id: $id}) RETURN count(b) > 0 AS loaded",
                    Map.of("id", ESCAPE_ID)).single().get("loaded").asBoolean();
            if (loaded) {
                return;
            }
        }
        importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        importer.importBundle(BundleFiles.fromClasspath("bundles/illustrative"));
        String quoted = "\"" + ESCAPE_NAME.replace("\"", "\"\"") + "\"";
        importer.importBundle(BundleFiles.of(Map.of(
                "bodies.csv", ("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n"
                        + ESCAPE_ID + ",NETWORK," + quoted + ",STOD,OPERATIONAL,,,2027-01-01,,illustrative\n")
                        .getBytes(StandardCharsets.UTF_8),
                "parties.csv", ("body_id,party,role,valid_from,valid_to,representative,source\n"
                        + ESCAPE_ID + ",1496,PARTICIPANT,2027-01-01,,\"Anna \"\"A\"\" <x@y>\",illustrative\n")
                        .getBytes(StandardCharsets.UTF_8))));
    }
}
