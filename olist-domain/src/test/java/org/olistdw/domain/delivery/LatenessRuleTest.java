package org.olistdw.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LatenessRuleTest {

    private static final LocalDateTime ESTIMATED = LocalDateTime.of(2018, 3, 10, 0, 0);

    @Test
    void there_is_no_grace_day() {
        assertThat(LatenessRule.graceDays()).isZero();
    }

    @Test
    void delivered_on_the_estimated_day_is_on_time_until_midnight() {
        assertThat(LatenessRule.isLate(ESTIMATED, ESTIMATED)).contains(false);
        assertThat(LatenessRule.isLate(LocalDateTime.of(2018, 3, 10, 23, 59, 59), ESTIMATED)).contains(false);
    }

    @Test
    void delivered_the_next_day_is_late_however_close_to_the_estimate() {
        // estimate 23:59:59 on the 10th, delivered one second later, at midnight on the 11th
        assertThat(LatenessRule.isLate(LocalDateTime.of(2018, 3, 11, 0, 0),
                LocalDateTime.of(2018, 3, 10, 23, 59, 59))).contains(true);
    }

    @Test
    void delivered_before_the_estimated_day_is_on_time() {
        assertThat(LatenessRule.isLate(LocalDateTime.of(2018, 3, 9, 23, 59), ESTIMATED)).contains(false);
    }

    @Test
    void lateness_is_unknown_while_either_date_is_missing() {
        assertThat(LatenessRule.isLate(null, ESTIMATED)).isEmpty();
        assertThat(LatenessRule.isLate(ESTIMATED, null)).isEmpty();
        assertThat(LatenessRule.isLate(null, null)).isEmpty();
    }
}
