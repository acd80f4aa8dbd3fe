package se.samverkansvaven.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without looking at the password: too many failures for the name or from the address. */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins for this user name or from this address; try again in "
                + seconds(wait) + " seconds.");
        this.retryAfterSeconds = seconds(wait);
    }

    /** Whole seconds, rounded up (Retry-After takes no fractions), at least 1. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
