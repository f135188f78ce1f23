package org.olistdw.pipeline.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed scheduled run is retried: up to {@code retries} more attempts in the same slot, the first after
 * {@code backoff}, each next one after twice the previous wait, never more than {@code maxBackoff}.
 *
 * @param retries    attempts after the first, 0 for none
 * @param backoff    wait before the first retry
 * @param maxBackoff longest wait between attempts
 */
public record RetryPolicy(int retries, Duration backoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 or more and at most the longest backoff, was "
                    + backoff + " and " + maxBackoff);
        }
    }

    /** Attempts a slot gets at most: the first and the retries. */
    public int attempts() {
        return retries + 1;
    }

    /**
     * The wait before attempt {@code attempt} of a slot (2 for the first retry): backoff × 2^(attempt − 2), at most
     * the longest backoff.
     */
    public Duration delayBefore(int attempt) {
        if (attempt < 2 || attempt > attempts()) {
            throw new IllegalArgumentException("attempt " + attempt + " is not a retry of " + attempts() + " attempts");
        }
        Duration delay = backoff;
        for (int i = 2; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
