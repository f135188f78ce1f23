package org.olistdw.domain.order;

import java.util.Objects;
import org.olistdw.domain.shared.OrderId;

/**
 * A business rule an order's recorded history breaks: an expected outcome of validating real data, kept
 * as a value (not thrown) so that it can be recorded and counted.
 *
 * @param rule    the rule broken
 * @param orderId the order that breaks it
 * @param detail  what exactly is wrong, in one line with the values involved
 */
public record RuleViolation(OrderRule rule, OrderId orderId, String detail) {

    /** @throws NullPointerException when a component is missing */
    public RuleViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return rule.code() + " " + orderId + ": " + detail;
    }
}
