package org.olistdw.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ZonedDateTime next(String expression, String after) {
        return CronExpression.parse(expression).next(ZonedDateTime.of(java.time.LocalDateTime.parse(after), UTC));
    }

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), UTC);
    }

    @Test
    void nightlyRunIsDueAtTwoTheNextMorningAndStrictlyAfterTheGivenTime() {
        assertThat(next("0 2 * * *", "2026-12-06T15:00")).isEqualTo(at("2026-12-07T02:00"));
        assertThat(next("0 2 * * *", "2026-12-07T01:59:30")).isEqualTo(at("2026-12-07T02:00"));
        assertThat(next("0 2 * * *", "2026-12-07T02:00")).isEqualTo(at("2026-12-08T02:00"));
    }

    @Test
    void stepsRangesAndWeekdaysCombine() {
        // 2026-12-04 is a Friday: after 17:45 the next working-hours quarter is Monday 09:00
        assertThat(next("*/15 9-17 * * 1-5", "2026-12-04T17:50")).isEqualTo(at("2026-12-07T09:00"));
        assertThat(next("*/15 9-17 * * 1-5", "2026-12-07T09:00")).isEqualTo(at("2026-12-07T09:15"));
        // 5/20 is 5, 25 and 45
        assertThat(next("5/20 * * * *", "2026-12-07T10:30")).isEqualTo(at("2026-12-07T10:45"));
        assertThat(next("5/20 * * * *", "2026-12-07T10:45")).isEqualTo(at("2026-12-07T11:05"));
        assertThat(next("0 8,12-13 * * *", "2026-12-07T12:00")).isEqualTo(at("2026-12-07T13:00"));
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEitherAsCronDoes() {
        // 2026-12-06 is a Sunday, the 7th a Monday; 2026-12-28 a Monday and 2027-01-01 a Friday
        assertThat(next("0 0 1 * MON", "2026-12-06T12:00")).isEqualTo(at("2026-12-07T00:00"));
        assertThat(next("0 0 1 * MON", "2026-12-28T00:00")).isEqualTo(at("2027-01-01T00:00"));
        // with one day field left open, the other alone decides
        assertThat(next("0 0 * * MON", "2026-12-28T00:00")).isEqualTo(at("2027-01-04T00:00"));
    }

    @Test
    void namesSundayAsSevenAndShortcuts() {
        assertThat(next("0 12 * JAN,jul *", "2026-12-06T00:00")).isEqualTo(at("2027-01-01T12:00"));
        assertThat(next("0 0 * * 7", "2026-12-06T00:00")).isEqualTo(at("2026-12-13T00:00"));
        assertThat(next("0 0 * * sun", "2026-12-06T00:00")).isEqualTo(at("2026-12-13T00:00"));
        assertThat(next("@daily", "2026-12-06T15:00")).isEqualTo(at("2026-12-07T00:00"));
        assertThat(next("@monthly", "2026-12-06T15:00")).isEqualTo(at("2027-01-01T00:00"));
        assertThat(next("@hourly", "2026-12-06T15:00")).isEqualTo(at("2026-12-06T16:00"));
    }

    @Test
    void findsLeapDaysYearsAhead() {
        assertThat(next("0 0 29 2 *", "2026-03-01T00:00")).isEqualTo(at("2028-02-29T00:00"));
    }

    @Test
    void aTimeSkippedByDaylightSavingIsMovedForwardByTheGap() {
        // Lisbon moves from 01:00 to 02:00 on 2027-03-28: 01:30 does not exist and becomes 02:30 summer time
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        ZonedDateTime after = ZonedDateTime.of(java.time.LocalDateTime.parse("2027-03-27T02:00"), lisbon);
        ZonedDateTime due = CronExpression.parse("30 1 * * *").next(after);
        assertThat(due.toInstant()).isEqualTo(java.time.Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void saysWhichFieldCannotBeRead() {
        assertThatThrownBy(() -> CronExpression.parse("0 2 * *"))
                .hasMessage("cron expression '0 2 * *' has 4 fields; expected 5: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> CronExpression.parse("61 * * * *"))
                .hasMessage("cron minute '61': 61 is outside 0-59");
        assertThatThrownBy(() -> CronExpression.parse("0 2 * * FOO"))
                .hasMessageStartingWith("cron day of week 'FOO': 'FOO' is not a number or one of [SUN, MON");
        assertThatThrownBy(() -> CronExpression.parse("5-1 * * * *"))
                .hasMessage("cron minute '5-1': range ends before it starts");
        assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *"))
                .hasMessage("cron minute '*/0': 0 is outside 1-2147483647");
        assertThatThrownBy(() -> CronExpression.parse(" "))
                .hasMessage("empty cron expression");
    }

    @Test
    void anExpressionThatNeverMatchesSaysSo() {
        CronExpression never = CronExpression.parse("0 0 31 2 *");
        assertThatThrownBy(() -> never.next(at("2026-12-06T00:00")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cron expression '0 0 31 2 *' matches no time in the next eight years");
    }
}
