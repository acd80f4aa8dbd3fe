package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.Command;
import se.samverkansvaven.testing.GraphChecksum;

/** The {@code import PATH} verb: exit codes 0, 1 and 2 and what it prints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportCommandTest {

    @Autowired
    List<Command> commands;

    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aFolderLoadsAndPrintsTheCounts() throws Exception {
        Path folder = write(TestBundle.valid());

        assertThat(run(folder.toString())).isZero();
        assertThat(out()).contains("bodies.csv: 6 rows", "parties.csv: 13 rows");
        assertThat(err()).isEmpty();
    }

    @Test
    void aZipLoads() throws Exception {
        Path zip = Files.write(dir.resolve("bundle.zip"), TestBundle.valid().toZip("bundle"));

        assertThat(run(zip.toString())).isZero();
        assertThat(out()).contains("goal_relations.csv: 1 row");
    }

    @Test
    void aBadBundlePrintsEveryErrorAndExits1() throws Exception {
        Path folder = write(TestBundle.valid()
                .line("parties.csv", 3, "t-fed,9999,MEMBER,,,,illustrative")
                .line("areas.csv", 3, "t-jc,loner"));
        String before = GraphChecksum.of(driver);

        assertThat(run(folder.toString())).isEqualTo(1);
        assertThat(err().lines().toList()).containsExactly(
                "parties.csv:3:party: no municipality has code 9999",
                "areas.csv:3:area: no service area has id 'loner'");
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void badArgumentsExit2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("a", "b")).isEqualTo(2);
        assertThat(run(dir.resolve("no-such-folder").toString())).isEqualTo(2);
        assertThat(err()).contains("usage: import PATH", "no such file or folder");
    }

    private Path write(TestBundle bundle) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bundle"));
        for (var file : bundle.toFiles().files().entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }

    private int run(String... args) {
        Command command = commands.stream().filter(c -> c.name().equals("import")).findFirst().orElseThrow();
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
