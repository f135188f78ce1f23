package org.olistdw.domain.delivery;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * An order reached its customer, on time or not (a late one also records {@link DeliveryCompletedLate}).
 *
 * @param orderId    the order delivered
 * @param occurredAt the delivery to the customer
 */
public record DeliveryCompleted(OrderId orderId, LocalDateTime occurredAt) implements DomainEvent {

    public DeliveryCompleted {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
