package se.samverkansvaven.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * On a database without any administrator, creates one: with {@code samverkansvaven.security.admin-password}
 * when set, else with a generated password that is printed once to the log and never again (only its BCrypt
 * hash is stored). An existing administrator is left alone, so restarting never resets a password.
 */
@Component
@DependsOn("schemaInitializer")
class AdminBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;

    AdminBootstrap(UserStore users, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (users.anyAdmin()) {
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? generate() : properties.adminPassword();
        users.save(properties.adminUsername(), encoder.encode(password), EnumSet.of(Role.ADMIN), List.of());
        if (generated) {
            // The one place a password is ever written out: the first start, so the operator can log in.
            log.warn("Created the administrator '{}' with the generated password: {}  (shown once; change it "
                    + "with the add-user command)", properties.adminUsername(), password);
        } else {
            log.info("Created the administrator '{}' with the password from samverkansvaven.security.admin-password",
                    properties.adminUsername());
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
