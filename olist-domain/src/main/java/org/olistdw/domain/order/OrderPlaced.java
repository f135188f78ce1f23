package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * A customer placed the order ({@link OrderStatus#CREATED}); always the first event of an order.
 *
 * @param orderId    the order
 * @param customerId the per-order customer identity; empty only for a reconstituted order whose source lacks it
 * @param occurredAt when it was placed ({@code order_purchase_timestamp})
 */
public record OrderPlaced(OrderId orderId, Optional<CustomerId> customerId, LocalDateTime occurredAt)
        implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public OrderPlaced {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
