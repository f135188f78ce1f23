package org.olistdw.analytics.duckdb;

import java.util.List;
import java.util.stream.Collectors;
import org.olistdw.domain.delivery.LatenessRule;
import org.olistdw.domain.order.OrderStatus;
import org.olistdw.domain.order.RevenueRule;

/**
 * The SQL macros of the domain's business rules, generated from the rules themselves so that the models
 * apply exactly what the domain states, and nobody writes the rule a second time:
 * <ul>
 *   <li>{@code counts_as_revenue(order_status, item_count)}, from {@link RevenueRule}: false with fewer items
 *       than {@link RevenueRule#minimumItems()}; otherwise false for a status of
 *       {@link RevenueRule#excludedStatuses()}, true for any other status, null for a null status;</li>
 *   <li>{@code is_late(delivered_at, estimated_at)}, from {@link LatenessRule}: delivered on a later calendar
 *       day than the estimated date plus {@link LatenessRule#graceDays()}; null when either is null.</li>
 * </ul>
 * Status codes compare as the warehouse holds them (staging lower-cases and trims them).
 */
final class RuleMacros {

    private RuleMacros() {
    }

    /** The {@code create or replace macro} statements, one per rule. */
    static List<String> statements() {
        return List.of(countsAsRevenue(), isLate());
    }

    static String countsAsRevenue() {
        if (RevenueRule.excludedStatuses().isEmpty()) {
            throw new IllegalStateException("the revenue rule excludes no status; counts_as_revenue expects at least one");
        }
        String excluded = RevenueRule.excludedStatuses().stream().map(OrderStatus::code).map(RawLayout::literal)
                .collect(Collectors.joining(", "));
        return "create or replace macro counts_as_revenue(order_status, item_count) as\n"
                + "    order_status not in (" + excluded + ") and item_count >= " + RevenueRule.minimumItems();
    }

    static String isLate() {
        int grace = LatenessRule.graceDays();
        return "create or replace macro is_late(delivered_at, estimated_at) as\n"
                + "    cast(delivered_at as date) > cast(estimated_at as date)" + (grace == 0 ? "" : " + " + grace);
    }
}
