package org.olistdw.pipeline.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When scheduled runs are due: a cron expression read in a time zone ({@link #cron}), or a fixed interval
 * ({@link #every}).
 */
public interface Schedule {

    /** The first time strictly after {@code after} at which a run is due. */
    Instant next(Instant after);

    /** The schedule as a person gave it, e.g. {@code cron 0 2 * * * (Europe/Lisbon)} or {@code every PT1H}. */
    String describe();

    /**
     * A cron schedule: five fields, minute hour day-of-month month day-of-week, read in {@code zone}.
     *
     * @throws IllegalArgumentException naming the field that cannot be read
     * @see CronExpression
     */
    static Schedule cron(String expression, ZoneId zone) {
        CronExpression cron = CronExpression.parse(expression);
        Objects.requireNonNull(zone, "zone");
        return new Schedule() {
            @Override
            public Instant next(Instant after) {
                return cron.next(after.atZone(zone)).toInstant();
            }

            @Override
            public String describe() {
                return "cron " + cron + " (" + zone.getId() + ")";
            }
        };
    }

    /**
     * A run every {@code interval}, counted from {@code start}: due at start, start + interval, start + 2 ×
     * interval, and so on, so that a run that takes long does not shift the later ones.
     *
     * @throws IllegalArgumentException when the interval is shorter than a second
     */
    static Schedule every(Duration interval, Instant start) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the interval must be at least one second, was " + interval);
        }
        Objects.requireNonNull(start, "start");
        long step = interval.toMillis();
        return new Schedule() {
            @Override
            public Instant next(Instant after) {
                long elapsed = after.toEpochMilli() - start.toEpochMilli();
                return elapsed < 0 ? start : start.plusMillis((elapsed / step + 1) * step);
            }

            @Override
            public String describe() {
                return "every " + interval;
            }
        };
    }
}
