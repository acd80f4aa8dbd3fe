package se.samverkansvaven.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Against an external server ({@code spring.neo4j.uri} set): refuses to start when the server lets anybody
 * in, unless {@code samverkansvaven.security.allow-neo4j-without-auth=true}. The test: the driver verifies a
 * made-up user with a random password ({@link Driver#verifyAuthentication}); a server with authentication
 * on rejects it, one with {@code dbms.security.auth_enabled=false} accepts any credentials. This needs no
 * privilege (reading the server's settings would need admin rights) and works on Aura and clusters alike.
 * The embedded database is not checked: it always requires its generated password (database.EmbeddedSecret).
 *
 * <p>The check runs as the {@link Driver} bean is made, before any bean can use it: the schema and the start-up
 * data load would otherwise write to the open server before the refusal. Being a bean post-processor, it reads
 * its one setting from the environment, not from {@link SecurityProperties} (a post-processor's dependencies are
 * made too early for binding).
 */
@Component
@ConditionalOnProperty("spring.neo4j.uri")
class Neo4jAuthGuard implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(Neo4jAuthGuard.class);

    private final boolean allowWithoutAuth;

    Neo4jAuthGuard(Environment environment) {
        this.allowWithoutAuth = Binder.get(environment)
                .bind("samverkansvaven.security.allow-neo4j-without-auth", Boolean.class).orElse(false);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Driver driver) {
            check(driver);
        }
        return bean;
    }

    private void check(Driver driver) {
        if (!authenticationDisabled(driver)) {
            return;
        }
        if (allowWithoutAuth) {
            log.warn("The Neo4j server accepts any credentials (authentication disabled); starting anyway because "
                    + "samverkansvaven.security.allow-neo4j-without-auth=true");
            return;
        }
        throw new IllegalStateException("The Neo4j server at spring.neo4j.uri has authentication disabled: anybody "
                + "who reaches it can change the graph and the users. Enable authentication on the server, or set "
                + "samverkansvaven.security.allow-neo4j-without-auth=true to start anyway.");
    }

    static boolean authenticationDisabled(Driver driver) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        var probe = AuthTokens.basic("samverkansvaven-auth-probe", HexFormat.of().formatHex(random));
        try {
            return driver.verifyAuthentication(probe);
        } catch (Neo4jException e) {
            // Rejected (or the server cannot be asked right now): treat as "authentication is on"; an
            // unreachable server is reported by the health check, not by refusing to start.
            log.debug("Neo4j rejected the probe credentials: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
