package org.olistdw.pipeline.build;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderRule;

/**
 * What validating every order of a build found.
 *
 * @param orders     the orders reconstituted
 * @param violations the violations recorded, at most one per rule and order
 * @param byRule     the violations per rule; rules nobody broke are left out
 */
public record OrderValidation(long orders, long violations, Map<OrderRule, Long> byRule) {

    public OrderValidation {
        if (orders < 0 || violations < 0) {
            throw new IllegalArgumentException("counts must not be negative, were " + orders + " and " + violations);
        }
        Map<OrderRule, Long> copy = new EnumMap<>(OrderRule.class);
        copy.putAll(Objects.requireNonNull(byRule, "byRule"));
        byRule = Collections.unmodifiableMap(copy);
    }

    /**
     * Reconstitutes every order of a build as an {@link Order} aggregate, streaming them in batches, and
     * records each business-rule violation their histories hold in the build.
     */
    public static OrderValidation of(ValidationTables tables) {
        Objects.requireNonNull(tables, "tables");
        long[] orders = {0};
        Map<OrderRule, Long> byRule = new EnumMap<>(OrderRule.class);
        long recorded;
        try (Stream<Order> all = tables.orders().streamAll()) {
            recorded = tables.recordViolations(all
                    .peek(order -> orders[0]++)
                    .flatMap(order -> order.violations().stream())
                    .peek(violation -> byRule.merge(violation.rule(), 1L, Long::sum)));
        }
        return new OrderValidation(orders[0], recorded, byRule);
    }

    /**
     * Validates only the orders that a run's changed keys touch, as {@link #of} validates every order, and carries
     * the violations of every other order over from the published warehouse (built with the same models, rules and
     * program): the outcome, and what it reports, are those of validating every order.
     */
    public static OrderValidation ofAffected(ValidationTables tables) {
        Objects.requireNonNull(tables, "tables");
        try (Stream<Order> affected = tables.affectedOrders()) {
            tables.recordViolationsOfAffected(affected.flatMap(order -> order.violations().stream()));
        }
        return tables.recorded();
    }
}
