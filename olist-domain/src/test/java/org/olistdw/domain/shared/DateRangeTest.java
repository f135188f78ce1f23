package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final LocalDate JAN_1 = LocalDate.of(2018, 1, 1);
    private static final LocalDate JAN_31 = LocalDate.of(2018, 1, 31);

    @Test
    void counts_both_ends() {
        assertThat(new DateRange(JAN_1, JAN_31).days()).isEqualTo(31);
        assertThat(DateRange.ofDay(JAN_1).days()).isEqualTo(1);
        assertThat(new DateRange(LocalDate.of(2016, 2, 1), LocalDate.of(2016, 2, 29)).days()).isEqualTo(29);
    }

    @Test
    void contains_its_ends_and_nothing_outside() {
        DateRange january = new DateRange(JAN_1, JAN_31);
        assertThat(january.contains(JAN_1)).isTrue();
        assertThat(january.contains(JAN_31)).isTrue();
        assertThat(january.contains(LocalDate.of(2018, 1, 15))).isTrue();
        assertThat(january.contains(LocalDate.of(2017, 12, 31))).isFalse();
        assertThat(january.contains(LocalDate.of(2018, 2, 1))).isFalse();
    }

    @Test
    void ranges_sharing_a_day_overlap() {
        DateRange january = new DateRange(JAN_1, JAN_31);
        assertThat(january.overlaps(DateRange.ofDay(JAN_31))).isTrue();
        assertThat(january.overlaps(new DateRange(LocalDate.of(2017, 12, 1), JAN_1))).isTrue();
        assertThat(january.overlaps(new DateRange(LocalDate.of(2018, 2, 1), LocalDate.of(2018, 2, 28)))).isFalse();
        assertThat(DateRange.ofDay(LocalDate.of(2018, 2, 1)).overlaps(january)).isFalse();
    }

    @Test
    void rejects_a_range_that_ends_before_it_starts() {
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2018, 1, 2), JAN_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date range must not end (2018-01-01) before it starts (2018-01-02)");
        assertThatThrownBy(() -> new DateRange(null, JAN_1)).isInstanceOf(NullPointerException.class);
    }
}
