package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code src/test/resources/fixtures/read_exports.py} (NetworkX 2.8 and python-igraph from Debian, with
 * /usr/bin/python3) on a GraphML and a GEXF export and returns what it read. CI installs them, so missing
 * them fails the test rather than skipping it.
 */
final class PythonReaders {

    private PythonReaders() {}

    /**
     * @param node a node id whose attributes are read back
     * @param edge a "source>target" pair of the GEXF whose PARTY_TO edge is read back
     */
    static JsonNode readExports(Path graphml, Path gexf, String node, String edge) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertThat(Files.isExecutable(python)).as("/usr/bin/python3 is needed (CI installs it)").isTrue();
        var check = new ProcessBuilder(python.toString(), "-c", "import networkx, igraph").redirectErrorStream(true).start();
        String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as("/usr/bin/python3 cannot import networkx and igraph; install Debian's "
                + "python3-networkx and python3-igraph (apt-get install -y python3-networkx python3-igraph): "
                + checkOut).isZero();
        var process = new ProcessBuilder(python.toString(), "src/test/resources/fixtures/read_exports.py",
                graphml.toString(), gexf.toString(), node, edge)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return SnapshotExportTest.JSON.readTree(output);
    }
}
