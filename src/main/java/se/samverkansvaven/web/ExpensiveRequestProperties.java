package se.samverkansvaven.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bulkhead for expensive requests ({@link ExpensiveRequestLimit}; README "Configuration", docs/security.md).
 *
 * @param concurrent most expensive requests running at once on this instance; unset: half the cores, at least 1
 * @param queue      most expensive requests waiting for one of those places; unset: three times {@code concurrent}, as
 *                   one page asks for up to three at once (Jämför: centrality and two municipalities' gaps)
 * @param queueWait  how long one waits before it is answered 503 (and the Retry-After it gets, rounded up)
 */
@ConfigurationProperties("samverkansvaven.web.expensive")
record ExpensiveRequestProperties(Integer concurrent, Integer queue, @DefaultValue("5s") Duration queueWait) {

    ExpensiveRequestProperties {
        if (concurrent != null && concurrent < 1) {
            throw new IllegalArgumentException("samverkansvaven.web.expensive.concurrent must be at least 1, was " + concurrent);
        }
        if (queue != null && queue < 0) {
            throw new IllegalArgumentException("samverkansvaven.web.expensive.queue must not be negative, was " + queue);
        }
        if (queueWait.isNegative()) {
            throw new IllegalArgumentException("samverkansvaven.web.expensive.queue-wait must not be negative");
        }
    }

    int concurrentOrDefault() {
        return concurrent != null ? concurrent : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    int queueOrDefault() {
        return queue != null ? queue : 3 * concurrentOrDefault();
    }
}
