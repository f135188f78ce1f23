package org.olistdw.domain.orchestration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of a scheduled run: which slot of which schedule it served, its number among the slot's attempts,
 * the run it started (none when it was refused before a run began, e.g. the warehouse was locked), how it ended
 * and the alert it raised.
 *
 * @param schedule    the schedule as given, e.g. {@code cron 0 2 * * * (UTC)}
 * @param warehouse   the published warehouse the runs build
 * @param slot        when the run was due
 * @param attempt     1 for the first attempt of the slot, 2 for the first retry, ...
 * @param run         the run the attempt started, if it got that far
 * @param startedAt   when the attempt started
 * @param completedAt when it ended
 * @param succeeded   whether the run succeeded and published
 * @param exitCode    the exit code {@code olist run} would have ended with
 * @param message     one line on how it ended: the failure, or the run's summary
 * @param alert       the alert the attempt raised, if any
 */
public record ScheduledAttempt(String schedule, String warehouse, Instant slot, int attempt, Optional<RunId> run,
                               Instant startedAt, Instant completedAt, boolean succeeded, int exitCode,
                               String message, Optional<Alert> alert) {

    /** What an attempt tells the people watching: the slot failed for good, or a slot succeeded after one that failed. */
    public enum Alert {
        /** The slot's last attempt failed. */
        FAILURE,
        /** The slot succeeded after the previous slot had failed. */
        RECOVERY;

        /** The alert's name in the store and in the alert's JSON, e.g. {@code failure}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ScheduledAttempt {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(alert, "alert");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1, was " + attempt);
        }
        if (completedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("attempt ends (" + completedAt + ") before it starts (" + startedAt + ")");
        }
        if (succeeded != (exitCode == 0)) {
            throw new IllegalArgumentException("a successful attempt exits with 0 and a failed one does not; was "
                    + (succeeded ? "successful" : "failed") + " with " + exitCode);
        }
    }
}
