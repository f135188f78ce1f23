package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * The order reached the customer ({@link OrderStatus#DELIVERED}).
 *
 * @param orderId    the order
 * @param occurredAt when the customer received it ({@code order_delivered_customer_date})
 */
public record OrderDelivered(OrderId orderId, LocalDateTime occurredAt) implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public OrderDelivered {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
