package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * The order was handed to the carrier ({@link OrderStatus#SHIPPED}).
 *
 * @param orderId    the order
 * @param occurredAt when the carrier took it ({@code order_delivered_carrier_date})
 */
public record OrderShipped(OrderId orderId, LocalDateTime occurredAt) implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public OrderShipped {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
