package se.samverkansvaven.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling (docs/security.md, "Password guessing"): after {@code userAttempts} failed logins for one user
 * name, or {@code addressAttempts} from one client address, further logins for that name or from that address are
 * refused for {@code firstLock}, doubled with every failure after that up to {@code longestLock}. Failures are
 * forgotten {@code forgetAfter} after the last one; a successful login clears its user name's count.
 *
 * @param userAttempts    failed logins for one user name before it is locked
 * @param addressAttempts failed logins from one address (an IPv6 /64) before it is locked, for every user name
 * @param firstLock       the first lock's length
 * @param longestLock     no lock is longer
 * @param forgetAfter     failures this old (counted from the last one) no longer count
 */
@ConfigurationProperties("samverkansvaven.security.login")
record LoginThrottleProperties(
        @DefaultValue("5") int userAttempts,
        @DefaultValue("20") int addressAttempts,
        @DefaultValue("1s") Duration firstLock,
        @DefaultValue("15m") Duration longestLock,
        @DefaultValue("1h") Duration forgetAfter) {

    LoginThrottleProperties {
        if (userAttempts < 1 || addressAttempts < 1) {
            throw new IllegalArgumentException("samverkansvaven.security.login.user-attempts and address-attempts must "
                    + "be at least 1");
        }
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("samverkansvaven.security.login.first-lock must be positive and at most "
                    + "longest-lock");
        }
    }
}
