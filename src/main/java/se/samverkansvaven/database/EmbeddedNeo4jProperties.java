package se.samverkansvaven.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process database, used only when {@code spring.neo4j.uri} is not set.
 *
 * @param dataDir        where Neo4j keeps its files
 * @param boltPort       the Bolt port on 127.0.0.1; 0 picks a free one (tests)
 * @param pageCacheBytes Neo4j's page cache
 */
@ConfigurationProperties("samverkansvaven.embedded")
record EmbeddedNeo4jProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("268435456") long pageCacheBytes) {}
