package org.olistdw.domain.delivery;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * An order was handed to the carrier.
 *
 * @param orderId    the order delivered
 * @param occurredAt the hand-over
 */
public record DeliveryHandedToCarrier(OrderId orderId, LocalDateTime occurredAt) implements DomainEvent {

    public DeliveryHandedToCarrier {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
