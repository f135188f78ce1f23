package org.olistdw.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import org.olistdw.domain.shared.Money;

/**
 * The freight {@link FreightEstimate} estimates for one item.
 *
 * @param amount           the freight, not negative
 * @param billableWeightKg the weight charged for, in kilograms with 3 decimals, not negative
 * @param route            how far the item travels
 */
public record FreightQuote(Money amount, BigDecimal billableWeightKg, Route route) {

    public FreightQuote {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(billableWeightKg, "billable weight");
        Objects.requireNonNull(route, "route");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("freight must not be negative, was " + amount);
        }
        if (billableWeightKg.signum() < 0) {
            throw new IllegalArgumentException("billable weight must not be negative, was "
                    + billableWeightKg.toPlainString() + " kg");
        }
    }
}
