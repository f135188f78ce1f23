package org.olistdw.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing passwords: after {@code freeFailures} failed log-ins for one username (or four times as
 * many from one client address), each further attempt is refused until a wait has passed since the last failure:
 * 30 seconds, doubled with each further failure, at most an hour. A successful log-in clears its username's
 * count; a count not added to for a day is forgotten.
 */
final class LoginThrottle {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int ADDRESS_FACTOR = 4;

    private record Failures(int count, Instant last) {
    }

    private final int freeFailures;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int freeFailures, Clock clock) {
        this.freeFailures = freeFailures;
        this.clock = clock;
    }

    /** How long log-ins for {@code username} from {@code address} are still refused; empty when they may try. */
    Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(userKey(username), freeFailures, now);
        Duration client = wait(addressKey(address), freeFailures * ADDRESS_FACTOR, now);
        Duration longer = user.compareTo(client) >= 0 ? user : client;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.values().removeIf(each -> each.last().plus(FORGET_AFTER).isBefore(now));
        failures.merge(userKey(username), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration wait(String key, int free, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null || counted.count() < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(counted.count() - free, 7);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Duration left = Duration.between(now, counted.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String userKey(String username) {
        return "user " + username;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }
}
