package org.olistdw.domain.customer;

import java.time.LocalDate;
import java.util.Objects;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;

/**
 * What one person bought, the input of {@link RfmSegmentation}: their orders that count as revenue.
 *
 * @param person         the person ({@code customer_unique_id})
 * @param firstOrderDate the purchase date of their first counted order
 * @param lastOrderDate  the purchase date of their last counted order, not before the first
 * @param orders         their counted orders, at least 1
 * @param revenue        item prices plus freight of those orders, not negative
 */
public record CustomerActivity(CustomerUniqueId person, LocalDate firstOrderDate, LocalDate lastOrderDate,
                               long orders, Money revenue) {

    public CustomerActivity {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(firstOrderDate, "first order date");
        Objects.requireNonNull(lastOrderDate, "last order date");
        Objects.requireNonNull(revenue, "revenue");
        if (lastOrderDate.isBefore(firstOrderDate)) {
            throw new IllegalArgumentException("customer " + person + ": last order date " + lastOrderDate
                    + " must not be before the first " + firstOrderDate);
        }
        if (orders < 1) {
            throw new IllegalArgumentException("customer " + person + ": orders must be at least 1, was " + orders);
        }
        if (revenue.isNegative()) {
            throw new IllegalArgumentException("customer " + person + ": revenue must not be negative, was " + revenue);
        }
    }
}
