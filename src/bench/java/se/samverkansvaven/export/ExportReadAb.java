package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.springframework.context.ApplicationContext;

/**
 * The export's read of one day, over Bolt and in process, alternating in one JVM (B A B A ...), so their ratio is
 * measured in one sitting; the two snapshots are compared by value. For the harness's {@code --only export_read}.
 */
public final class ExportReadAb {

    private ExportReadAb() {
    }

    public static Map<String, Object> run(ApplicationContext context, LocalDate asOf, int repeats) {
        SnapshotReader bolt = new SnapshotReader(ExportQueries.overDriver(context.getBean(Driver.class)));
        SnapshotReader inProcess = new SnapshotReader(ExportQueries.inProcess(context.getBean(DatabaseManagementService.class)
                .database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)));
        Map<String, Object> section = new LinkedHashMap<>();
        for (boolean full : List.of(false, true)) {
            List<Double> boltTimes = new ArrayList<>();
            List<Double> localTimes = new ArrayList<>();
            int edges = 0;
            for (int i = 0; i <= repeats; i++) { // the first pair warms up
                long t = System.nanoTime();
                GraphSnapshot a = bolt.read(Window.on(asOf), SnapshotFilter.NONE, full);
                double boltSeconds = (System.nanoTime() - t) / 1e9;
                if (i > 0) {
                    a = null; // compared once; not held beside the second read after that
                }
                t = System.nanoTime();
                GraphSnapshot b = inProcess.read(Window.on(asOf), SnapshotFilter.NONE, full);
                double localSeconds = (System.nanoTime() - t) / 1e9;
                if (a != null && !a.equals(b)) {
                    throw new IllegalStateException("the in-process read differs from the one over Bolt");
                }
                edges = b.edges().size();
                if (i > 0) {
                    boltTimes.add(boltSeconds);
                    localTimes.add(localSeconds);
                }
                System.out.printf("export read%s: Bolt %.3f s, in process %.3f s%n", full ? " (bundle)" : "",
                        boltSeconds, localSeconds);
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("bolt_s", boltTimes);
            one.put("in_process_s", localTimes);
            one.put("edges", edges);
            one.put("identical", true);
            section.put(full ? "bundle" : "day", one);
        }
        return section;
    }
}
