package org.olistdw.pipeline.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.ScheduledAttempt;
import org.olistdw.domain.orchestration.ScheduledAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled operation: runs a warehouse's pipeline at the times a {@link Schedule} gives, one run at a time,
 * retrying a failed run by its {@link RetryPolicy}, recording every attempt and raising an alert when a slot
 * fails for good and when one succeeds after a failure.
 *
 * <p>Runs never overlap: a slot's attempts run one after the other on the calling thread, and a slot whose time
 * passed while an earlier run was still working is skipped (logged), not queued. A stop request (the
 * {@link Pause}'s) ends a wait at once; a run in progress is let finish and recorded, and no further run starts.
 * Whether the previous slot failed, for the recovery alert, is read from the attempts recorded for the warehouse,
 * so it survives a restart of the scheduler.
 *
 * <pre>
 * Scheduler scheduler = new Scheduler(Schedule.cron("0 2 * * *", zone), new RetryPolicy(3, ofMinutes(1), ofMinutes(30)),
 *         warehouse, attempt, attempts, alerts, listener, Clock.systemUTC(), stopSignal);
 * scheduler.run(0, false);   // until stopped
 * </pre>
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    /** One attempt of a run, done by the caller: typically a whole {@code olist run}. */
    @FunctionalInterface
    public interface Attempt {

        /**
         * Runs once for {@code slot}.
         *
         * @param attempt 1 for the slot's first attempt, 2 for its first retry, ...
         * @return how the run ended; an exception thrown counts as a failed attempt with exit code 1
         */
        Outcome run(Instant slot, int attempt);
    }

    /**
     * How an attempt ended.
     *
     * @param run      the run it started, if any
     * @param exitCode what {@code olist run} exits with: 0 success, 1 the run failed, 3 an environment problem
     * @param message  one line on how it ended
     */
    public record Outcome(Optional<RunId> run, int exitCode, String message) {
        public Outcome {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(message, "message");
        }

        /** Whether the run succeeded and published. */
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Told of every alert the scheduler raises; an implementation reports its own failures and never throws. */
    @FunctionalInterface
    public interface AlertHook {

        /** The attempt {@code attempt} raised its {@link ScheduledAttempt#alert() alert}. */
        void alert(ScheduledAttempt attempt);
    }

    /** Follows the scheduler, e.g. to tell a person on the console; every method does nothing by default. */
    public interface Listener {

        /** The scheduler waits for the run due at {@code slot}. */
        default void waiting(Instant slot) {
        }

        /** Attempt {@code attempt} of slot {@code slot} starts. */
        default void attemptStarted(Instant slot, int attempt) {
        }

        /** The attempt ended (and was recorded); {@code retryAt} is when the next attempt starts, if there is one. */
        default void attemptEnded(ScheduledAttempt attempt, Optional<Instant> retryAt) {
        }

        /** Runs due at {@code skipped} slots were skipped because a run was still working when they came. */
        default void skipped(long skipped, Instant next) {
        }
    }

    private final Schedule schedule;
    private final RetryPolicy retries;
    private final String warehouse;
    private final Attempt attempt;
    private final ScheduledAttempts attempts;
    private final AlertHook alerts;
    private final Listener listener;
    private final Clock clock;
    private final Pause pause;

    /**
     * A scheduler; nothing runs before {@link #run}.
     *
     * @param warehouse the published warehouse the runs build, under which attempts are recorded
     * @param attempts  where each attempt is recorded; a failure to record is logged and does not stop the scheduler
     * @param pause     the waits between runs and the stop request
     */
    public Scheduler(Schedule schedule, RetryPolicy retries, String warehouse, Attempt attempt,
                     ScheduledAttempts attempts, AlertHook alerts, Listener listener, Clock clock, Pause pause) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * Serves slots until stopped, or until {@code maxSlots} slots were served.
     *
     * @param maxSlots slots to serve, 0 for no limit
     * @param runNow   whether the first slot is now rather than the schedule's next time
     * @return the last attempt of the last slot served, if any
     */
    public Optional<ScheduledAttempt> run(long maxSlots, boolean runNow) {
        boolean failing = lastFailed();
        Optional<ScheduledAttempt> last = Optional.empty();
        Instant slot = runNow ? clock.instant() : schedule.next(clock.instant());
        for (long served = 0; (maxSlots <= 0 || served < maxSlots) && !pause.stopRequested(); served++) {
            LOG.info("next run due at {} ({})", slot, schedule.describe());
            listener.waiting(slot);
            if (!pause.until(slot)) {
                break;
            }
            ScheduledAttempt ended = serve(slot, failing);
            last = Optional.of(ended);
            failing = !ended.succeeded();
            slot = nextSlot(slot);
        }
        if (pause.stopRequested()) {
            LOG.info("scheduler stopped on request");
        }
        return last;
    }

    /** The slot after {@code served}, skipping those whose time already passed while it ran. */
    private Instant nextSlot(Instant served) {
        Instant now = clock.instant();
        Instant next = schedule.next(served);
        long skipped = 0;
        while (next.isBefore(now)) {
            skipped++;
            next = schedule.next(next);
        }
        if (skipped > 0) {
            LOG.warn("skipped {} runs due while the run for {} was working; next due at {}", skipped, served, next);
            listener.skipped(skipped, next);
        }
        return next;
    }

    private boolean lastFailed() {
        try {
            return attempts.latest(warehouse).map(latest -> !latest.succeeded()).orElse(false);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the last scheduled attempt for {}; assuming it succeeded", warehouse, e);
            return false;
        }
    }

    /** Runs a slot's attempts until one succeeds, the retries are spent or a stop is requested. */
    private ScheduledAttempt serve(Instant slot, boolean previousSlotFailed) {
        for (int number = 1; ; number++) {
            listener.attemptStarted(slot, number);
            Instant started = clock.instant();
            Outcome outcome = runOnce(slot, number);
            Instant completed = clock.instant();
            boolean lastAttempt = outcome.succeeded() || number == retries.attempts() || pause.stopRequested();
            Optional<ScheduledAttempt.Alert> alert = outcome.succeeded()
                    ? (previousSlotFailed ? Optional.of(ScheduledAttempt.Alert.RECOVERY) : Optional.empty())
                    : (lastAttempt ? Optional.of(ScheduledAttempt.Alert.FAILURE) : Optional.empty());
            ScheduledAttempt ended = new ScheduledAttempt(schedule.describe(), warehouse, slot, number, outcome.run(),
                    started, completed.isBefore(started) ? started : completed, outcome.succeeded(),
                    outcome.exitCode(), outcome.message(), alert);
            record(ended);
            Optional<Instant> retryAt = lastAttempt ? Optional.empty()
                    : Optional.of(clock.instant().plus(retries.delayBefore(number + 1)));
            LOG.info("attempt {} of the run due at {}: {} (exit {}){}{}", number, slot,
                    outcome.succeeded() ? "succeeded" : "failed", outcome.exitCode(),
                    alert.map(a -> "; alert: " + a.code()).orElse(""),
                    retryAt.map(at -> "; retry at " + at).orElse(""));
            listener.attemptEnded(ended, retryAt);
            alert.ifPresent(raised -> alerts.alert(ended));
            if (retryAt.isEmpty() || !pause.until(retryAt.get())) {
                return ended;
            }
        }
    }

    private Outcome runOnce(Instant slot, int number) {
        try {
            return attempt.run(slot, number);
        } catch (RuntimeException e) {
            LOG.error("attempt {} of the run due at {} failed", number, slot, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(Optional.empty(), 1, message.lines().findFirst().orElse(message));
        }
    }

    private void record(ScheduledAttempt ended) {
        try {
            attempts.record(ended);
        } catch (RuntimeException e) {
            LOG.error("cannot record attempt {} of the run due at {}", ended.attempt(), ended.slot(), e);
        }
    }
}
