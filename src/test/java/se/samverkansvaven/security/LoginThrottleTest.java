package se.samverkansvaven.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules with a clock the test moves: counts, doubling locks, the cap, forgetting, the /64. */
class LoginThrottleTest {

    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    // 3 per name, 5 per address, 10 s doubling to at most 60 s, forgotten after 1 h
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 5, Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofHours(1)), clock);

    @Test
    void theThirdFailureLocksTheNameForTheFirstLockThenEachFurtherFailureDoublesItUpToTheCap() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.2");
        assertThat(throttle.locked("anna", "10.0.0.3")).isEmpty();
        throttle.failed("anna", "10.0.0.3");
        assertThat(throttle.locked("anna", "10.0.0.4")).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.locked("anna", "10.0.0.4")).contains(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(throttle.locked("anna", "10.0.0.4")).isEmpty();
        // failures 4, 5, 6, 7 (each after the previous lock ended): 20, 40, 60 (cap), 60 s
        for (long expected : new long[] {20, 40, 60, 60}) {
            throttle.failed("anna", "10.0.1." + expected);
            assertThat(throttle.locked("anna", "10.0.2.1")).contains(Duration.ofSeconds(expected));
            clock.advance(Duration.ofSeconds(expected));
        }
    }

    @Test
    void anotherNameIsNotLockedAndASuccessClearsTheNamesCount() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("anna", "10.0.0." + i);
        }
        assertThat(throttle.locked("berit", "10.0.0.9")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        throttle.succeeded("anna");
        throttle.failed("anna", "10.0.0.7");
        throttle.failed("anna", "10.0.0.8");
        assertThat(throttle.locked("anna", "10.0.0.9")).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name-" + i, "192.0.2.7");
        }
        assertThat(throttle.locked("never-tried", "192.0.2.7")).contains(Duration.ofSeconds(10));
        assertThat(throttle.locked("never-tried", "192.0.2.8")).isEmpty();
        // a success for one name does not clear the address
        throttle.succeeded("name-0");
        assertThat(throttle.locked("name-0", "192.0.2.7")).isPresent();
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.1");
        clock.advance(Duration.ofHours(1));
        throttle.failed("anna", "10.0.0.1");
        assertThat(throttle.locked("anna", "10.0.0.1")).isEmpty(); // a first failure again, not the third
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:bbbb::2"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:2::1"));
        assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
        for (int i = 0; i < 5; i++) {
            throttle.failed("name-" + i, "2001:db8:1:2::" + (i + 1));
        }
        assertThat(throttle.locked("x", "2001:db8:1:2:ffff::9")).isPresent();
    }
}
