package org.olistdw.pipeline.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.pipeline.source.SourceFileProblem;

class RejectLimitTest {

    private static final String ITEMS = "olist_order_items_dataset.csv";

    @Test
    void more_than_the_limit_fails_naming_the_file_the_share_the_limit_and_the_first_three_reasons() {
        List<QuarantinedRow> first = List.of(
                new QuarantinedRow(ITEMS, 17, "a", "price: not a number, was 'abc'"),
                new QuarantinedRow(ITEMS, 20, "b", "expected 7 fields, found 3"),
                new QuarantinedRow(ITEMS, 31, "c", "order_id: missing required value"),
                new QuarantinedRow(ITEMS, 40, "d", "not shown"));

        // 312 / 11,254 = 2.7724 % > 1 %
        assertThatThrownBy(() -> RejectLimit.DEFAULT.check(ITEMS, new LoadResult(11_254, 10_942, 312), first))
                .isInstanceOf(SourceFileProblem.class)
                .hasMessage("olist_order_items_dataset.csv: 312 of 11,254 rows quarantined (2.77 %, limit 1 %);"
                        + " first reasons: line 17 price: not a number, was 'abc'; line 20 expected 7 fields, found 3;"
                        + " line 31 order_id: missing required value");
    }

    @Test
    void exactly_the_limit_passes_and_one_row_more_fails() {
        assertThat(RejectLimit.DEFAULT.exceededBy(1_000, 10)).isFalse();
        assertThat(RejectLimit.DEFAULT.exceededBy(1_000, 11)).isTrue();
        assertThat(RejectLimit.DEFAULT.exceededBy(99, 1)).isTrue(); // 1.0101 %
        assertThat(RejectLimit.DEFAULT.exceededBy(0, 0)).isFalse();
        RejectLimit.DEFAULT.check(ITEMS, new LoadResult(1_000, 990, 10), List.of());
        assertThat(RejectLimit.DEFAULT.summary(ITEMS, 1_000, 10))
                .isEqualTo("olist_order_items_dataset.csv: 10 of 1,000 rows quarantined (1.00 %, limit 1 %)");
    }

    @Test
    void a_limit_of_zero_allows_no_quarantined_row_and_one_of_a_hundred_allows_all() {
        RejectLimit none = RejectLimit.ofPercent(0);
        RejectLimit all = RejectLimit.ofPercent(100);

        assertThat(none.exceededBy(1_000_000, 0)).isFalse();
        assertThat(none.exceededBy(1_000_000, 1)).isTrue();
        assertThat(all.exceededBy(3, 3)).isFalse();
        assertThat(RejectLimit.ofPercent(2.5).summary("f.csv", 40, 1))
                .isEqualTo("f.csv: 1 of 40 rows quarantined (2.50 %, limit 2.5 %)");
    }

    @Test
    void a_limit_outside_0_to_100_percent_is_refused() {
        assertThatThrownBy(() -> RejectLimit.ofPercent(100.5)).hasMessage("the reject limit must be 0..100 percent,"
                + " was 100.5");
        assertThatThrownBy(() -> new RejectLimit(BigDecimal.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RejectLimit.ofPercent(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
