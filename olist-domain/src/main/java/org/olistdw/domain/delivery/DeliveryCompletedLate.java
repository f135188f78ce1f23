package org.olistdw.domain.delivery;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * An order reached its customer on a later calendar day than estimated.
 *
 * @param orderId     the order delivered
 * @param occurredAt  the delivery to the customer
 * @param estimatedAt the delivery that was promised
 * @param daysLate    calendar days from the estimated date to the delivery date, at least 1
 */
public record DeliveryCompletedLate(OrderId orderId, LocalDateTime occurredAt, LocalDateTime estimatedAt,
                                    long daysLate) implements DomainEvent {

    public DeliveryCompletedLate {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(estimatedAt, "estimated at");
        if (daysLate < 1) {
            throw new IllegalArgumentException("order " + orderId + ": days late must be at least 1, was " + daysLate);
        }
    }

    /** The order's id. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
