package org.olistdw.pipeline.build;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.pipeline.build.ValidationTables.Part;

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
     * Reconstitutes every order of a build as an {@link Order} aggregate, streaming them in batches, and records
     * each business-rule violation their histories hold in the build. The orders are split in {@code parts} parts
     * replayed side by side, each on a thread and cursors of its own (one part: on the caller's thread); the
     * violations recorded are the same whatever the number of parts.
     */
    public static OrderValidation of(ValidationTables tables, int parts) {
        Objects.requireNonNull(tables, "tables");
        LongAdder orders = new LongAdder();
        Map<OrderRule, Long> byRule = new EnumMap<>(OrderRule.class);
        long recorded;
        try (Stream<RuleViolation> found = violations(Part.split(parts), part -> tables.orders(part)
                .peek(order -> orders.increment()))) {
            recorded = tables.recordViolations(found.peek(violation -> byRule.merge(violation.rule(), 1L, Long::sum)));
        }
        return new OrderValidation(orders.sum(), recorded, byRule);
    }

    /**
     * Validates only the orders that a run's changed keys touch, as {@link #of} validates every order (in
     * {@code parts} parts side by side), and carries the violations of every other order over from the published
     * warehouse (built with the same models, rules and program): the outcome, and what it reports, are those of
     * validating every order.
     */
    public static OrderValidation ofAffected(ValidationTables tables, int parts) {
        Objects.requireNonNull(tables, "tables");
        try (Stream<RuleViolation> found = violations(Part.split(parts), tables::affectedOrders)) {
            tables.recordViolationsOfAffected(found);
        }
        return tables.recorded();
    }

    /** The violations of the orders of every part, each part replayed on a thread of its own. */
    private static Stream<RuleViolation> violations(List<Part> parts, Function<Part, Stream<Order>> orders) {
        return SideBySide.merged("validate-orders", parts.stream()
                .map(part -> (Supplier<Stream<RuleViolation>>) () -> orders.apply(part)
                        .flatMap(order -> order.violations().stream()))
                .toList());
    }
}
