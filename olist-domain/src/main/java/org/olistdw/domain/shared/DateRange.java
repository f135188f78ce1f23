package org.olistdw.domain.shared;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An inclusive range of calendar days, {@code start} to {@code end}.
 *
 * @param start the first day
 * @param end   the last day, not before {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("date range must not end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** The single day {@code day}. */
    public static DateRange ofDay(LocalDate day) {
        return new DateRange(day, day);
    }

    /** Whether {@code day} lies within the range, both ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The number of days in the range, both ends counted: a single day is 1. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Whether the two ranges share at least one day. */
    public boolean overlaps(DateRange other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }
}
