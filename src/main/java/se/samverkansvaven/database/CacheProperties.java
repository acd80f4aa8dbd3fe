package se.samverkansvaven.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the app caches what it computed from the graph (README "Configuration", docs/scaling.md).
 *
 * @param revisionCheckInterval how often the graph's revision is read again from Neo4j; writes of this instance
 *                              are seen at once, writes of another instance on the same server within this time
 * @param responses             most bytes of API responses kept (bodies of 2 kB or more gzipped); 0 turns the
 *                              response cache off
 * @param largestResponse       a response larger than this is not kept
 * @param dates                 most dates whose analysis input and projections are kept in the heap at once
 *                              (~4 MB each for Sweden, ~1 GB at 100,000 municipalities: set 1 or 2 there)
 */
@ConfigurationProperties("samverkansvaven.cache")
public record CacheProperties(
        @DefaultValue("1s") Duration revisionCheckInterval,
        @DefaultValue("64MB") DataSize responses,
        @DefaultValue("4MB") DataSize largestResponse,
        @DefaultValue("8") int dates) {

    public CacheProperties {
        if (dates < 1) {
            throw new IllegalArgumentException("samverkansvaven.cache.dates must be at least 1, was " + dates);
        }
    }
}
