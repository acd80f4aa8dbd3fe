package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.samverkansvaven.SamverkansvavenApplication;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * kill -9 during a large (sliced) load leaves the graph as it was (issue 18, item 5). The app runs on a data
 * folder of its own: started here once to load the reference data and fingerprint the graph, then the
 * command line {@code import} runs a 3,000-body bundle in a separate JVM in transactions of 500 rows and is
 * killed (SIGKILL, Process.destroyForcibly) once it reports a few slices committed; the app started again on
 * the same folder must hold exactly the graph fingerprinted before (GraphChecksum: every node and relationship
 * with its element id and properties, the revision counter included). Before staging, the slices committed
 * before the kill stayed, without an audit entry.
 */
class KilledLoadTest {

    private static final int BODIES = 3_000;
    private static final Pattern STAGED = Pattern.compile("Large load \\S+: (\\d+) of (\\d+) bodies staged");

    @Test
    void aLoadKilledMidwayLeavesTheGraphAsItWasAfterTheNextStart() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "killed-load-test", UUID.randomUUID().toString()));
        try {
            killMidwayAndRestart(work);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
    }

    private void killMidwayAndRestart(Path work) throws Exception {
        Path data = work.resolve("data");
        Path bundle = work.resolve("large-bundle.zip");
        Files.write(bundle, largeBundle());

        String before;
        List<String> dumpBefore;
        try (var app = start(data)) {
            before = GraphChecksum.of(app.getBean(Driver.class));
            dumpBefore = GraphChecksum.dump(app.getBean(Driver.class), true);
        }

        Process load = new ProcessBuilder(command(data, bundle)).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        int stagedWhenKilled = -1;
        try (var lines = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
                Matcher staged = STAGED.matcher(line);
                if (staged.find() && Integer.parseInt(staged.group(1)) >= 3 * BODIES / 24) {
                    stagedWhenKilled = Integer.parseInt(staged.group(1));
                    load.destroyForcibly(); // SIGKILL: no shutdown hook, no undo, no closing of the store
                    break;
                }
            }
        }
        assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stagedWhenKilled).as("the load was killed midway; its output:\n" + String.join("\n", output))
                .isBetween(1, BODIES - 1);
        assertThat(load.exitValue()).isEqualTo(137);

        try (var app = start(data)) {
            Driver driver = app.getBean(Driver.class);
            assertThat(count(driver, "MATCH (b:Body) WHERE b.id STARTS WITH 'killed-' RETURN count(b)")).isZero();
            assertThat(count(driver, "MATCH (n) WHERE n:StagedBody OR n:StagedActor OR n:StagedGoal OR n:StagedLoad "
                    + "RETURN count(n)")).isZero();
            // Line by line first, so a failure names what differs.
            assertThat(GraphChecksum.dump(driver, true)).as("the graph after the restart")
                    .containsExactlyElementsOf(dumpBefore);
            assertThat(GraphChecksum.of(driver)).isEqualTo(before);
        }
    }

    /** The app as the jar starts it, on this data folder, without the shipped bundles (the reference data only). */
    private static org.springframework.context.ConfigurableApplicationContext start(Path data) {
        // Arguments, not default properties: the tests' config/application.properties would win over those.
        return new SpringApplicationBuilder(SamverkansvavenApplication.class).web(WebApplicationType.NONE)
                .run("--samverkansvaven.embedded.data-dir=" + data.toAbsolutePath(),
                        "--samverkansvaven.data.bundles=false", "--samverkansvaven.data.illustrative=false");
    }

    /** {@code java … SamverkansvavenApplication import BUNDLE} on the test classpath, as the jar would run it. */
    private static List<String> command(Path data, Path bundle) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access")).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(SamverkansvavenApplication.class.getName());
        command.add("import");
        command.add(bundle.toAbsolutePath().toString());
        command.add("--samverkansvaven.embedded.data-dir=" + data.toAbsolutePath());
        command.add("--samverkansvaven.data.bundles=false");
        command.add("--samverkansvaven.data.illustrative=false");
        command.add("--samverkansvaven.limits.rows-per-transaction=500");
        command.add("--logging.level.se.samverkansvaven.importing=INFO");
        return command;
    }

    /** 3,000 federations, each seated in and with two members among the municipalities of Skaraborg. */
    private static byte[] largeBundle() throws IOException {
        String[] codes = {"1496", "1497", "1498", "1499", "1470", "1471", "1472", "1473", "1460", "1461"};
        var bodies = new StringBuilder("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n");
        var parties = new StringBuilder("body_id,party,role,valid_from,valid_to,representative,source\n");
        for (int i = 0; i < BODIES; i++) {
            String seat = codes[i % codes.length];
            bodies.append("killed-").append(i).append(",FEDERATION,Förbund ").append(i).append(",,,,").append(seat)
                    .append(",2020-01-01,,test\n");
            parties.append("killed-").append(i).append(',').append(seat).append(",MEMBER,2020-01-01,,,test\n");
            parties.append("killed-").append(i).append(',').append(codes[(i + 1) % codes.length])
                    .append(",MEMBER,2020-01-01,,,test\n");
        }
        return TestBundle.empty().file("bodies.csv", bodies.toString()).file("parties.csv", parties.toString())
                .toZip(null);
    }

    private static long count(Driver driver, String query) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }
}
