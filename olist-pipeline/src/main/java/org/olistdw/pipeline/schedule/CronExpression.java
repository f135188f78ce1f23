package org.olistdw.pipeline.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cron expression of five fields, as crontab(5) reads them: minute (0-59), hour (0-23), day of month (1-31),
 * month (1-12 or JAN-DEC), day of week (0-7 or SUN-SAT, 0 and 7 both Sunday). A field is {@code *}, a value,
 * a range {@code a-b}, any of these with a step ({@code *}{@code /15}, {@code 8-18/2}, {@code 5/10} meaning
 * 5-max/10), or a comma-separated list of them. As in cron, when both day fields are restricted a day matches
 * if either does ({@code 0 2 1 * MON}: the first of the month and every Monday). The shortcuts {@code @hourly},
 * {@code @daily} (or {@code @midnight}), {@code @weekly}, {@code @monthly} and {@code @yearly} (or
 * {@code @annually}) stand for their usual expressions.
 *
 * <pre>
 * CronExpression nightly = CronExpression.parse("0 2 * * *");
 * nightly.next(ZonedDateTime.parse("2026-12-06T15:00Z"));   // 2026-12-07T02:00Z
 * </pre>
 */
public final class CronExpression {

    private static final Map<String, String> SHORTCUTS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Cron repeats within eight years at most (a 29 February that is also a given weekday); search that far. */
    private static final int SEARCH_DAYS = 366 * 8 + 2;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = field("minute", fields[0], 0, 59, List.of());
        this.hours = field("hour", fields[1], 0, 23, List.of());
        this.daysOfMonth = field("day of month", fields[2], 1, 31, List.of());
        this.months = field("month", fields[3], 1, 12, MONTHS);
        BitSet week = field("day of week", fields[4], 0, 7, DAYS);
        if (week.get(7)) {
            week.set(0);
            week.clear(7);
        }
        this.daysOfWeek = week;
        this.anyDayOfMonth = fields[2].startsWith("*");
        this.anyDayOfWeek = fields[4].startsWith("*");
    }

    /**
     * Reads a cron expression.
     *
     * @throws IllegalArgumentException with the field and the part that cannot be read
     */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty cron expression");
        }
        String text = expression.trim();
        String expanded = SHORTCUTS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression '" + text + "' has " + fields.length
                    + " fields; expected 5: minute hour day-of-month month day-of-week");
        }
        return new CronExpression(text, fields);
    }

    /**
     * The first time strictly after {@code after}, in its zone, that the expression matches, to the minute. A local
     * time that a daylight-saving change skips is moved forward by the gap, as {@link ZonedDateTime#of} does.
     *
     * @throws IllegalStateException when no time matches within eight years (e.g. {@code 0 0 31 2 *})
     */
    public ZonedDateTime next(ZonedDateTime after) {
        LocalDateTime start = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!matches(day)) {
                continue;
            }
            LocalTime from = day.equals(start.toLocalDate()) ? start.toLocalTime() : LocalTime.MIDNIGHT;
            for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int firstMinute = hour == from.getHour() && day.equals(start.toLocalDate()) ? from.getMinute() : 0;
                int minute = minutes.nextSetBit(firstMinute);
                if (minute >= 0) {
                    ZonedDateTime due = ZonedDateTime.of(day, LocalTime.of(hour, minute), after.getZone());
                    if (due.isAfter(after)) {
                        return due;
                    }
                }
            }
        }
        throw new IllegalStateException("cron expression '" + text + "' matches no time in the next eight years");
    }

    private boolean matches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(day.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dayOfMonth && dayOfWeek;
        }
        return dayOfMonth || dayOfWeek;
    }

    private static BitSet field(String name, String text, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part, part.substring(slash + 1), 1, Integer.MAX_VALUE, List.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                from = number(name, part, range.substring(0, dash), min, max, names);
                to = number(name, part, range.substring(dash + 1), min, max, names);
                if (to < from) {
                    throw new IllegalArgumentException("cron " + name + " '" + part + "': range ends before it starts");
                }
            } else {
                from = number(name, part, range, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String name, String part, String text, int min, int max, List<String> names) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + (names == MONTHS ? 1 : 0);
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cron " + name + " '" + part + "': '" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " or one of " + names), e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("cron " + name + " '" + part + "': " + value + " is outside "
                    + min + "-" + max);
        }
        return value;
    }

    /** The expression as given. */
    @Override
    public String toString() {
        return text;
    }
}
