package se.samverkansvaven.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second instance on the same machine meets a Bolt port already taken: the error must say so, not only "cannot start". */
class EmbeddedBoltPortTest {

    @Test
    void aTakenBoltPortIsNamedInTheError(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            var properties = new EmbeddedNeo4jProperties(dir.resolve("data"), taken.getLocalPort(), 8L << 20);
            assertThatThrownBy(() -> new EmbeddedNeo4jConfiguration().embeddedDatabase(properties,
                    EmbeddedSecret.loadOrCreate(properties.dataDir())))
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("samverkansvaven.embedded.bolt-port");
        }
    }
}
