package se.samverkansvaven.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the app loads on start.
 *
 * @param loadReference load the shipped reference data (municipalities, borders, areas) and bundles
 * @param bundles       load the shipped real bundles, Västra Götaland and public sources (off for an empty
 *                      database, e.g. a round trip)
 * @param illustrative  load the illustrative bundle; unset means: yes on the embedded default, no on a server
 */
@ConfigurationProperties("samverkansvaven.data")
record DataProperties(@DefaultValue("true") boolean loadReference, @DefaultValue("true") boolean bundles,
                      Boolean illustrative) {}
