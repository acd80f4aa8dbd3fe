package se.samverkansvaven.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in user of the current request, as stored in the graph. */
@Component
public class CurrentUser {

    private final UserStore users;

    CurrentUser(UserStore users) {
        this.users = users;
    }

    public Optional<UserAccount> get() {
        return name().flatMap(users::find);
    }

    /** The name for the audit trail: the logged-in user, else {@code system} (start-up loads, the command line). */
    public static String auditName() {
        return name().orElse("system");
    }

    private static Optional<String> name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}
