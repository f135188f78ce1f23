package org.olistdw.domain.delivery;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.olistdw.domain.shared.AggregateRoot;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.OrderId;

/**
 * The journey of one order to its customer: purchased, handed to the carrier, delivered, against the
 * delivery date promised at purchase. Identified by the order's id.
 *
 * <p>Invariants kept by the changes ({@link #handToCarrier}, {@link #complete}): the order is handed to
 * the carrier at most once and never before its purchase; it is delivered at most once, never before its
 * purchase nor before the hand-over when there was one, and never handed over after delivery. A delivery
 * rebuilt with {@link #reconstitute} keeps its times as recorded, even out of order (the sources have
 * such orders): it is measured as it is.
 *
 * <p>Lateness is {@link LatenessRule}, the warehouse's {@code is_late}: delivered on a later <em>calendar
 * day</em> than the estimated date; delivered on the estimated day at any hour is on time; unknown while
 * either date is missing. Durations are whole calendar days between the dates, ignoring the hours.
 *
 * <p>Changes record events ({@link DeliveryDispatched}, {@link DeliveryHandedToCarrier},
 * {@link DeliveryCompleted}, {@link DeliveryCompletedLate}) that the caller collects with
 * {@link #pullEvents()}. Equality is by order id.
 */
public final class Delivery extends AggregateRoot {

    private final OrderId orderId;
    private final BrazilianState destination;
    private final LocalDateTime purchasedAt;
    private final LocalDateTime estimatedDeliveryAt;
    private LocalDateTime handedToCarrierAt;
    private LocalDateTime deliveredAt;

    private Delivery(OrderId orderId, BrazilianState destination, LocalDateTime purchasedAt,
                     LocalDateTime handedToCarrierAt, LocalDateTime estimatedDeliveryAt, LocalDateTime deliveredAt) {
        this.orderId = Objects.requireNonNull(orderId, "order id");
        this.purchasedAt = Objects.requireNonNull(purchasedAt, "purchased at");
        this.destination = destination;
        this.handedToCarrierAt = handedToCarrierAt;
        this.estimatedDeliveryAt = estimatedDeliveryAt;
        this.deliveredAt = deliveredAt;
    }

    /**
     * The delivery of an order just purchased; records {@link DeliveryDispatched}.
     *
     * @param orderId             the order
     * @param destination         the state it goes to; null when unknown
     * @param purchasedAt         the purchase
     * @param estimatedDeliveryAt the delivery promised to the customer; null when none was given
     */
    public static Delivery dispatch(OrderId orderId, BrazilianState destination, LocalDateTime purchasedAt,
                                    LocalDateTime estimatedDeliveryAt) {
        Delivery delivery = new Delivery(orderId, destination, purchasedAt, null, estimatedDeliveryAt, null);
        delivery.record(new DeliveryDispatched(orderId, Optional.ofNullable(destination),
                Optional.ofNullable(estimatedDeliveryAt), purchasedAt));
        return delivery;
    }

    /**
     * A delivery rebuilt from a store or a source row, with no events and its times as recorded: they are
     * not checked against each other. Every argument but the order and the purchase may be null.
     */
    public static Delivery reconstitute(OrderId orderId, BrazilianState destination, LocalDateTime purchasedAt,
                                        LocalDateTime handedToCarrierAt, LocalDateTime estimatedDeliveryAt,
                                        LocalDateTime deliveredAt) {
        return new Delivery(orderId, destination, purchasedAt, handedToCarrierAt, estimatedDeliveryAt, deliveredAt);
    }

    /**
     * The carrier took the order at {@code at}; records {@link DeliveryHandedToCarrier}.
     *
     * @throws IllegalStateException    when it was already handed over or delivered
     * @throws IllegalArgumentException when {@code at} is before the purchase
     */
    public void handToCarrier(LocalDateTime at) {
        Objects.requireNonNull(at, "handed to carrier at");
        if (handedToCarrierAt != null) {
            throw new IllegalStateException("order " + orderId + " was already handed to the carrier at "
                    + handedToCarrierAt);
        }
        if (deliveredAt != null) {
            throw new IllegalStateException("order " + orderId + " was already delivered at " + deliveredAt
                    + ": it cannot be handed to the carrier afterwards");
        }
        if (at.isBefore(purchasedAt)) {
            throw new IllegalArgumentException("order " + orderId + " cannot be handed to the carrier at " + at
                    + ", before its purchase at " + purchasedAt);
        }
        handedToCarrierAt = at;
        record(new DeliveryHandedToCarrier(orderId, at));
    }

    /**
     * The order reached its customer at {@code at}. Records {@link DeliveryCompleted}, and also
     * {@link DeliveryCompletedLate} when that is on a later calendar day than the estimated date.
     *
     * @throws IllegalStateException    when it was already delivered
     * @throws IllegalArgumentException when {@code at} is before the purchase or before the hand-over to the carrier
     */
    public void complete(LocalDateTime at) {
        Objects.requireNonNull(at, "delivered at");
        if (deliveredAt != null) {
            throw new IllegalStateException("order " + orderId + " was already delivered at " + deliveredAt);
        }
        if (at.isBefore(purchasedAt)) {
            throw new IllegalArgumentException("order " + orderId + " cannot be delivered at " + at
                    + ", before its purchase at " + purchasedAt);
        }
        if (handedToCarrierAt != null && at.isBefore(handedToCarrierAt)) {
            throw new IllegalArgumentException("order " + orderId + " cannot be delivered at " + at
                    + ", before the carrier took it at " + handedToCarrierAt);
        }
        deliveredAt = at;
        record(new DeliveryCompleted(orderId, at));
        if (isLate().orElse(false)) {
            record(new DeliveryCompletedLate(orderId, at, estimatedDeliveryAt, daysVersusEstimate().getAsLong()));
        }
    }

    /** The order delivered, the identity. */
    public OrderId orderId() {
        return orderId;
    }

    /** The state the order goes to; empty when unknown. */
    public Optional<BrazilianState> destination() {
        return Optional.ofNullable(destination);
    }

    /** The purchase, where the delivery starts. */
    public LocalDateTime purchasedAt() {
        return purchasedAt;
    }

    /** When the carrier took the order; empty until then (or when the source lacks it). */
    public Optional<LocalDateTime> handedToCarrierAt() {
        return Optional.ofNullable(handedToCarrierAt);
    }

    /** The delivery promised to the customer; empty when none was given. */
    public Optional<LocalDateTime> estimatedDeliveryAt() {
        return Optional.ofNullable(estimatedDeliveryAt);
    }

    /** When the order reached its customer; empty until then (or when the source lacks it). */
    public Optional<LocalDateTime> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    /** Whether the order reached its customer. */
    public boolean isDelivered() {
        return deliveredAt != null;
    }

    /**
     * Whether the order reached its customer on a later calendar day than the estimated date, by
     * {@link LatenessRule}; empty when it is not delivered or has no estimate.
     */
    public Optional<Boolean> isLate() {
        return LatenessRule.isLate(deliveredAt, estimatedDeliveryAt);
    }

    /**
     * Calendar days from the estimated date to the delivery date: positive when late, 0 on the day,
     * negative when early; empty when it is not delivered or has no estimate.
     */
    public OptionalLong daysVersusEstimate() {
        if (deliveredAt == null || estimatedDeliveryAt == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(calendarDays(estimatedDeliveryAt, deliveredAt));
    }

    /** Calendar days from the purchase date to the delivery date; empty when it is not delivered. */
    public OptionalLong daysToDeliver() {
        return deliveredAt == null ? OptionalLong.empty() : OptionalLong.of(calendarDays(purchasedAt, deliveredAt));
    }

    private static long calendarDays(LocalDateTime from, LocalDateTime to) {
        return ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate());
    }

    @Override
    protected Object identity() {
        return orderId;
    }

    /** For example {@code Delivery[e481f51cbdc54678b7cc49136f2d6af7, delivered 2017-10-10T21:25:13]}. */
    @Override
    public String toString() {
        return "Delivery[" + orderId + ", " + (deliveredAt == null ? "not delivered" : "delivered " + deliveredAt) + "]";
    }
}
