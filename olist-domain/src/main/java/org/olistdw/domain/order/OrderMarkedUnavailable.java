package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * The order could not be fulfilled because its products were unavailable ({@link OrderStatus#UNAVAILABLE}).
 *
 * @param orderId    the order
 * @param occurredAt when it was marked; the source has no such time, so a reconstituted order uses its latest earlier known time
 */
public record OrderMarkedUnavailable(OrderId orderId, LocalDateTime occurredAt) implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public OrderMarkedUnavailable {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
