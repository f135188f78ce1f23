package org.olistdw.domain.order;

import static org.olistdw.domain.order.OrderStatus.APPROVED;
import static org.olistdw.domain.order.OrderStatus.CANCELED;
import static org.olistdw.domain.order.OrderStatus.CREATED;
import static org.olistdw.domain.order.OrderStatus.DELIVERED;
import static org.olistdw.domain.order.OrderStatus.INVOICED;
import static org.olistdw.domain.order.OrderStatus.PROCESSING;
import static org.olistdw.domain.order.OrderStatus.SHIPPED;
import static org.olistdw.domain.order.OrderStatus.UNAVAILABLE;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.olistdw.domain.order.OrderRecord.ItemRecord;
import org.olistdw.domain.order.OrderRecord.PaymentRecord;
import org.olistdw.domain.order.OrderRecord.ReviewRecord;
import org.olistdw.domain.shared.AggregateRoot;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.OrderId;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;

/**
 * Aggregate root of a marketplace order: its items, payments and reviews, and its way through the
 * lifecycle of {@link OrderStatus}. It refers to customers, products and sellers by id only.
 *
 * <p><b>Commands.</b> State changes only through intention-revealing commands ({@link #addItem},
 * {@link #addPayment}, {@link #approve}, {@link #invoice}, {@link #startProcessing}, {@link #ship},
 * {@link #deliver}, {@link #cancel}, {@link #markUnavailable}, {@link #submitReview}). Each checks its
 * guards before it changes anything and then records a past-tense {@link DomainEvent}. A command that
 * breaks the lifecycle throws an {@link IllegalStateException} naming the order and both statuses; one that
 * breaks an {@link OrderRule} throws {@link OrderRuleBroken}. Either way the order is left exactly as it was.
 *
 * <p><b>Invariants of an order built by commands.</b> Items are numbered 1..n and are added only before
 * shipping; times never go backwards (approval, hand-over to the carrier and delivery each at or after the
 * steps before them); an order handed to the carrier has at least one item; a delivered order is never
 * canceled. Entities guard their own values (prices, freight, payment values, installments, scores).
 *
 * <p><b>Recorded history.</b> {@link #reconstitute(OrderRecord)} replays a source record through the same
 * guards in a recording mode: a broken rule becomes a {@link RuleViolation} kept on the order (at most one
 * per rule) and the recorded fact is applied anyway, because it happened. Such an order may therefore hold
 * what commands would refuse; {@link #violations()} says what.
 *
 * <p>Equality is by {@link #id()}. An order is not thread-safe.
 */
public final class Order extends AggregateRoot {

    /** The largest difference between payments and items plus freight that still counts as matching. */
    private static final Money PAYMENT_TOLERANCE = Money.brl("1.00");

    /** The placement time of a reconstituted order whose record holds no time at all. */
    private static final LocalDateTime NO_TIME_RECORDED = LocalDateTime.of(1970, 1, 1, 0, 0);

    private static final String RECORDED_CANCELLATION = "recorded as canceled";

    private static final Set<OrderStatus> BEFORE_SHIPPING = EnumSet.of(CREATED, APPROVED, PROCESSING, INVOICED);

    private static final Set<OrderStatus> HANDED_OVER = EnumSet.of(SHIPPED, DELIVERED);

    private static final Comparator<Review> BY_ANSWER_THEN_CREATION = Comparator
            .comparing((Review review) -> review.answeredAt().orElse(null),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Review::createdAt);

    private final OrderId id;
    private final CustomerId customerId;
    private final CustomerUniqueId customerUniqueId;
    private final LocalDateTime purchasedAt;
    private final LocalDateTime estimatedDeliveryAt;
    private final Enforcement throwing = new Throwing();

    private OrderStatus status = CREATED;
    private LocalDateTime approvedAt;
    private LocalDateTime handedToCarrierAt;
    private LocalDateTime deliveredAt;
    private LocalDateTime latestKnownTime;
    private final List<OrderItem> items = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();
    private List<RuleViolation> violations = List.of();

    private Order(OrderId id, CustomerId customerId, CustomerUniqueId customerUniqueId, LocalDateTime purchasedAt,
                  LocalDateTime estimatedDeliveryAt) {
        this.id = id;
        this.customerId = customerId;
        this.customerUniqueId = customerUniqueId;
        this.purchasedAt = purchasedAt;
        this.estimatedDeliveryAt = estimatedDeliveryAt;
        this.latestKnownTime = purchasedAt;
        record(new OrderPlaced(id, Optional.ofNullable(customerId), purchasedAt));
    }

    // ---------------------------------------------------------------- creation

    /**
     * A customer places an order: status {@link OrderStatus#CREATED}, no items, payments or reviews yet, and
     * one {@link OrderPlaced} event. The person behind the customer is left unknown.
     *
     * @param estimatedDeliveryAt the delivery date promised to the customer; null when none was given
     * @throws NullPointerException when the id, customer or purchase time is missing
     */
    public static Order place(OrderId id, CustomerId customer, LocalDateTime purchasedAt,
                              LocalDateTime estimatedDeliveryAt) {
        return place(id, customer, null, purchasedAt, estimatedDeliveryAt);
    }

    /**
     * A customer places an order, as {@link #place(OrderId, CustomerId, LocalDateTime, LocalDateTime)}, with
     * the person behind the per-order customer identity.
     *
     * @param person              the person; null when unknown
     * @param estimatedDeliveryAt the delivery date promised to the customer; null when none was given
     * @throws NullPointerException when the id, customer or purchase time is missing
     */
    public static Order place(OrderId id, CustomerId customer, CustomerUniqueId person, LocalDateTime purchasedAt,
                              LocalDateTime estimatedDeliveryAt) {
        return new Order(Objects.requireNonNull(id, "order id"), Objects.requireNonNull(customer, "customer id"),
                person, Objects.requireNonNull(purchasedAt, "purchase time"), estimatedDeliveryAt);
    }

    /**
     * Rebuilds an order from its recorded history by replaying it through the guards of the commands, in
     * recording mode: a broken rule is kept as a {@link RuleViolation} (see {@link #violations()}) and the
     * recorded fact is applied anyway; a lifecycle step the transitions would refuse is applied too.
     *
     * <p>The replay, in this order:
     * <ol>
     * <li>place the order at the purchase time; when the record has none, at its earliest time of any kind
     *     (approval, carrier, delivery, estimate, shipping limits, reviews), which keeps every comparison with
     *     the purchase true, or at 1970-01-01T00:00 when the record holds no time at all. The status is read:
     *     an unknown or missing one breaks {@link OrderRule#STATUS_ACCEPTED};</li>
     * <li>the items in item-number order, after checking the numbering of every line
     *     ({@link OrderRule#ITEMS_NUMBERED_FROM_ONE}); then the payments in sequential order;</li>
     * <li>approval (when there is an approval time), the recorded invoiced or processing status, hand-over
     *     to the carrier (when there is a carrier date; an approved or processing order is invoiced first,
     *     since the source keeps no invoice time), delivery (when there is a delivery date), cancellation or
     *     unavailability for those statuses, at the order's latest known time;</li>
     * <li>the reviews by creation time;</li>
     * <li>a known recorded status becomes the final status even when the transitions would not lead there;
     *     an unknown one leaves the status the times reached. The rules on the whole order are then checked
     *     on that status: {@link OrderRule#DELIVERED_HAS_DELIVERY_DATE},
     *     {@link OrderRule#SHIPPED_HAS_CARRIER_DATE}, {@link OrderRule#SHIPPED_HAS_ITEMS} and
     *     {@link OrderRule#PAYMENTS_MATCH_ITEMS_AND_FREIGHT}.</li>
     * </ol>
     * A line whose values an entity would refuse is left out of the order and reported with its rule
     * ({@link OrderRule#ITEM_PRICE_POSITIVE} also for a missing price, {@link OrderRule#ITEM_FREIGHT_NOT_NEGATIVE},
     * {@link OrderRule#PAYMENT_VALUE_NOT_NEGATIVE}, {@link OrderRule#PAYMENT_TYPE_ACCEPTED} also for negative
     * installments, {@link OrderRule#REVIEW_SCORE_IN_RANGE}). A line that lacks what its entity is identified
     * or referred by (an item number below 1, a product or seller id, a payment sequential below 1, a review
     * id or creation time) is left out too; of these only the item number has a rule. Blank customer ids
     * count as missing. Events are recorded as the commands record them: a step the source gives no time for
     * takes the order's latest known time at that point.
     *
     * <p>Never throws for any content of a record other than its id.
     *
     * @throws IllegalArgumentException when the record's order id is blank
     */
    public static Order reconstitute(OrderRecord record) {
        Objects.requireNonNull(record, "order record");
        Order order = new Order(new OrderId(record.orderId()),
                present(record.customerId()) ? new CustomerId(record.customerId()) : null,
                present(record.customerUniqueId()) ? new CustomerUniqueId(record.customerUniqueId()) : null,
                placementTime(record), record.estimatedDeliveryAt());
        Recording recording = new Recording();
        Optional<OrderStatus> recorded = order.statusAccepted(record.status(), recording);
        order.replayItems(record.items(), recording);
        order.replayPayments(record.payments(), recording);
        if (record.approvedAt() != null) {
            order.approve(record.approvedAt(), recording);
        }
        if (recorded.orElse(null) == INVOICED) {
            order.invoice(recording);
        } else if (recorded.orElse(null) == PROCESSING) {
            order.startProcessing(recording);
        }
        if (record.handedToCarrierAt() != null) {
            if (order.status == APPROVED || order.status == PROCESSING) {
                order.invoice(recording);
            }
            order.ship(record.handedToCarrierAt(), recording);
        }
        if (record.deliveredAt() != null) {
            order.deliver(record.deliveredAt(), recording);
        }
        if (recorded.orElse(null) == CANCELED) {
            order.cancel(order.latestKnownTime, RECORDED_CANCELLATION, recording);
        } else if (recorded.orElse(null) == UNAVAILABLE) {
            order.markUnavailable(order.latestKnownTime, recording);
        }
        order.replayReviews(record.reviews(), recording);
        recorded.ifPresent(status -> order.status = status);
        order.deliveredHasDeliveryDate(order.status, recording);
        order.shippedHasCarrierDate(order.status, recording);
        order.shippedHasItems(order.status, recording);
        order.paymentsMatchItemsAndFreight(recording);
        order.violations = recording.violations(order.id);
        return order;
    }

    private static LocalDateTime placementTime(OrderRecord record) {
        if (record.purchasedAt() != null) {
            return record.purchasedAt();
        }
        Stream<LocalDateTime> orderTimes = Stream.of(record.approvedAt(), record.handedToCarrierAt(),
                record.deliveredAt(), record.estimatedDeliveryAt());
        Stream<LocalDateTime> itemTimes = record.items().stream().map(ItemRecord::shippingLimitAt);
        Stream<LocalDateTime> reviewTimes = record.reviews().stream()
                .flatMap(review -> Stream.of(review.createdAt(), review.answeredAt()));
        return Stream.of(orderTimes, itemTimes, reviewTimes).flatMap(times -> times)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(NO_TIME_RECORDED);
    }

    private void replayItems(List<ItemRecord> lines, Enforcement enforcement) {
        List<ItemRecord> byNumber = lines.stream().sorted(Comparator.comparingInt(ItemRecord::itemNumber)).toList();
        itemsNumberedFromOne(byNumber.stream().map(ItemRecord::itemNumber).toList(), enforcement);
        for (ItemRecord line : byNumber) {
            Optional<Money> price = itemPricePositive(line, enforcement);
            Optional<Money> freight = itemFreightNotNegative(line, enforcement);
            if (price.isPresent() && freight.isPresent() && OrderItem.acceptsNumber(line.itemNumber())
                    && present(line.productId()) && present(line.sellerId())) {
                applyItem(new OrderItem(line.itemNumber(), new ProductId(line.productId()),
                        new SellerId(line.sellerId()), line.shippingLimitAt(), price.get(), freight.get()));
            }
        }
    }

    private void replayPayments(List<PaymentRecord> lines, Enforcement enforcement) {
        List<PaymentRecord> bySequential = lines.stream()
                .sorted(Comparator.comparingInt(PaymentRecord::sequential)).toList();
        for (PaymentRecord line : bySequential) {
            Optional<Money> value = paymentValueNotNegative(line, enforcement);
            Optional<PaymentType> type = paymentTypeAccepted(line, enforcement);
            if (value.isPresent() && type.isPresent() && Payment.acceptsSequential(line.sequential())) {
                addPayment(new Payment(line.sequential(), type.get(), line.installments(), value.get()), enforcement);
            }
        }
    }

    private void replayReviews(List<ReviewRecord> lines, Enforcement enforcement) {
        List<ReviewRecord> byCreation = lines.stream().sorted(Comparator.comparing(ReviewRecord::createdAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        for (ReviewRecord line : byCreation) {
            Optional<ReviewScore> score = reviewScoreInRange(line, enforcement);
            if (score.isPresent() && present(line.reviewId()) && line.createdAt() != null) {
                submitReview(new Review(line.reviewId(), score.get(), line.createdAt(), line.answeredAt()),
                        enforcement);
            }
        }
    }

    // ---------------------------------------------------------------- commands

    /**
     * Adds the next item line. Only before the order is handed to the carrier (created, approved, processing
     * or invoiced), and only the next number: the first item is 1, the next one more than the last.
     *
     * @throws IllegalStateException when the order is shipped, delivered, canceled or unavailable
     * @throws OrderRuleBroken       {@link OrderRule#ITEMS_NUMBERED_FROM_ONE} when it is not the next number
     */
    public void addItem(OrderItem item) {
        Objects.requireNonNull(item, "item");
        if (!BEFORE_SHIPPING.contains(status)) {
            throwing.lifecycleBroken("order " + id + " is " + status.code()
                    + ": items can only be added before shipping");
        }
        List<Integer> numbers = new ArrayList<>(items.stream().map(OrderItem::itemNumber).toList());
        numbers.add(item.itemNumber());
        itemsNumberedFromOne(numbers, throwing);
        applyItem(item);
    }

    /**
     * Records a payment towards the order, in any status, and a {@link PaymentReceived} event at the order's
     * latest known time (the source keeps no payment time). Payments are kept in sequential order.
     *
     * @throws IllegalStateException when the order already has a payment with that sequential number
     */
    public void addPayment(Payment payment) {
        addPayment(Objects.requireNonNull(payment, "payment"), throwing);
    }

    /**
     * The payment is approved: created → approved, with an {@link OrderApproved} event.
     *
     * @throws IllegalStateException naming both statuses when the order is not created
     * @throws OrderRuleBroken       {@link OrderRule#APPROVED_NOT_BEFORE_PURCHASE} when {@code at} is before the purchase
     */
    public void approve(LocalDateTime at) {
        approve(Objects.requireNonNull(at, "approval time"), throwing);
    }

    /**
     * The invoice is issued: approved or processing → invoiced. No event: the source keeps no invoice time.
     *
     * @throws IllegalStateException naming both statuses when the order is neither approved nor processing
     */
    public void invoice() {
        invoice(throwing);
    }

    /**
     * The seller starts preparing the order: approved → processing. No event: the source keeps no time.
     *
     * @throws IllegalStateException naming both statuses when the order is not approved
     */
    public void startProcessing() {
        startProcessing(throwing);
    }

    /**
     * The order is handed to the carrier: invoiced → shipped, with an {@link OrderShipped} event.
     *
     * @throws IllegalStateException naming both statuses when the order is not invoiced
     * @throws OrderRuleBroken       {@link OrderRule#CARRIER_NOT_BEFORE_PURCHASE} or
     *                               {@link OrderRule#CARRIER_NOT_BEFORE_APPROVAL} when {@code at} is before
     *                               either, {@link OrderRule#SHIPPED_HAS_ITEMS} when the order has no item
     */
    public void ship(LocalDateTime at) {
        ship(Objects.requireNonNull(at, "hand-over time"), throwing);
    }

    /**
     * The order reaches the customer: shipped → delivered, with an {@link OrderDelivered} event.
     *
     * @throws IllegalStateException naming both statuses when the order is not shipped
     * @throws OrderRuleBroken       {@link OrderRule#DELIVERED_NOT_BEFORE_CARRIER} when {@code at} is before the hand-over
     */
    public void deliver(LocalDateTime at) {
        deliver(Objects.requireNonNull(at, "delivery time"), throwing);
    }

    /**
     * The order is canceled: from any status but delivered and the terminal ones, with an
     * {@link OrderCancelled} event.
     *
     * @param reason why, not blank
     * @throws OrderRuleBroken          {@link OrderRule#CANCELED_NOT_DELIVERED} when the order was delivered
     * @throws IllegalStateException    naming both statuses when the order is canceled or unavailable
     * @throws IllegalArgumentException when the reason is blank
     */
    public void cancel(LocalDateTime at, String reason) {
        Objects.requireNonNull(at, "cancellation time");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("cancellation reason must not be blank, was '" + reason + "'");
        }
        cancel(at, reason, throwing);
    }

    /**
     * The products turn out to be unavailable: created, approved, processing or invoiced → unavailable,
     * with an {@link OrderMarkedUnavailable} event.
     *
     * @throws OrderRuleBroken       {@link OrderRule#CANCELED_NOT_DELIVERED} when the order was delivered
     * @throws IllegalStateException naming both statuses when the order is shipped or terminal
     */
    public void markUnavailable(LocalDateTime at) {
        markUnavailable(Objects.requireNonNull(at, "time"), throwing);
    }

    /**
     * Records the customer's review, in any status, with a {@link ReviewSubmitted} event at its creation
     * time. Reviews are kept in creation order.
     *
     * @throws IllegalStateException when the order already has a review with that id
     */
    public void submitReview(Review review) {
        submitReview(Objects.requireNonNull(review, "review"), throwing);
    }

    private void addPayment(Payment payment, Enforcement enforcement) {
        if (payments.contains(payment)) {
            enforcement.lifecycleBroken("order " + id + " already has payment " + payment.sequential());
        }
        int position = 0;
        while (position < payments.size() && payments.get(position).sequential() <= payment.sequential()) {
            position++;
        }
        payments.add(position, payment);
        record(new PaymentReceived(id, payment.sequential(), payment.type(), payment.value(), latestKnownTime));
    }

    private void approve(LocalDateTime at, Enforcement enforcement) {
        requireTransition(APPROVED, enforcement);
        approvedNotBeforePurchase(at, enforcement);
        status = APPROVED;
        approvedAt = at;
        noteTime(at);
        record(new OrderApproved(id, at));
    }

    private void invoice(Enforcement enforcement) {
        requireTransition(INVOICED, enforcement);
        status = INVOICED;
    }

    private void startProcessing(Enforcement enforcement) {
        requireTransition(PROCESSING, enforcement);
        status = PROCESSING;
    }

    private void ship(LocalDateTime at, Enforcement enforcement) {
        requireTransition(SHIPPED, enforcement);
        carrierNotBeforePurchase(at, enforcement);
        carrierNotBeforeApproval(at, enforcement);
        shippedHasItems(SHIPPED, enforcement);
        status = SHIPPED;
        handedToCarrierAt = at;
        noteTime(at);
        record(new OrderShipped(id, at));
    }

    private void deliver(LocalDateTime at, Enforcement enforcement) {
        requireTransition(DELIVERED, enforcement);
        deliveredNotBeforeCarrier(at, enforcement);
        status = DELIVERED;
        deliveredAt = at;
        noteTime(at);
        record(new OrderDelivered(id, at));
    }

    private void cancel(LocalDateTime at, String reason, Enforcement enforcement) {
        canceledNotDelivered(CANCELED, enforcement);
        requireTransition(CANCELED, enforcement);
        status = CANCELED;
        noteTime(at);
        record(new OrderCancelled(id, at, reason));
    }

    private void markUnavailable(LocalDateTime at, Enforcement enforcement) {
        canceledNotDelivered(UNAVAILABLE, enforcement);
        requireTransition(UNAVAILABLE, enforcement);
        status = UNAVAILABLE;
        noteTime(at);
        record(new OrderMarkedUnavailable(id, at));
    }

    private void submitReview(Review review, Enforcement enforcement) {
        if (reviews.contains(review)) {
            enforcement.lifecycleBroken("order " + id + " already has review " + review.reviewId());
        }
        int position = 0;
        while (position < reviews.size() && !reviews.get(position).createdAt().isAfter(review.createdAt())) {
            position++;
        }
        reviews.add(position, review);
        record(new ReviewSubmitted(id, review.reviewId(), review.score(), review.createdAt()));
    }

    private void applyItem(OrderItem item) {
        items.add(item);
    }

    private void noteTime(LocalDateTime at) {
        if (at.isAfter(latestKnownTime)) {
            latestKnownTime = at;
        }
    }

    private void requireTransition(OrderStatus next, Enforcement enforcement) {
        if (!status.canTransitionTo(next)) {
            enforcement.lifecycleBroken("order " + id + " cannot go from " + status.code() + " to " + next.code());
        }
    }

    // ---------------------------------------------------------------- rules: one method each

    private Optional<Money> itemPricePositive(ItemRecord line, Enforcement enforcement) {
        return acceptedAmount(line.price(), OrderItem::acceptsPrice, "is not above zero",
                OrderRule.ITEM_PRICE_POSITIVE, "item", Integer.toString(line.itemNumber()), "price", enforcement);
    }

    private Optional<Money> itemFreightNotNegative(ItemRecord line, Enforcement enforcement) {
        return acceptedAmount(line.freight(), OrderItem::acceptsFreight, "is below zero",
                OrderRule.ITEM_FREIGHT_NOT_NEGATIVE, "item", Integer.toString(line.itemNumber()), "freight",
                enforcement);
    }

    private void itemsNumberedFromOne(List<Integer> numbers, Enforcement enforcement) {
        List<Integer> sorted = numbers.stream().sorted().toList();
        List<Integer> expected = IntStream.rangeClosed(1, sorted.size()).boxed().toList();
        if (!sorted.equals(expected)) {
            enforcement.ruleBroken(OrderRule.ITEMS_NUMBERED_FROM_ONE,
                    new Stated("item numbers " + joined(sorted) + " instead of " + joined(expected)));
        }
    }

    private Optional<Money> paymentValueNotNegative(PaymentRecord line, Enforcement enforcement) {
        return acceptedAmount(line.value(), Payment::acceptsValue, "is below zero",
                OrderRule.PAYMENT_VALUE_NOT_NEGATIVE, "payment", Integer.toString(line.sequential()), "value",
                enforcement);
    }

    private Optional<PaymentType> paymentTypeAccepted(PaymentRecord line, Enforcement enforcement) {
        String key = Integer.toString(line.sequential());
        Optional<PaymentType> type = PaymentType.find(line.type());
        if (type.isEmpty()) {
            enforcement.ruleBroken(OrderRule.PAYMENT_TYPE_ACCEPTED, line.type() == null
                    ? new Listed("payment", key, "type", null, "is missing")
                    : new Listed("payment", key, "type", quoted(line.type()),
                            "is not one of " + PaymentType.acceptedCodes()));
        }
        if (!Payment.acceptsInstallments(line.installments())) {
            enforcement.ruleBroken(OrderRule.PAYMENT_TYPE_ACCEPTED, new Listed("payment", key, "installments",
                    Integer.toString(line.installments()), "is below zero"));
            return Optional.empty();
        }
        return type;
    }

    private Optional<ReviewScore> reviewScoreInRange(ReviewRecord line, Enforcement enforcement) {
        if (!ReviewScore.accepts(line.score())) {
            String key = present(line.reviewId()) ? oneLine(line.reviewId()) : "without id";
            enforcement.ruleBroken(OrderRule.REVIEW_SCORE_IN_RANGE, new Listed("review", key, "score",
                    Integer.toString(line.score()), "is not " + ReviewScore.MIN + ".." + ReviewScore.MAX));
            return Optional.empty();
        }
        return Optional.of(new ReviewScore(line.score()));
    }

    private Optional<OrderStatus> statusAccepted(String code, Enforcement enforcement) {
        Optional<OrderStatus> status = OrderStatus.find(code);
        if (status.isEmpty()) {
            enforcement.ruleBroken(OrderRule.STATUS_ACCEPTED, new Stated(code == null ? "status is missing"
                    : "status " + quoted(code) + " is not one of " + OrderStatus.acceptedCodes()));
        }
        return status;
    }

    private void approvedNotBeforePurchase(LocalDateTime at, Enforcement enforcement) {
        if (at.isBefore(purchasedAt)) {
            enforcement.ruleBroken(OrderRule.APPROVED_NOT_BEFORE_PURCHASE,
                    new Stated("approved " + iso(at) + " before purchase " + iso(purchasedAt)));
        }
    }

    private void carrierNotBeforePurchase(LocalDateTime at, Enforcement enforcement) {
        if (at.isBefore(purchasedAt)) {
            enforcement.ruleBroken(OrderRule.CARRIER_NOT_BEFORE_PURCHASE,
                    new Stated("handed to the carrier " + iso(at) + " before purchase " + iso(purchasedAt)));
        }
    }

    private void carrierNotBeforeApproval(LocalDateTime at, Enforcement enforcement) {
        if (approvedAt != null && at.isBefore(approvedAt)) {
            enforcement.ruleBroken(OrderRule.CARRIER_NOT_BEFORE_APPROVAL,
                    new Stated("handed to the carrier " + iso(at) + " before approval " + iso(approvedAt)));
        }
    }

    private void deliveredNotBeforeCarrier(LocalDateTime at, Enforcement enforcement) {
        if (handedToCarrierAt != null && at.isBefore(handedToCarrierAt)) {
            enforcement.ruleBroken(OrderRule.DELIVERED_NOT_BEFORE_CARRIER, new Stated("delivered " + iso(at)
                    + " before hand-over to the carrier " + iso(handedToCarrierAt)));
        }
    }

    private void deliveredHasDeliveryDate(OrderStatus reached, Enforcement enforcement) {
        if (reached == DELIVERED && deliveredAt == null) {
            enforcement.ruleBroken(OrderRule.DELIVERED_HAS_DELIVERY_DATE,
                    new Stated("status delivered with no delivery date"));
        }
    }

    private void shippedHasCarrierDate(OrderStatus reached, Enforcement enforcement) {
        if (HANDED_OVER.contains(reached) && handedToCarrierAt == null) {
            enforcement.ruleBroken(OrderRule.SHIPPED_HAS_CARRIER_DATE,
                    new Stated("status " + reached.code() + " with no carrier date"));
        }
    }

    private void canceledNotDelivered(OrderStatus reached, Enforcement enforcement) {
        if ((reached == CANCELED || reached == UNAVAILABLE) && deliveredAt != null) {
            enforcement.ruleBroken(OrderRule.CANCELED_NOT_DELIVERED,
                    new Stated("status " + reached.code() + ", yet delivered " + iso(deliveredAt)));
        }
    }

    private void shippedHasItems(OrderStatus reached, Enforcement enforcement) {
        if (HANDED_OVER.contains(reached) && items.isEmpty()) {
            enforcement.ruleBroken(OrderRule.SHIPPED_HAS_ITEMS,
                    new Stated("status " + reached.code() + " with no valid item"));
        }
    }

    private void paymentsMatchItemsAndFreight(Enforcement enforcement) {
        if (items.isEmpty()) {
            return;
        }
        Money due = itemsTotal();
        if (payments.isEmpty()) {
            enforcement.ruleBroken(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT,
                    new Stated("no payment for items and freight " + due.amount().toPlainString()));
        } else if (paymentsTotal().distanceTo(due).compareTo(PAYMENT_TOLERANCE) > 0) {
            enforcement.ruleBroken(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT, new Stated("payments "
                    + paymentsTotal().amount().toPlainString() + " differ from items and freight "
                    + due.amount().toPlainString() + " by " + paymentsTotal().distanceTo(due).amount().toPlainString()));
        }
    }

    /** The money in {@code value} when it is an amount of reais that {@code accepts} allows; otherwise reports why. */
    private static Optional<Money> acceptedAmount(BigDecimal value, Predicate<Money> accepts, String rejection,
                                                  OrderRule rule, String noun, String key, String property,
                                                  Enforcement enforcement) {
        if (value == null) {
            enforcement.ruleBroken(rule, new Listed(noun, key, property, null, "is missing"));
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > 2) {
            enforcement.ruleBroken(rule, new Listed(noun, key, property, value.toPlainString(),
                    "is not a whole number of centavos"));
            return Optional.empty();
        }
        Money amount = Money.brl(value);
        if (!accepts.test(amount)) {
            enforcement.ruleBroken(rule, new Listed(noun, key, property, amount.amount().toPlainString(), rejection));
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    // ---------------------------------------------------------------- queries

    /** The order's identity. */
    public OrderId id() {
        return id;
    }

    /** The per-order customer identity; empty only for a reconstituted order whose record lacks it. */
    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customerId);
    }

    /** The person behind the customer identity, when known. */
    public Optional<CustomerUniqueId> customerUniqueId() {
        return Optional.ofNullable(customerUniqueId);
    }

    /** Where the order stands in its lifecycle. */
    public OrderStatus status() {
        return status;
    }

    /**
     * When the order was placed. For a reconstituted order whose record lacks it, the record's earliest time
     * (see {@link #reconstitute(OrderRecord)}).
     */
    public LocalDateTime purchasedAt() {
        return purchasedAt;
    }

    /** When the payment was approved, if it was. */
    public Optional<LocalDateTime> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    /** When the order was handed to the carrier, if it was. */
    public Optional<LocalDateTime> handedToCarrierAt() {
        return Optional.ofNullable(handedToCarrierAt);
    }

    /** When the order reached the customer, if it did. */
    public Optional<LocalDateTime> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    /** The delivery date promised to the customer, if one was. */
    public Optional<LocalDateTime> estimatedDeliveryAt() {
        return Optional.ofNullable(estimatedDeliveryAt);
    }

    /** The item lines in item-number order; unmodifiable. */
    public List<OrderItem> items() {
        return List.copyOf(items);
    }

    /** The payments in sequential order; unmodifiable. */
    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    /** The reviews in creation order; unmodifiable. */
    public List<Review> reviews() {
        return List.copyOf(reviews);
    }

    /** The sum of the items' prices, BRL; zero without items. */
    public Money itemsPrice() {
        return sum(items.stream().map(OrderItem::price));
    }

    /** The sum of the items' freight, BRL; zero without items. */
    public Money freight() {
        return sum(items.stream().map(OrderItem::freight));
    }

    /** Items' prices plus freight: what the customer owes for the order, BRL. */
    public Money itemsTotal() {
        return itemsPrice().plus(freight());
    }

    /** The sum of the payments, BRL; zero without payments. */
    public Money paymentsTotal() {
        return sum(payments.stream().map(Payment::value));
    }

    /** Payments minus items plus freight: positive when the customer paid more (e.g. installment interest). */
    public Money paymentDifference() {
        return paymentsTotal().minus(itemsTotal());
    }

    /**
     * The latest review: the one answered last; reviews never answered count as earlier than answered ones,
     * and among equal answer times the one created last wins (then the one submitted last). Empty without reviews.
     */
    public Optional<Review> latestReview() {
        Review latest = null;
        for (Review review : reviews) {
            if (latest == null || BY_ANSWER_THEN_CREATION.compare(review, latest) >= 0) {
                latest = review;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Whether the order counts as revenue, by {@link RevenueRule}: it is neither canceled nor unavailable and
     * has at least one item.
     */
    public boolean countsAsRevenue() {
        return RevenueRule.countsAsRevenue(status, items.size());
    }

    /**
     * The rules the order's recorded history breaks, at most one per rule, in {@link OrderRule} declaration
     * order; always empty for an order built by commands. Unmodifiable.
     */
    public List<RuleViolation> violations() {
        return violations;
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** For example {@code order e481f51c (delivered)}. */
    @Override
    public String toString() {
        return "order " + id + " (" + status.code() + ")";
    }

    // ---------------------------------------------------------------- helpers

    private static Money sum(Stream<Money> amounts) {
        return amounts.reduce(Money.ZERO_BRL, Money::plus);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String iso(LocalDateTime time) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
    }

    private static String joined(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String quoted(String text) {
        return "'" + oneLine(text) + "'";
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    // ---------------------------------------------------------------- the two modes

    /**
     * What a guard does when its rule or the lifecycle is broken: the commands throw, the replay records.
     * A guard calls it before the step changes anything; in recording mode the step then goes on.
     */
    private interface Enforcement {

        void ruleBroken(OrderRule rule, Finding finding);

        void lifecycleBroken(String message);
    }

    /** Command mode: every broken rule or step is an exception, so the order stays as it was. */
    private final class Throwing implements Enforcement {

        @Override
        public void ruleBroken(OrderRule rule, Finding finding) {
            throw new OrderRuleBroken(new RuleViolation(rule, id, describe(List.of(finding))));
        }

        @Override
        public void lifecycleBroken(String message) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * Recording mode: findings are collected per rule and become one violation per rule. Findings about
     * entities (items, payments, reviews) are listed together in one detail; a rule about the whole order
     * keeps the first step that broke it. Lifecycle steps the transitions refuse are let through: the
     * history happened, and the rules on the whole order report what it lacks.
     */
    private static final class Recording implements Enforcement {

        private final Map<OrderRule, List<Finding>> findings = new EnumMap<>(OrderRule.class);

        @Override
        public void ruleBroken(OrderRule rule, Finding finding) {
            List<Finding> ofRule = findings.computeIfAbsent(rule, broken -> new ArrayList<>());
            if (finding instanceof Stated && !ofRule.isEmpty()) {
                return;
            }
            ofRule.add(finding);
        }

        @Override
        public void lifecycleBroken(String message) {
            // applied as recorded
        }

        List<RuleViolation> violations(OrderId orderId) {
            return findings.entrySet().stream()
                    .map(entry -> new RuleViolation(entry.getKey(), orderId, describe(entry.getValue())))
                    .toList();
        }
    }

    /** What a guard found wrong. */
    private sealed interface Finding permits Stated, Listed {
    }

    /** A finding about the whole order, in words. */
    private record Stated(String text) implements Finding {
    }

    /**
     * A finding about one entity's value, e.g. item 2's price 0.00 "is not above zero"; findings with the
     * same noun, property and verdict are listed together. A null value is left out of the text.
     */
    private record Listed(String noun, String key, String property, String value, String verdict)
            implements Finding {
    }

    /** One line: listed findings grouped as {@code items 2, 3: price 0.00, -1.50 is not above zero}, groups joined by "; ". */
    private static String describe(List<Finding> findings) {
        Map<Object, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Object groupKey = finding instanceof Listed listed
                    ? List.of(listed.noun(), listed.property(), listed.verdict())
                    : finding;
            groups.computeIfAbsent(groupKey, key -> new ArrayList<>()).add(finding);
        }
        return groups.values().stream().map(Order::describeGroup).collect(Collectors.joining("; "));
    }

    private static String describeGroup(List<Finding> group) {
        if (group.get(0) instanceof Stated stated) {
            return stated.text();
        }
        List<Listed> listed = group.stream().map(Listed.class::cast).toList();
        Listed first = listed.get(0);
        String keys = listed.stream().map(Listed::key).collect(Collectors.joining(", "));
        String values = listed.stream().map(Listed::value).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return first.noun() + (listed.size() > 1 ? "s " : " ") + keys + ": " + first.property()
                + (values.isEmpty() ? "" : " " + values) + " " + first.verdict();
    }
}
