package org.olistdw.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The calendar of the published dataset: purchases from 2016-09-04 to 2018-10-17, weighted month by month
 * like the real orders (a trickle in 2016, growth through 2017, a plateau in 2018, almost nothing after
 * August 2018). Times are seconds since 1970-01-01T00:00 of a zone-less local date-time.
 */
final class Timeline {

    /** Marks an absent timestamp. */
    static final long NONE = Long.MIN_VALUE;

    static final long DAY = 86_400L;
    static final long HOUR = 3_600L;

    /** The last moment the published data knows of; deliveries and pickups are not later. */
    static final long END = seconds(LocalDateTime.of(2018, 10, 17, 17, 30, 18));

    /** Orders placed from here on are the late, mostly canceled tail of the data. */
    static final long TAIL_START = seconds(LocalDateTime.of(2018, 9, 1, 0, 0));

    private static final LocalDate FIRST_DAY = LocalDate.of(2016, 9, 4);
    private static final LocalDate LAST_DAY = LocalDate.of(2018, 10, 17);

    /** Real orders per month, 2016-09 .. 2018-10. */
    private static final int[] ORDERS_PER_MONTH = {
        4, 324, 0, 1,
        800, 1780, 2682, 2404, 3700, 3245, 4026, 4331, 4285, 4631, 7544, 5673,
        7269, 6728, 7211, 6939, 6873, 6167, 6292, 6512, 16, 4};

    private static final long[] MONTH_START = new long[ORDERS_PER_MONTH.length];
    private static final long[] MONTH_END = new long[ORDERS_PER_MONTH.length];
    private static final double[] CUMULATIVE = new double[ORDERS_PER_MONTH.length];

    static {
        double total = 0;
        for (int m = 0; m < ORDERS_PER_MONTH.length; m++) {
            total += ORDERS_PER_MONTH[m];
        }
        double running = 0;
        LocalDate month = LocalDate.of(2016, 9, 1);
        for (int m = 0; m < ORDERS_PER_MONTH.length; m++) {
            LocalDate from = month.isBefore(FIRST_DAY) ? FIRST_DAY : month;
            LocalDate next = month.plusMonths(1);
            LocalDate until = next.isAfter(LAST_DAY) ? LAST_DAY.plusDays(1) : next;
            MONTH_START[m] = seconds(from.atStartOfDay());
            MONTH_END[m] = seconds(until.atStartOfDay());
            running += ORDERS_PER_MONTH[m];
            CUMULATIVE[m] = running / total;
            month = next;
        }
    }

    private Timeline() {
    }

    static long seconds(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    /** A purchase moment drawn from the real monthly distribution. */
    static long purchase(SplittableRandom random) {
        double u = random.nextDouble();
        int m = 0;
        while (m < CUMULATIVE.length - 1 && u >= CUMULATIVE[m]) {
            m++;
        }
        return MONTH_START[m] + random.nextLong(MONTH_END[m] - MONTH_START[m]);
    }

    /** Midnight of the day of {@code time}. */
    static long midnight(long time) {
        return Math.floorDiv(time, DAY) * DAY;
    }

    /** A random duration in [fromSeconds, toSeconds). */
    static long between(SplittableRandom random, long fromSeconds, long toSeconds) {
        return fromSeconds + random.nextLong(Math.max(1, toSeconds - fromSeconds));
    }
}
