package se.samverkansvaven.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings (docs/security.md).
 *
 * @param publicRead          true: anyone may read (GET) pages and the API; false: every page and endpoint needs a login
 * @param adminUsername       the administrator created on first start
 * @param adminPassword       that administrator's password; unset means a generated one, printed once to the log
 * @param allowNeo4jWithoutAuth start even when the external Neo4j server has authentication disabled
 */
@ConfigurationProperties("samverkansvaven.security")
public record SecurityProperties(
        @DefaultValue("true") boolean publicRead,
        @DefaultValue("admin") String adminUsername,
        String adminPassword,
        @DefaultValue("false") boolean allowNeo4jWithoutAuth) {

    /** Never print the password, also not by accident through a log of the properties. */
    @Override
    public String toString() {
        return "SecurityProperties[publicRead=" + publicRead + ", adminUsername=" + adminUsername
                + ", adminPassword=" + (adminPassword == null ? "unset" : "***")
                + ", allowNeo4jWithoutAuth=" + allowNeo4jWithoutAuth + "]";
    }
}
