package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.OrderId;

/**
 * A payment towards the order was received.
 *
 * @param orderId    the order
 * @param sequential the payment's number within the order
 * @param type       how it was paid
 * @param amount     the amount paid
 * @param occurredAt when it was received; the source has no payment time, so this is the order's latest
 *                   known time when the payment was added (its purchase time for a reconstituted order)
 */
public record PaymentReceived(OrderId orderId, int sequential, PaymentType type, Money amount,
                              LocalDateTime occurredAt) implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public PaymentReceived {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
