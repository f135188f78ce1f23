package org.olistdw.domain.order;

import static org.olistdw.domain.order.OrderStatus.CANCELED;
import static org.olistdw.domain.order.OrderStatus.UNAVAILABLE;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which orders count as revenue: every order whose status is not one of {@link #excludedStatuses()}
 * (canceled, unavailable) and that has at least {@link #minimumItems()} item. Every sales measure of the
 * warehouse (GMV, revenue, orders, customers) counts only these orders.
 *
 * <p>The rule is stated here once. {@link Order#countsAsRevenue()} applies it to an aggregate; the warehouse
 * applies it to rows through SQL that the analytical adapter generates from {@link #excludedStatuses()} and
 * {@link #minimumItems()} when a build starts, so the two cannot drift apart.
 *
 * <p>Applied to a recorded status code ({@link #countsAsRevenue(String, long)}): a code that is none of the
 * eight statuses does not exclude the order (such a code breaks {@link OrderRule#STATUS_ACCEPTED}, which is
 * reported on its own); a missing code leaves the answer unknown unless the items already rule the order out.
 */
public final class RevenueRule {

    private static final Set<OrderStatus> EXCLUDED = Collections.unmodifiableSet(EnumSet.of(CANCELED, UNAVAILABLE));

    private static final int MINIMUM_ITEMS = 1;

    private RevenueRule() {
    }

    /** The statuses whose orders never count as revenue, in declaration order: canceled and unavailable. Unmodifiable. */
    public static Set<OrderStatus> excludedStatuses() {
        return EXCLUDED;
    }

    /** The fewest items an order needs to count as revenue: one; an order with nothing sold is no revenue. */
    public static int minimumItems() {
        return MINIMUM_ITEMS;
    }

    /** Whether an order in {@code status} with {@code items} items counts as revenue. */
    public static boolean countsAsRevenue(OrderStatus status, long items) {
        Objects.requireNonNull(status, "status");
        return !EXCLUDED.contains(status) && items >= MINIMUM_ITEMS;
    }

    /**
     * Whether an order whose status is recorded as {@code statusCode} (read as {@link OrderStatus#ofCode}
     * reads it) and that has {@code items} items counts as revenue: false with too few items whatever the
     * status; otherwise false for an excluded status, true for any other code, known or not, and empty
     * (unknown) when the code is missing.
     */
    public static Optional<Boolean> countsAsRevenue(String statusCode, long items) {
        if (items < MINIMUM_ITEMS) {
            return Optional.of(false);
        }
        if (statusCode == null) {
            return Optional.empty();
        }
        return Optional.of(OrderStatus.find(statusCode).map(status -> !EXCLUDED.contains(status)).orElse(true));
    }
}
