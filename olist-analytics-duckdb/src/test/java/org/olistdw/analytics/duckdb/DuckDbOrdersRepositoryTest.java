package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.order.CustomerId;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderApproved;
import org.olistdw.domain.order.OrderCancelled;
import org.olistdw.domain.order.OrderDelivered;
import org.olistdw.domain.order.OrderItem;
import org.olistdw.domain.order.OrderMarkedUnavailable;
import org.olistdw.domain.order.OrderPlaced;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.order.OrderShipped;
import org.olistdw.domain.order.OrderStatus;
import org.olistdw.domain.order.Orders;
import org.olistdw.domain.order.Payment;
import org.olistdw.domain.order.PaymentReceived;
import org.olistdw.domain.order.PaymentType;
import org.olistdw.domain.order.Review;
import org.olistdw.domain.order.ReviewScore;
import org.olistdw.domain.order.ReviewSubmitted;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.OrderId;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;

/**
 * {@link DuckDbOrders} over the warehouse built from the hand-made star fixture
 * ({@code src/test/resources/fixtures/star}, described row by row in its FIXTURE.md). Every expected order is
 * written from the fixture's CSV rows and the replay rules of {@code Order.reconstitute}, never copied from
 * a query: order {@code oNN} belongs to customer id {@code cNN}; c01, c10 and c19 are person p01, cNN is
 * p(NN-1) from c11 on. A reconstituted order's payments are received at its purchase time (the source has
 * no payment time), a cancellation happens at the latest time the order knew.
 */
class DuckDbOrdersRepositoryTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;
    private static Orders orders;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
        orders = DuckDbRepositories.over(build.connection()).orders();
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    @Test
    void the_multi_seller_order_comes_back_with_its_items_payments_review_and_history() {
        Order order = orders.findById(id("o11")).orElseThrow();

        assertThat(order.id()).isEqualTo(id("o11"));
        assertThat(order.customerId()).contains(new CustomerId("c11"));
        assertThat(order.customerUniqueId()).contains(new CustomerUniqueId("p10"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.purchasedAt()).isEqualTo(at("2017-11-24T20:00"));
        assertThat(order.approvedAt()).contains(at("2017-11-24T20:30"));
        assertThat(order.handedToCarrierAt()).contains(at("2017-11-28T09:00"));
        assertThat(order.deliveredAt()).contains(at("2017-12-06T13:00"));
        assertThat(order.estimatedDeliveryAt()).contains(at("2017-12-18T00:00"));
        // o11,1,pr02,s01,2017-11-30 20:00:00,89.90,10.10 and o11,2,pr07,s03,2017-11-30 20:00:00,250.00,20.00
        assertThat(order.items()).extracting(OrderItem::itemNumber, OrderItem::productId, OrderItem::sellerId,
                        OrderItem::shippingLimitAt, OrderItem::price, OrderItem::freight)
                .containsExactly(
                        tuple(1, new ProductId("pr02"), new SellerId("s01"), Optional.of(at("2017-11-30T20:00")),
                                brl("89.90"), brl("10.10")),
                        tuple(2, new ProductId("pr07"), new SellerId("s03"), Optional.of(at("2017-11-30T20:00")),
                                brl("250.00"), brl("20.00")));
        // o11,1,credit_card,3,300.00 and o11,2,voucher,1,70.00
        assertThat(order.payments()).extracting(Payment::sequential, Payment::type, Payment::installments,
                        Payment::value)
                .containsExactly(tuple(1, PaymentType.CREDIT_CARD, 3, brl("300.00")),
                        tuple(2, PaymentType.VOUCHER, 1, brl("70.00")));
        // r11,o11,5,,,2017-12-07 00:00:00,2017-12-08 10:00:00
        assertThat(order.reviews()).extracting(Review::reviewId, Review::score, Review::createdAt,
                        Review::answeredAt)
                .containsExactly(tuple("r11", new ReviewScore(5), at("2017-12-07T00:00"),
                        Optional.of(at("2017-12-08T10:00"))));
        // 89.90 + 250.00 = 339.90 of goods, 10.10 + 20.00 = 30.10 of freight, paid 300.00 + 70.00 = 370.00
        assertThat(order.itemsPrice()).isEqualTo(brl("339.90"));
        assertThat(order.freight()).isEqualTo(brl("30.10"));
        assertThat(order.paymentsTotal()).isEqualTo(brl("370.00"));
        assertThat(order.paymentDifference()).isEqualTo(brl("0.00"));
        assertThat(order.countsAsRevenue()).isTrue();
        assertThat(order.violations()).isEmpty();
        assertThat(order.events()).containsExactly(
                new OrderPlaced(id("o11"), Optional.of(new CustomerId("c11")), at("2017-11-24T20:00")),
                new PaymentReceived(id("o11"), 1, PaymentType.CREDIT_CARD, brl("300.00"), at("2017-11-24T20:00")),
                new PaymentReceived(id("o11"), 2, PaymentType.VOUCHER, brl("70.00"), at("2017-11-24T20:00")),
                new OrderApproved(id("o11"), at("2017-11-24T20:30")),
                new OrderShipped(id("o11"), at("2017-11-28T09:00")),
                new OrderDelivered(id("o11"), at("2017-12-06T13:00")),
                new ReviewSubmitted(id("o11"), "r11", new ReviewScore(5), at("2017-12-07T00:00")));
    }

    @Test
    void an_unavailable_order_without_items_keeps_its_payment_and_review_and_breaks_no_rule() {
        // o12,c12,unavailable,2017-11-26 12:00:00,2017-11-26 12:30:00,,,2017-12-19 00:00:00; no item line;
        // o12,1,credit_card,1,64.90; r12,o12,1,,Produto indisponível,2017-12-20 00:00:00,2017-12-21 10:00:00.
        // Paid 64.90 for nothing, yet the payments rule only weighs orders with items.
        Order order = orders.findById(id("o12")).orElseThrow();

        assertThat(order.status()).isEqualTo(OrderStatus.UNAVAILABLE);
        assertThat(order.customerUniqueId()).contains(new CustomerUniqueId("p11"));
        assertThat(order.items()).isEmpty();
        assertThat(order.payments()).extracting(Payment::sequential, Payment::type, Payment::installments,
                Payment::value).containsExactly(tuple(1, PaymentType.CREDIT_CARD, 1, brl("64.90")));
        assertThat(order.reviews()).extracting(Review::reviewId, Review::score)
                .containsExactly(tuple("r12", new ReviewScore(1)));
        assertThat(order.handedToCarrierAt()).isEmpty();
        assertThat(order.deliveredAt()).isEmpty();
        assertThat(order.countsAsRevenue()).isFalse();
        assertThat(order.violations()).isEmpty();
        // marked unavailable at the latest time it knew: its approval
        assertThat(order.events()).containsExactly(
                new OrderPlaced(id("o12"), Optional.of(new CustomerId("c12")), at("2017-11-26T12:00")),
                new PaymentReceived(id("o12"), 1, PaymentType.CREDIT_CARD, brl("64.90"), at("2017-11-26T12:00")),
                new OrderApproved(id("o12"), at("2017-11-26T12:30")),
                new OrderMarkedUnavailable(id("o12"), at("2017-11-26T12:30")),
                new ReviewSubmitted(id("o12"), "r12", new ReviewScore(1), at("2017-12-20T00:00")));
    }

    @Test
    void a_canceled_order_never_approved_is_canceled_at_its_purchase() {
        // o17,c17,canceled,2018-01-30 18:00:00,,,,2018-02-20 00:00:00; no item; o17,1,not_defined,1,0.00; no review
        Order order = orders.findById(id("o17")).orElseThrow();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.approvedAt()).isEmpty();
        assertThat(order.estimatedDeliveryAt()).contains(at("2018-02-20T00:00"));
        assertThat(order.items()).isEmpty();
        assertThat(order.reviews()).isEmpty();
        assertThat(order.violations()).isEmpty();
        assertThat(order.events()).containsExactly(
                new OrderPlaced(id("o17"), Optional.of(new CustomerId("c17")), at("2018-01-30T18:00")),
                new PaymentReceived(id("o17"), 1, PaymentType.NOT_DEFINED, brl("0.00"), at("2018-01-30T18:00")),
                new OrderCancelled(id("o17"), at("2018-01-30T18:00"), "recorded as canceled"));
    }

    @Test
    void a_canceled_order_with_an_item_keeps_it_but_does_not_count_as_revenue() {
        // o04,c04,canceled,2017-09-25 13:00:00,2017-09-25 13:10:00,,,2017-10-16 00:00:00;
        // o04,1,pr04,s05,2017-10-01 13:00:00,199.00,21.00; o04,1,boleto,1,220.00; r04 score 1
        Order order = orders.findById(id("o04")).orElseThrow();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.items()).extracting(OrderItem::productId, OrderItem::total)
                .containsExactly(tuple(new ProductId("pr04"), brl("220.00")));
        assertThat(order.countsAsRevenue()).isFalse();
        assertThat(order.violations()).isEmpty();
        assertThat(order.events()).containsExactly(
                new OrderPlaced(id("o04"), Optional.of(new CustomerId("c04")), at("2017-09-25T13:00")),
                new PaymentReceived(id("o04"), 1, PaymentType.BOLETO, brl("220.00"), at("2017-09-25T13:00")),
                new OrderApproved(id("o04"), at("2017-09-25T13:10")),
                new OrderCancelled(id("o04"), at("2017-09-25T13:10"), "recorded as canceled"),
                new ReviewSubmitted(id("o04"), "r04", new ReviewScore(1), at("2017-10-17T00:00")));
    }

    @Test
    void a_review_covering_two_orders_is_on_both() {
        // r02,o02,4,...,2017-09-23 00:00:00,2017-09-24 08:00:00 and the same line for o03
        for (String order : List.of("o02", "o03")) {
            assertThat(orders.findById(id(order)).orElseThrow().reviews())
                    .extracting(Review::reviewId, Review::score, Review::createdAt, Review::answeredAt)
                    .containsExactly(tuple("r02", new ReviewScore(4), at("2017-09-23T00:00"),
                            Optional.of(at("2017-09-24T08:00"))));
        }
        // o03 is one seller's two items: pr05 79.90 + 12.10 and pr06 15.00 + 5.00, paid 112.00 in 3 installments
        Order o03 = orders.findById(id("o03")).orElseThrow();
        assertThat(o03.items()).extracting(OrderItem::itemNumber, OrderItem::productId, OrderItem::sellerId)
                .containsExactly(tuple(1, new ProductId("pr05"), new SellerId("s02")),
                        tuple(2, new ProductId("pr06"), new SellerId("s02")));
        assertThat(o03.itemsTotal()).isEqualTo(brl("112.00"));
    }

    @Test
    void an_order_reviewed_twice_has_both_reviews_by_creation_and_its_interest_within_tolerance() {
        // o13: r13 score 1 created 2017-12-21, answered 2017-12-22 09:00; r31 score 2 created 2017-12-29,
        // answered 2017-12-30 10:00. Paid 424.13 for 399.00 + 25.10 = 424.10: 0.03 over, within BRL 1.00.
        // Delivered 2017-12-28 15:00, promised 2017-12-20: late, which breaks no order rule.
        Order order = orders.findById(id("o13")).orElseThrow();

        assertThat(order.reviews()).extracting(Review::reviewId, Review::score, Review::createdAt,
                        Review::answeredAt)
                .containsExactly(
                        tuple("r13", new ReviewScore(1), at("2017-12-21T00:00"), Optional.of(at("2017-12-22T09:00"))),
                        tuple("r31", new ReviewScore(2), at("2017-12-29T00:00"), Optional.of(at("2017-12-30T10:00"))));
        assertThat(order.latestReview().map(Review::reviewId)).contains("r31");
        assertThat(order.paymentDifference()).isEqualTo(brl("0.03"));
        assertThat(order.deliveredAt()).contains(at("2017-12-28T15:00"));
        assertThat(order.estimatedDeliveryAt()).contains(at("2017-12-20T00:00"));
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void a_repeated_review_line_is_one_review() {
        // r05,o05 twice (answered 2017-10-13 10:00 and 2017-10-14 09:30): fact_reviews keeps the one answered last
        assertThat(orders.findById(id("o05")).orElseThrow().reviews())
                .extracting(Review::reviewId, Review::answeredAt)
                .containsExactly(tuple("r05", Optional.of(at("2017-10-14T09:30"))));
    }

    @Test
    void an_order_handed_to_the_carrier_before_its_approval_carries_that_violation() {
        // o18,c18,delivered,2018-02-02 10:00:00,2018-02-05 09:00:00,2018-02-03 15:00:00,2018-02-09 11:00:00,...
        // every other rule holds: 15.00 + 5.10 = 20.10 paid by debit card
        Order order = orders.findById(id("o18")).orElseThrow();

        assertThat(order.violations()).containsExactly(new RuleViolation(OrderRule.CARRIER_NOT_BEFORE_APPROVAL,
                id("o18"), "handed to the carrier 2018-02-03T15:00:00 before approval 2018-02-05T09:00:00"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.events()).containsExactly(
                new OrderPlaced(id("o18"), Optional.of(new CustomerId("c18")), at("2018-02-02T10:00")),
                new PaymentReceived(id("o18"), 1, PaymentType.DEBIT_CARD, brl("20.10"), at("2018-02-02T10:00")),
                new OrderApproved(id("o18"), at("2018-02-05T09:00")),
                new OrderShipped(id("o18"), at("2018-02-03T15:00")),
                new OrderDelivered(id("o18"), at("2018-02-09T11:00")),
                new ReviewSubmitted(id("o18"), "r18", new ReviewScore(5), at("2018-02-10T00:00")));
    }

    @Test
    void a_delivered_order_without_a_delivery_date_carries_that_violation() {
        // o16,c16,delivered,2018-01-22 11:00:00,2018-01-22 11:30:00,2018-01-24 09:00:00,,2018-02-13 00:00:00
        Order order = orders.findById(id("o16")).orElseThrow();

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.deliveredAt()).isEmpty();
        assertThat(order.violations()).containsExactly(new RuleViolation(OrderRule.DELIVERED_HAS_DELIVERY_DATE,
                id("o16"), "status delivered with no delivery date"));
        assertThat(order.events()).containsExactly(
                new OrderPlaced(id("o16"), Optional.of(new CustomerId("c16")), at("2018-01-22T11:00")),
                new PaymentReceived(id("o16"), 1, PaymentType.CREDIT_CARD, brl("220.00"), at("2018-01-22T11:00")),
                new OrderApproved(id("o16"), at("2018-01-22T11:30")),
                new OrderShipped(id("o16"), at("2018-01-24T09:00")),
                new ReviewSubmitted(id("o16"), "r16", new ReviewScore(3), at("2018-02-14T00:00")));
    }

    @Test
    void the_orders_of_the_person_who_moved_come_by_purchase_time_under_all_their_customer_ids() {
        // p01: o01/c01 2017-09-04 10:15, o10/c10 2017-11-14 14:00, o19/c19 2018-02-14 12:00
        List<Order> found = orders.findByCustomer(new CustomerUniqueId("p01"));

        assertThat(found).extracting(Order::id, Order::customerId, Order::purchasedAt).containsExactly(
                tuple(id("o01"), Optional.of(new CustomerId("c01")), at("2017-09-04T10:15")),
                tuple(id("o10"), Optional.of(new CustomerId("c10")), at("2017-11-14T14:00")),
                tuple(id("o19"), Optional.of(new CustomerId("c19")), at("2018-02-14T12:00")));
        assertThat(found).allSatisfy(order -> assertThat(order.customerUniqueId())
                .contains(new CustomerUniqueId("p01")));
        // o19: pr12 30.00 + 5.00 and pr01 49.90 + 10.10 = 95.00, paid 95.00
        assertThat(found.get(2).items()).extracting(OrderItem::itemNumber, OrderItem::productId, OrderItem::total)
                .containsExactly(tuple(1, new ProductId("pr12"), brl("35.00")),
                        tuple(2, new ProductId("pr01"), brl("60.00")));
    }

    @Test
    void unknown_ids_find_nothing() {
        assertThat(orders.findById(id("o99"))).isEmpty();
        assertThat(orders.findByCustomer(new CustomerUniqueId("p99"))).isEmpty();
    }

    @Test
    void streaming_gives_every_order_once_in_id_order_as_each_lookup_does() {
        List<String> expectedIds = IntStream.rangeClosed(1, 30).mapToObj(n -> String.format("o%02d", n)).toList();
        List<Order> streamed;
        try (Stream<Order> all = orders.streamAll()) {
            streamed = all.toList();
        }

        assertThat(streamed).extracting(order -> order.id().value()).containsExactlyElementsOf(expectedIds);
        for (Order order : streamed) {
            assertThat(snapshot(order)).isEqualTo(snapshot(orders.findById(order.id()).orElseThrow()));
        }
        // 37 item lines, 33 payments and 25 (review, order) pairs in the fixture, each on exactly one order
        assertThat(streamed.stream().mapToInt(order -> order.items().size()).sum()).isEqualTo(37);
        assertThat(streamed.stream().mapToInt(order -> order.payments().size()).sum()).isEqualTo(33);
        assertThat(streamed.stream().mapToInt(order -> order.reviews().size()).sum()).isEqualTo(25);
        // the only broken rules in the fixture: o16 (no delivery date) and o18 (carrier before approval)
        assertThat(streamed.stream().flatMap(order -> order.violations().stream()))
                .extracting(RuleViolation::orderId, RuleViolation::rule)
                .containsExactly(tuple(id("o16"), OrderRule.DELIVERED_HAS_DELIVERY_DATE),
                        tuple(id("o18"), OrderRule.CARRIER_NOT_BEFORE_APPROVAL));
    }

    @Test
    void a_stream_read_in_part_and_closed_releases_its_cursors() {
        try (Stream<Order> all = orders.streamAll()) {
            assertThat(all.limit(2)).extracting(order -> order.id().value()).containsExactly("o01", "o02");
        }
        // the warehouse connection is still there for the next reader
        assertThat(orders.findById(id("o30"))).map(Order::status).contains(OrderStatus.CREATED);
    }

    /** Everything an order shows, entities by all their values (their equality is by number or id only). */
    private static List<Object> snapshot(Order order) {
        List<Object> values = new ArrayList<>(List.of(order.id(), order.customerId(), order.customerUniqueId(),
                order.status(), order.purchasedAt(), order.approvedAt(), order.handedToCarrierAt(),
                order.deliveredAt(), order.estimatedDeliveryAt(), order.violations(), order.events()));
        values.add(order.items().stream().map(Object::toString).toList());
        values.add(order.payments().stream().map(Object::toString).toList());
        values.add(order.reviews().stream().map(Object::toString).toList());
        return values;
    }

    private static OrderId id(String value) {
        return new OrderId(value);
    }

    private static LocalDateTime at(String isoMinute) {
        return LocalDateTime.parse(isoMinute);
    }

    private static Money brl(String amount) {
        return Money.brl(amount);
    }
}
