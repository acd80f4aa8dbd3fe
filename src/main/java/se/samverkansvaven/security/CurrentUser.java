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

    /**
     * True when the request is logged in. User names (of editors in the audit trail) are shown only then: they are
     * personal data, and a list of them is half of a password guess.
     */
    public static boolean loggedIn() {
        return name().isPresent();
    }

    private static Optional<String> name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}
