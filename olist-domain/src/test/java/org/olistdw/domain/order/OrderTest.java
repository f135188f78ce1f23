package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olistdw.domain.order.OrderFixtures.APPROVAL;
import static org.olistdw.domain.order.OrderFixtures.CARRIER;
import static org.olistdw.domain.order.OrderFixtures.CUSTOMER;
import static org.olistdw.domain.order.OrderFixtures.DELIVERY;
import static org.olistdw.domain.order.OrderFixtures.ESTIMATE;
import static org.olistdw.domain.order.OrderFixtures.ORDER;
import static org.olistdw.domain.order.OrderFixtures.PERSON;
import static org.olistdw.domain.order.OrderFixtures.PURCHASE;
import static org.olistdw.domain.order.OrderFixtures.REVIEW_ANSWERED;
import static org.olistdw.domain.order.OrderFixtures.REVIEW_CREATED;
import static org.olistdw.domain.order.OrderFixtures.deliveredByCommands;
import static org.olistdw.domain.order.OrderFixtures.item;
import static org.olistdw.domain.order.OrderFixtures.payment;
import static org.olistdw.domain.order.OrderFixtures.placed;
import static org.olistdw.domain.order.OrderFixtures.review;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.OrderId;

class OrderTest {

    @Test
    void a_placed_order_is_created_with_nothing_in_it_and_one_event() {
        Order order = Order.place(ORDER, CUSTOMER, PURCHASE, ESTIMATE);

        assertThat(order.id()).isEqualTo(ORDER);
        assertThat(order.customerId()).contains(CUSTOMER);
        assertThat(order.customerUniqueId()).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.purchasedAt()).isEqualTo(PURCHASE);
        assertThat(order.estimatedDeliveryAt()).contains(ESTIMATE);
        assertThat(order.approvedAt()).isEmpty();
        assertThat(order.handedToCarrierAt()).isEmpty();
        assertThat(order.deliveredAt()).isEmpty();
        assertThat(order.items()).isEmpty();
        assertThat(order.payments()).isEmpty();
        assertThat(order.reviews()).isEmpty();
        assertThat(order.itemsTotal()).isEqualTo(Money.ZERO_BRL);
        assertThat(order.paymentsTotal()).isEqualTo(Money.ZERO_BRL);
        assertThat(order.violations()).isEmpty();
        assertThat(order.events()).containsExactly(new OrderPlaced(ORDER, Optional.of(CUSTOMER), PURCHASE));
    }

    @Test
    void an_order_may_be_placed_knowing_the_person_and_without_an_estimate() {
        Order order = Order.place(ORDER, CUSTOMER, PERSON, PURCHASE, null);
        assertThat(order.customerUniqueId()).contains(PERSON);
        assertThat(order.estimatedDeliveryAt()).isEmpty();
    }

    @Test
    void placing_needs_an_id_a_customer_and_a_purchase_time() {
        assertThatThrownBy(() -> Order.place(null, CUSTOMER, PURCHASE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Order.place(ORDER, null, PURCHASE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Order.place(ORDER, CUSTOMER, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_normal_order_goes_from_placement_to_delivery_recording_each_step() {
        Order order = deliveredByCommands();

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.approvedAt()).contains(APPROVAL);
        assertThat(order.handedToCarrierAt()).contains(CARRIER);
        assertThat(order.deliveredAt()).contains(DELIVERY);
        assertThat(order.itemsPrice()).isEqualTo(Money.brl("29.99"));
        assertThat(order.freight()).isEqualTo(Money.brl("8.72"));
        assertThat(order.itemsTotal()).isEqualTo(Money.brl("38.71"));
        assertThat(order.paymentsTotal()).isEqualTo(Money.brl("38.71"));
        assertThat(order.paymentDifference()).isEqualTo(Money.ZERO_BRL);
        assertThat(order.countsAsRevenue()).isTrue();
        assertThat(order.violations()).isEmpty();
        assertThat(order.events()).containsExactly(
                new OrderPlaced(ORDER, Optional.of(CUSTOMER), PURCHASE),
                new PaymentReceived(ORDER, 1, PaymentType.CREDIT_CARD, Money.brl("38.71"), PURCHASE),
                new OrderApproved(ORDER, APPROVAL),
                new OrderShipped(ORDER, CARRIER),
                new OrderDelivered(ORDER, DELIVERY),
                new ReviewSubmitted(ORDER, "r1", new ReviewScore(5), REVIEW_CREATED));
    }

    @Test
    void an_order_may_be_processed_before_it_is_invoiced() {
        Order order = placed();
        order.addItem(item(1, "10.00", "1.00"));
        order.approve(APPROVAL);
        order.startProcessing();
        assertThat(order.status()).isEqualTo(OrderStatus.PROCESSING);
        order.addItem(item(2, "5.00", "0.00"));
        order.invoice();
        order.ship(CARRIER);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.itemsTotal()).isEqualTo(Money.brl("16.00"));
    }

    @Test
    void approval_at_the_purchase_time_itself_is_not_before_it() {
        Order order = placed();
        order.approve(PURCHASE);
        assertThat(order.approvedAt()).contains(PURCHASE);
    }

    @Test
    void an_illegal_transition_names_the_order_and_both_statuses() {
        assertThatThrownBy(() -> placed().ship(CARRIER))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(OrderRuleBroken.class)
                .hasMessage("order o1 cannot go from created to shipped");
        assertThatThrownBy(() -> placed().invoice()).hasMessage("order o1 cannot go from created to invoiced");
        assertThatThrownBy(() -> placed().deliver(DELIVERY)).hasMessage("order o1 cannot go from created to delivered");

        Order approved = placed();
        approved.approve(APPROVAL);
        assertThatThrownBy(() -> approved.approve(APPROVAL)).hasMessage("order o1 cannot go from approved to approved");
        assertThatThrownBy(() -> approved.ship(CARRIER)).hasMessage("order o1 cannot go from approved to shipped");

        Order invoiced = placed();
        invoiced.approve(APPROVAL);
        invoiced.invoice();
        assertThatThrownBy(invoiced::startProcessing).hasMessage("order o1 cannot go from invoiced to processing");
    }

    @Test
    void a_terminal_order_accepts_no_further_step() {
        Order delivered = deliveredByCommands();
        assertThatThrownBy(() -> delivered.deliver(DELIVERY.plusDays(1)))
                .hasMessage("order o1 cannot go from delivered to delivered");

        Order canceled = placed();
        canceled.cancel(APPROVAL, "customer gave up");
        assertThatThrownBy(() -> canceled.cancel(APPROVAL, "again")).hasMessage("order o1 cannot go from canceled to canceled");
        assertThatThrownBy(() -> canceled.approve(APPROVAL)).hasMessage("order o1 cannot go from canceled to approved");
        assertThatThrownBy(() -> canceled.markUnavailable(APPROVAL))
                .hasMessage("order o1 cannot go from canceled to unavailable");
    }

    @Test
    void a_shipped_order_cannot_be_marked_unavailable() {
        Order order = placed();
        order.addItem(item(1, "10.00", "1.00"));
        order.approve(APPROVAL);
        order.invoice();
        order.ship(CARRIER);
        assertThatThrownBy(() -> order.markUnavailable(DELIVERY)).hasMessage("order o1 cannot go from shipped to unavailable");
    }

    @Test
    void approving_before_the_purchase_breaks_its_rule() {
        Order order = placed();
        assertThatThrownBy(() -> order.approve(LocalDateTime.of(2017, 10, 2, 10, 55, 33)))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> {
                    assertThat(broken.rule()).isEqualTo(OrderRule.APPROVED_NOT_BEFORE_PURCHASE);
                    assertThat(broken.violation()).isEqualTo(new RuleViolation(OrderRule.APPROVED_NOT_BEFORE_PURCHASE,
                            ORDER, "approved 2017-10-02T10:55:33 before purchase 2017-10-02T10:56:33"));
                })
                .hasMessage("order o1 breaks orders_approved_not_before_purchase: "
                        + "approved 2017-10-02T10:55:33 before purchase 2017-10-02T10:56:33");
    }

    @Test
    void handing_over_before_the_purchase_breaks_its_rule() {
        Order order = invoicedWithOneItem(PURCHASE);
        assertThatThrownBy(() -> order.ship(LocalDateTime.of(2017, 10, 2, 9, 0)))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation()).isEqualTo(
                        new RuleViolation(OrderRule.CARRIER_NOT_BEFORE_PURCHASE, ORDER,
                                "handed to the carrier 2017-10-02T09:00:00 before purchase 2017-10-02T10:56:33")));
    }

    @Test
    void handing_over_before_the_approval_breaks_its_rule() {
        Order order = invoicedWithOneItem(APPROVAL);
        assertThatThrownBy(() -> order.ship(LocalDateTime.of(2017, 10, 2, 11, 0)))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation()).isEqualTo(
                        new RuleViolation(OrderRule.CARRIER_NOT_BEFORE_APPROVAL, ORDER,
                                "handed to the carrier 2017-10-02T11:00:00 before approval 2017-10-02T11:07:15")));
    }

    @Test
    void shipping_an_order_without_items_breaks_its_rule() {
        Order order = placed();
        order.approve(APPROVAL);
        order.invoice();
        assertThatThrownBy(() -> order.ship(CARRIER))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation()).isEqualTo(
                        new RuleViolation(OrderRule.SHIPPED_HAS_ITEMS, ORDER, "status shipped with no valid item")));
    }

    @Test
    void delivering_before_the_hand_over_breaks_its_rule() {
        Order order = invoicedWithOneItem(APPROVAL);
        order.ship(CARRIER);
        assertThatThrownBy(() -> order.deliver(LocalDateTime.of(2017, 10, 4, 19, 54)))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation()).isEqualTo(
                        new RuleViolation(OrderRule.DELIVERED_NOT_BEFORE_CARRIER, ORDER,
                                "delivered 2017-10-04T19:54:00 before hand-over to the carrier 2017-10-04T19:55:00")));
    }

    @Test
    void a_delivered_order_cannot_be_canceled_or_marked_unavailable() {
        Order order = deliveredByCommands();
        assertThatThrownBy(() -> order.cancel(DELIVERY.plusDays(1), "regret"))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation()).isEqualTo(
                        new RuleViolation(OrderRule.CANCELED_NOT_DELIVERED, ORDER,
                                "status canceled, yet delivered 2017-10-10T21:25:13")));
        assertThatThrownBy(() -> order.markUnavailable(DELIVERY.plusDays(1)))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation().detail())
                        .isEqualTo("status unavailable, yet delivered 2017-10-10T21:25:13"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void items_must_be_numbered_from_one_without_gaps_or_repeats() {
        Order order = placed();
        assertThatThrownBy(() -> order.addItem(item(2, "10.00", "1.00")))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation()).isEqualTo(
                        new RuleViolation(OrderRule.ITEMS_NUMBERED_FROM_ONE, ORDER, "item numbers 2 instead of 1")));
        order.addItem(item(1, "10.00", "1.00"));
        assertThatThrownBy(() -> order.addItem(item(1, "10.00", "1.00")))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation().detail())
                        .isEqualTo("item numbers 1, 1 instead of 1, 2"));
        assertThatThrownBy(() -> order.addItem(item(3, "10.00", "1.00")))
                .isInstanceOfSatisfying(OrderRuleBroken.class, broken -> assertThat(broken.violation().detail())
                        .isEqualTo("item numbers 1, 3 instead of 1, 2"));
        order.addItem(item(2, "7.50", "0.00"));
        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1, 2);
    }

    @Test
    void items_are_added_only_before_shipping() {
        Order order = invoicedWithOneItem(APPROVAL);
        order.ship(CARRIER);
        assertThatThrownBy(() -> order.addItem(item(2, "10.00", "1.00")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("order o1 is shipped: items can only be added before shipping");

        Order canceled = placed();
        canceled.cancel(APPROVAL, "customer gave up");
        assertThatThrownBy(() -> canceled.addItem(item(1, "10.00", "1.00")))
                .hasMessage("order o1 is canceled: items can only be added before shipping");
    }

    @Test
    void payments_are_kept_in_sequential_order_and_summed() {
        Order order = placed();
        order.addItem(item(1, "12.00", "3.00"));
        order.addPayment(new Payment(2, PaymentType.VOUCHER, 1, Money.brl("5.50")));
        order.addPayment(payment(1, "10.00"));

        assertThat(order.payments()).extracting(Payment::sequential).containsExactly(1, 2);
        assertThat(order.paymentsTotal()).isEqualTo(Money.brl("15.50"));
        assertThat(order.paymentDifference()).isEqualTo(Money.brl("0.50"));
    }

    @Test
    void a_payment_received_after_approval_is_dated_at_the_approval() {
        Order order = placed();
        order.approve(APPROVAL);
        order.addPayment(payment(1, "38.71"));
        assertThat(order.events()).last()
                .isEqualTo(new PaymentReceived(ORDER, 1, PaymentType.CREDIT_CARD, Money.brl("38.71"), APPROVAL));
    }

    @Test
    void the_same_payment_cannot_be_added_twice() {
        Order order = placed();
        order.addPayment(payment(1, "10.00"));
        assertThatThrownBy(() -> order.addPayment(payment(1, "10.00")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("order o1 already has payment 1");
    }

    @Test
    void reviews_are_kept_in_creation_order_and_the_latest_is_the_last_answered() {
        Order order = placed();
        Review answeredLast = review("r1", 4, LocalDateTime.of(2018, 1, 10, 0, 0), LocalDateTime.of(2018, 1, 12, 10, 0));
        Review neverAnswered = review("r2", 1, LocalDateTime.of(2018, 1, 11, 0, 0), null);
        Review sameAnswerCreatedEarlier = review("r3", 5, LocalDateTime.of(2018, 1, 9, 0, 0),
                LocalDateTime.of(2018, 1, 12, 10, 0));
        order.submitReview(answeredLast);
        order.submitReview(neverAnswered);
        order.submitReview(sameAnswerCreatedEarlier);

        assertThat(order.reviews()).extracting(Review::reviewId).containsExactly("r3", "r1", "r2");
        assertThat(order.latestReview()).contains(answeredLast);
        assertThat(order.events()).last()
                .isEqualTo(new ReviewSubmitted(ORDER, "r3", new ReviewScore(5), LocalDateTime.of(2018, 1, 9, 0, 0)));
    }

    @Test
    void without_reviews_there_is_no_latest_one() {
        assertThat(placed().latestReview()).isEmpty();
    }

    @Test
    void among_unanswered_reviews_the_last_created_is_the_latest() {
        Order order = placed();
        order.submitReview(review("r1", 3, REVIEW_CREATED.plusDays(1), null));
        order.submitReview(review("r2", 2, REVIEW_CREATED, null));
        assertThat(order.latestReview()).map(Review::reviewId).contains("r1");
    }

    @Test
    void the_same_review_cannot_be_submitted_twice() {
        Order order = placed();
        order.submitReview(review("r1", 5, REVIEW_CREATED, REVIEW_ANSWERED));
        assertThatThrownBy(() -> order.submitReview(review("r1", 1, REVIEW_CREATED, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("order o1 already has review r1");
    }

    @Test
    void canceling_records_the_reason_and_ends_the_revenue() {
        Order order = placed();
        order.addItem(item(1, "10.00", "1.00"));
        order.approve(APPROVAL);
        assertThat(order.countsAsRevenue()).isTrue();

        order.cancel(APPROVAL.plusHours(2), "customer gave up");

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.countsAsRevenue()).isFalse();
        assertThat(order.events()).last().isEqualTo(new OrderCancelled(ORDER, APPROVAL.plusHours(2), "customer gave up"));
    }

    @Test
    void a_shipped_order_can_still_be_canceled() {
        Order order = invoicedWithOneItem(APPROVAL);
        order.ship(CARRIER);
        order.cancel(CARRIER.plusDays(1), "lost by the carrier");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void canceling_needs_a_reason() {
        assertThatThrownBy(() -> placed().cancel(APPROVAL, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cancellation reason must not be blank, was ' '");
    }

    @Test
    void an_order_whose_products_are_unavailable_is_no_revenue() {
        Order order = placed();
        order.addItem(item(1, "10.00", "1.00"));
        order.markUnavailable(APPROVAL);
        assertThat(order.status()).isEqualTo(OrderStatus.UNAVAILABLE);
        assertThat(order.countsAsRevenue()).isFalse();
        assertThat(order.events()).last().isEqualTo(new OrderMarkedUnavailable(ORDER, APPROVAL));
    }

    @Test
    void an_order_without_items_is_no_revenue() {
        assertThat(placed().countsAsRevenue()).isFalse();
    }

    @Test
    void a_command_that_throws_leaves_the_order_as_it_was() {
        Order order = placed();
        order.approve(APPROVAL);
        order.invoice();
        List<Object> before = OrderSnapshot.of(order);

        assertThatThrownBy(() -> order.ship(CARRIER)).isInstanceOf(OrderRuleBroken.class);

        assertThat(OrderSnapshot.of(order)).isEqualTo(before);
        assertThat(order.status()).isEqualTo(OrderStatus.INVOICED);
        assertThat(order.handedToCarrierAt()).isEmpty();
    }

    @Test
    void pulling_events_hands_them_over_once() {
        Order order = deliveredByCommands();
        List<?> pulled = order.pullEvents();

        assertThat(pulled).hasSize(6);
        assertThat(order.events()).isEmpty();
        assertThat(order.pullEvents()).isEmpty();

        Order another = placed();
        another.approve(APPROVAL);
        another.pullEvents();
        another.cancel(APPROVAL, "customer gave up");
        assertThat(another.pullEvents()).containsExactly(new OrderCancelled(ORDER, APPROVAL, "customer gave up"));
    }

    @Test
    void what_an_order_hands_out_cannot_change_it() {
        Order order = deliveredByCommands();
        assertThatThrownBy(() -> order.items().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.payments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.reviews().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.events().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(order.items()).hasSize(1);
    }

    @Test
    void orders_are_equal_when_their_ids_are() {
        Order one = placed();
        Order same = Order.place(ORDER, new CustomerId("c2"), DELIVERY, null);
        Order other = Order.place(new OrderId("o2"), CUSTOMER, PURCHASE, null);
        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
        assertThat(one).hasToString("order o1 (created)");
    }

    @Test
    void every_event_names_its_order() {
        assertThat(deliveredByCommands().events()).allSatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo("o1");
            assertThat(event.occurredAt()).isNotNull();
        });
        assertThat(new OrderCancelled(ORDER, APPROVAL, "x").aggregateId()).isEqualTo("o1");
        assertThat(new OrderMarkedUnavailable(ORDER, APPROVAL).aggregateId()).isEqualTo("o1");
    }

    @Test
    void events_never_carry_a_missing_time() {
        assertThatThrownBy(() -> new OrderApproved(ORDER, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderPlaced(ORDER, Optional.empty(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentReceived(ORDER, 1, PaymentType.BOLETO, Money.ZERO_BRL, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReviewSubmitted(ORDER, "r1", new ReviewScore(1), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderCancelled(ORDER, APPROVAL, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rules_are_found_by_their_code() {
        assertThat(OrderRule.ofCode("orders_shipped_have_items")).isEqualTo(OrderRule.SHIPPED_HAS_ITEMS);
        assertThat(OrderRule.values()).hasSize(16);
        assertThatThrownBy(() -> OrderRule.ofCode("nope")).hasMessage("unknown order rule 'nope'");
    }

    private static Order invoicedWithOneItem(LocalDateTime approvedAt) {
        Order order = placed();
        order.addItem(item(1, "10.00", "1.00"));
        order.approve(approvedAt);
        order.invoice();
        return order;
    }
}
