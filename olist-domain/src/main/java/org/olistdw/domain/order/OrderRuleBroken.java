package org.olistdw.domain.order;

import java.util.Objects;

/**
 * A command asked an {@link Order} to do something one of its {@link OrderRule}s forbids, e.g. to ship
 * before the purchase. The order is left exactly as it was before the command.
 *
 * <p>The same rule found broken in recorded history does not throw: {@link Order#reconstitute} keeps it as
 * the {@link RuleViolation} this exception carries.
 */
public final class OrderRuleBroken extends IllegalStateException {

    private final transient RuleViolation violation;

    /** @param violation the rule broken, the order and what exactly is wrong */
    public OrderRuleBroken(RuleViolation violation) {
        super("order " + Objects.requireNonNull(violation, "violation").orderId() + " breaks "
                + violation.rule().code() + ": " + violation.detail());
        this.violation = violation;
    }

    /** The rule broken, the order and what exactly is wrong. */
    public RuleViolation violation() {
        return violation;
    }

    /** The rule broken. */
    public OrderRule rule() {
        return violation.rule();
    }
}
