package se.samverkansvaven.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the app loads on start.
 *
 * @param loadReference load the shipped reference data (municipalities, borders, areas) and bundles
 * @param bundles       load the shipped real bundles (off for an empty database, e.g. a round trip)
 * @param publicSources with {@code bundles}, also the public-sources bundle of real bodies beyond Västra
 *                      Götaland (off: the Västra Götaland bundle alone, as the illustrative story was written)
 * @param illustrative  load the illustrative bundle; unset means: yes on the embedded default, no on a server
 */
@ConfigurationProperties("samverkansvaven.data")
record DataProperties(@DefaultValue("true") boolean loadReference, @DefaultValue("true") boolean bundles,
                      @DefaultValue("true") boolean publicSources, Boolean illustrative) {}
