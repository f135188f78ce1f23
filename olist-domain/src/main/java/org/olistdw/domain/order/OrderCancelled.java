package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * The order was canceled before it reached the customer ({@link OrderStatus#CANCELED}).
 *
 * @param orderId    the order
 * @param occurredAt when it was canceled; the source has no such time, so a reconstituted order uses its
 *                   latest earlier known time
 * @param reason     why, never blank
 */
public record OrderCancelled(OrderId orderId, LocalDateTime occurredAt, String reason) implements DomainEvent {

    /**
     * @throws NullPointerException     when a component is missing
     * @throws IllegalArgumentException when the reason is blank
     */
    public OrderCancelled {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("cancellation reason must not be blank, was '" + reason + "'");
        }
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
