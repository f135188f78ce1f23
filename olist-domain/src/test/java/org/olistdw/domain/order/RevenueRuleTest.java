package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olistdw.domain.order.OrderStatus.CANCELED;
import static org.olistdw.domain.order.OrderStatus.UNAVAILABLE;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RevenueRuleTest {

    @Test
    void canceled_and_unavailable_orders_are_the_ones_excluded() {
        assertThat(RevenueRule.excludedStatuses()).containsExactly(CANCELED, UNAVAILABLE);
    }

    @Test
    void an_order_needs_one_item_to_count() {
        assertThat(RevenueRule.minimumItems()).isEqualTo(1);
    }

    @Test
    void every_other_status_counts_with_one_item_and_none_counts_without_items() {
        for (OrderStatus status : EnumSet.complementOf(EnumSet.of(CANCELED, UNAVAILABLE))) {
            assertThat(RevenueRule.countsAsRevenue(status, 1)).as(status.code()).isTrue();
            assertThat(RevenueRule.countsAsRevenue(status, 0)).as(status.code()).isFalse();
        }
        assertThat(RevenueRule.countsAsRevenue(CANCELED, 2)).isFalse();
        assertThat(RevenueRule.countsAsRevenue(UNAVAILABLE, 2)).isFalse();
    }

    @Test
    void a_recorded_code_counts_as_its_status_does_ignoring_case_and_blanks() {
        assertThat(RevenueRule.countsAsRevenue("delivered", 2)).contains(true);
        assertThat(RevenueRule.countsAsRevenue(" Canceled ", 2)).contains(false);
        assertThat(RevenueRule.countsAsRevenue("unavailable", 1)).contains(false);
    }

    @Test
    void an_unknown_code_does_not_exclude_an_order_with_items() {
        assertThat(RevenueRule.countsAsRevenue("lost", 1)).contains(true);
        assertThat(RevenueRule.countsAsRevenue("lost", 0)).contains(false);
    }

    @Test
    void a_missing_code_leaves_the_answer_unknown_unless_the_order_has_no_item() {
        assertThat(RevenueRule.countsAsRevenue((String) null, 1)).isEmpty();
        assertThat(RevenueRule.countsAsRevenue((String) null, 0)).contains(false);
    }
}
