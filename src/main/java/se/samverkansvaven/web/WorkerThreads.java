package se.samverkansvaven.web;

import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat's request threads: {@code samverkansvaven.web.threads-per-core} (default 4) per core instead of Spring
 * Boot's 200, unless {@code server.tomcat.threads.max} is set. A request here is CPU work (a cached answer, an
 * analysis, JSON and gzip; the embedded Neo4j runs in the same process), so threads beyond a few per core only
 * wait for the CPU in the scheduler, and the unlucky ones wait long: on 2 cores under 32 connections, 200 threads
 * gave p99 89–170 ms and 8 threads 24–40 ms, at higher throughput (bench/README.md). Connections beyond the
 * thread count wait in Tomcat's queue in order; none is refused.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WorkerThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final Environment environment;
    private final int threadsPerCore;

    WorkerThreads(Environment environment, @Value("${samverkansvaven.web.threads-per-core:4}") int threadsPerCore) {
        if (threadsPerCore < 1) {
            throw new IllegalArgumentException("samverkansvaven.web.threads-per-core must be at least 1, was " + threadsPerCore);
        }
        this.environment = environment;
        this.threadsPerCore = threadsPerCore;
    }

    /** The number of request threads: {@code server.tomcat.threads.max} where set, else the default for this machine. */
    int threads() {
        Integer set = environment.getProperty("server.tomcat.threads.max", Integer.class);
        return set != null ? set : Math.max(4, threadsPerCore * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (environment.containsProperty("server.tomcat.threads.max")) {
            return; // set explicitly: Spring Boot applies it
        }
        int threads = threads(); // not set explicitly (that returned above): the default
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
            }
        });
    }

    /** After Spring Boot's own Tomcat customizer, whose connector customizer sets 200. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
