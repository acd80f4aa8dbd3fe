package se.samverkansvaven.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per client address and locks either for a time that doubles with every
 * further failure (settings in {@link LoginThrottleProperties}). A locked name or address gets no password check
 * at all, so a guessing storm costs no BCrypt time and learns nothing, and does not extend the lock. The user
 * name is counted whether or not such a user exists (the answer must not tell). Per address, so that one client
 * cannot try one password on every name; per name, so that many addresses cannot take turns on one account.
 *
 * <p>Held in memory, per instance: each instance behind a load balancer counts on its own, and a restart
 * forgets. Both maps are bounded (least recently used out), so made-up names cannot fill the heap.
 */
@Component
class LoginThrottle {

    /** Most names or addresses tracked at once, each; ~100 bytes an entry. */
    static final int TRACKED = 100_000;

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Tracker users;
    private final Tracker addresses;

    @Autowired
    LoginThrottle(LoginThrottleProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.users = new Tracker(properties.userAttempts());
        this.addresses = new Tracker(properties.addressAttempts());
    }

    /** Empty when a login for {@code username} from {@code address} may be tried now, else how long until it may. */
    Optional<Duration> locked(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(users.lockedUntil(username, now), addresses.lockedUntil(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        users.failed(username, now);
        addresses.failed(addressKey(address), now);
    }

    /** The name's count starts again; the address's does not (a valid login must not wash away guesses at others). */
    void succeeded(String username) {
        users.forget(username);
    }

    /**
     * The address as counted: IPv4 as is, IPv6 by its /64 prefix, the block one subscriber usually holds (one
     * client could otherwise take a fresh address for every guess).
     */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address; // not an address literal (getRemoteAddr gives one); counted as given
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** One key's record: failures since the count last started, the last failure, the end of its lock. */
    private record State(int failures, Instant lastFailure, Instant lockedUntil) {}

    private final class Tracker {

        private final int attempts;
        private final Map<String, State> states = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > TRACKED;
            }
        };

        Tracker(int attempts) {
            this.attempts = attempts;
        }

        synchronized Instant lockedUntil(String key, Instant now) {
            State state = states.get(key);
            return state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil())
                    ? state.lockedUntil() : null;
        }

        synchronized void failed(String key, Instant now) {
            State state = states.get(key);
            int failures = state == null || !now.isBefore(state.lastFailure().plus(properties.forgetAfter()))
                    ? 1 : state.failures() + 1;
            Instant until = failures < attempts ? null : now.plus(lock(failures - attempts));
            states.put(key, new State(failures, now, until));
        }

        synchronized void forget(String key) {
            states.remove(key);
        }

        /** first-lock × 2^beyond, at most longest-lock. */
        private Duration lock(int beyond) {
            Duration first = properties.firstLock();
            Duration longest = properties.longestLock();
            if (beyond >= 62 || first.toNanos() > longest.toNanos() >> beyond) {
                return longest;
            }
            return Duration.ofNanos(first.toNanos() << beyond);
        }
    }
}
