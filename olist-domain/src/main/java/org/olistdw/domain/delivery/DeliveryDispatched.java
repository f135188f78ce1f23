package org.olistdw.domain.delivery;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * An order's delivery began: it was purchased and promised by a date.
 *
 * @param orderId     the order delivered
 * @param destination the state it goes to; empty when unknown
 * @param estimatedAt the delivery promised to the customer; empty when none was given
 * @param occurredAt  the purchase
 */
public record DeliveryDispatched(OrderId orderId, Optional<BrazilianState> destination,
                                 Optional<LocalDateTime> estimatedAt, LocalDateTime occurredAt) implements DomainEvent {

    public DeliveryDispatched {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(estimatedAt, "estimated at");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
