package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.OrderId;

/**
 * The customer reviewed the order.
 *
 * @param orderId    the order
 * @param reviewId   the review
 * @param score      the score given
 * @param occurredAt when the review was created ({@code review_creation_date})
 */
public record ReviewSubmitted(OrderId orderId, String reviewId, ReviewScore score, LocalDateTime occurredAt)
        implements DomainEvent {

    /** @throws NullPointerException when a component is missing */
    public ReviewSubmitted {
        Objects.requireNonNull(orderId, "order id");
        Objects.requireNonNull(reviewId, "review id");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The order's id as text. */
    @Override
    public String aggregateId() {
        return orderId.value();
    }
}
