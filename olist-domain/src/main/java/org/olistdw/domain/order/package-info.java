/**
 * The Order aggregate: a marketplace order with its {@link org.olistdw.domain.order.OrderItem items},
 * {@link org.olistdw.domain.order.Payment payments} and {@link org.olistdw.domain.order.Review reviews}, its
 * lifecycle ({@link org.olistdw.domain.order.OrderStatus}), the past-tense events it records
 * ({@link org.olistdw.domain.order.OrderPlaced}, {@link org.olistdw.domain.order.OrderApproved},
 * {@link org.olistdw.domain.order.OrderShipped}, {@link org.olistdw.domain.order.OrderDelivered},
 * {@link org.olistdw.domain.order.OrderCancelled}, {@link org.olistdw.domain.order.OrderMarkedUnavailable},
 * {@link org.olistdw.domain.order.PaymentReceived}, {@link org.olistdw.domain.order.ReviewSubmitted}) and its
 * repository port {@link org.olistdw.domain.order.Orders}.
 *
 * <p><b>Rules.</b> The business rules of an order are the constants of
 * {@link org.olistdw.domain.order.OrderRule}, each stated once: rules on one entity's values (price,
 * freight, payment value and type, review score, status code) as a predicate of that entity or value
 * object, which its constructor enforces; rules on the order as one guard method of
 * {@link org.olistdw.domain.order.Order}.
 *
 * <p><b>Two modes of the same guards.</b> Commands ({@code approve}, {@code ship}, {@code deliver}, ...)
 * run the guards in command mode: a broken rule throws {@link org.olistdw.domain.order.OrderRuleBroken}, a
 * refused lifecycle step an {@link java.lang.IllegalStateException}, and the order is left unchanged.
 * {@link org.olistdw.domain.order.Order#reconstitute(org.olistdw.domain.order.OrderRecord)} replays the
 * history an {@link org.olistdw.domain.order.OrderRecord} describes through the same guards in recording
 * mode: a broken rule becomes a {@link org.olistdw.domain.order.RuleViolation} value kept on the order, at
 * most one per rule, and the recorded fact is applied anyway, because it happened. Lines an entity would
 * refuse are left out of the order and reported. Reconstitution never throws for the content of a record,
 * so the pipeline can validate every real order and count what each breaks.
 */
package org.olistdw.domain.order;
