package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * The order's payment was approved ({@link OrderStatus#APPROVED}).
 *
 * @param orderId    the order
 * @param occurredAt when it was approved ({@code order_approved_at})
 */
public record OrderApproved(OrderId orderId, LocalDateTime occurredAt) implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public OrderApproved {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
