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
import static org.olistdw.domain.order.OrderFixtures.deliveredRecord;
import static org.olistdw.domain.order.OrderFixtures.itemLine;
import static org.olistdw.domain.order.OrderFixtures.paymentLine;
import static org.olistdw.domain.order.OrderFixtures.reviewLine;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.order.OrderRecord.ItemRecord;
import org.olistdw.domain.shared.Money;

class OrderReconstitutionTest {

    private static final String EIGHT_STATUSES =
            "created, approved, invoiced, processing, shipped, delivered, canceled, unavailable";

    private static RuleViolation violation(OrderRule rule, String detail) {
        return new RuleViolation(rule, ORDER, detail);
    }

    // ------------------------------------------------------------ orders that break nothing

    @Test
    void a_normal_delivered_record_becomes_the_order_it_describes() {
        Order order = deliveredRecord().reconstitute();

        assertThat(order.violations()).isEmpty();
        assertThat(order.id()).isEqualTo(ORDER);
        assertThat(order.customerId()).contains(CUSTOMER);
        assertThat(order.customerUniqueId()).contains(PERSON);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.purchasedAt()).isEqualTo(PURCHASE);
        assertThat(order.approvedAt()).contains(APPROVAL);
        assertThat(order.handedToCarrierAt()).contains(CARRIER);
        assertThat(order.deliveredAt()).contains(DELIVERY);
        assertThat(order.estimatedDeliveryAt()).contains(ESTIMATE);
        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1);
        assertThat(order.itemsTotal()).isEqualTo(Money.brl("38.71"));
        assertThat(order.paymentsTotal()).isEqualTo(Money.brl("38.71"));
        assertThat(order.latestReview()).map(Review::reviewId).contains("r1");
        assertThat(order.countsAsRevenue()).isTrue();
    }

    @Test
    void reconstitution_records_the_same_events_as_the_commands() {
        Order replayed = deliveredRecord().reconstitute();

        assertThat(replayed.events()).isEqualTo(deliveredByCommands().events());
        assertThat(replayed.events()).containsExactly(
                new OrderPlaced(ORDER, Optional.of(CUSTOMER), PURCHASE),
                new PaymentReceived(ORDER, 1, PaymentType.CREDIT_CARD, Money.brl("38.71"), PURCHASE),
                new OrderApproved(ORDER, APPROVAL),
                new OrderShipped(ORDER, CARRIER),
                new OrderDelivered(ORDER, DELIVERY),
                new ReviewSubmitted(ORDER, "r1", new ReviewScore(5), REVIEW_CREATED));
    }

    @Test
    void a_canceled_order_without_items_or_payments_breaks_nothing() {
        Order order = deliveredRecord().status("canceled").handedToCarrierAt(null).deliveredAt(null)
                .items().payments().reconstitute();

        assertThat(order.violations()).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.countsAsRevenue()).isFalse();
        assertThat(order.events()).containsExactly(
                new OrderPlaced(ORDER, Optional.of(CUSTOMER), PURCHASE),
                new OrderApproved(ORDER, APPROVAL),
                new OrderCancelled(ORDER, APPROVAL, "recorded as canceled"),
                new ReviewSubmitted(ORDER, "r1", new ReviewScore(5), REVIEW_CREATED));
    }

    @Test
    void an_unavailable_order_is_marked_at_its_latest_known_time() {
        Order order = deliveredRecord().status("unavailable").approvedAt(null).handedToCarrierAt(null)
                .deliveredAt(null).items().reviews().reconstitute();

        assertThat(order.violations()).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.UNAVAILABLE);
        assertThat(order.events()).last().isEqualTo(new OrderMarkedUnavailable(ORDER, PURCHASE));
    }

    @Test
    void an_invoiced_or_processing_order_keeps_its_status() {
        Order invoiced = deliveredRecord().status("invoiced").handedToCarrierAt(null).deliveredAt(null).reconstitute();
        Order processing = deliveredRecord().status("processing").handedToCarrierAt(null).deliveredAt(null)
                .reconstitute();

        assertThat(invoiced.status()).isEqualTo(OrderStatus.INVOICED);
        assertThat(processing.status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(invoiced.violations()).isEmpty();
        assertThat(processing.violations()).isEmpty();
        assertThat(invoiced.events()).hasSize(4);
    }

    @Test
    void a_shipped_order_breaks_nothing_although_the_source_has_no_invoice_time() {
        Order order = deliveredRecord().status("shipped").deliveredAt(null).reconstitute();
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void a_known_recorded_status_is_the_final_status() {
        Order order = deliveredRecord().status("approved").reconstitute();

        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.deliveredAt()).contains(DELIVERY);
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void status_codes_are_read_ignoring_case_and_blanks() {
        assertThat(deliveredRecord().status(" Delivered ").reconstitute().violations()).isEmpty();
    }

    @Test
    void lines_may_come_in_any_order() {
        Order order = deliveredRecord()
                .items(itemLine(2, "10.00", "1.00"), itemLine(1, "29.99", "8.72"))
                .payments(paymentLine(2, "voucher", 1, "11.00"), paymentLine(1, "credit_card", 1, "38.71"))
                .reviews(reviewLine("late", 3, REVIEW_CREATED.plusDays(2), null),
                        reviewLine("early", 4, REVIEW_CREATED, null))
                .reconstitute();

        assertThat(order.violations()).isEmpty();
        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1, 2);
        assertThat(order.payments()).extracting(Payment::sequential).containsExactly(1, 2);
        assertThat(order.reviews()).extracting(Review::reviewId).containsExactly("early", "late");
        assertThat(order.itemsTotal()).isEqualTo(Money.brl("49.71"));
        assertThat(order.latestReview()).map(Review::reviewId).contains("late");
    }

    @Test
    void a_missing_purchase_time_is_taken_from_the_earliest_time_of_the_record() {
        Order order = deliveredRecord().purchasedAt(null).reconstitute();

        assertThat(order.purchasedAt()).isEqualTo(APPROVAL);
        assertThat(order.violations()).isEmpty();
        assertThat(order.events()).first().isEqualTo(new OrderPlaced(ORDER, Optional.of(CUSTOMER), APPROVAL));
    }

    @Test
    void a_record_without_any_time_is_placed_at_the_epoch() {
        OrderRecord bare = new OrderRecord("o1", null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of());
        Order order = Order.reconstitute(bare);

        assertThat(order.purchasedAt()).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.customerId()).isEmpty();
        assertThat(order.customerUniqueId()).isEmpty();
        assertThat(order.violations()).containsExactly(violation(OrderRule.STATUS_ACCEPTED, "status is missing"));
        assertThat(order.events()).containsExactly(
                new OrderPlaced(ORDER, Optional.empty(), LocalDateTime.of(1970, 1, 1, 0, 0)));
    }

    @Test
    void blank_customer_identities_count_as_missing() {
        Order order = deliveredRecord().customerId(" ").customerUniqueId("").reconstitute();
        assertThat(order.customerId()).isEmpty();
        assertThat(order.customerUniqueId()).isEmpty();
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void only_a_missing_or_blank_order_id_is_refused() {
        assertThatThrownBy(() -> deliveredRecord().orderId(" ").reconstitute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order id must not be blank");
        assertThatThrownBy(() -> deliveredRecord().orderId(null).reconstitute()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void lines_lacking_their_references_are_left_out() {
        Order order = deliveredRecord()
                .items(itemLine(1, "29.99", "8.72"), new ItemRecord(2, null, "s1", null,
                        new BigDecimal("5.00"), BigDecimal.ZERO))
                .payments(paymentLine(1, "credit_card", 1, "38.71"), paymentLine(0, "voucher", 1, "2.00"))
                .reviews(reviewLine("r1", 5, REVIEW_CREATED, REVIEW_ANSWERED), reviewLine("r2", 4, null, null))
                .reconstitute();

        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1);
        assertThat(order.payments()).extracting(Payment::sequential).containsExactly(1);
        assertThat(order.reviews()).extracting(Review::reviewId).containsExactly("r1");
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void payments_recorded_twice_under_one_number_both_count() {
        Order order = deliveredRecord()
                .payments(paymentLine(1, "credit_card", 1, "20.00"), paymentLine(1, "voucher", 1, "18.71"))
                .reconstitute();
        assertThat(order.payments()).hasSize(2);
        assertThat(order.paymentsTotal()).isEqualTo(Money.brl("38.71"));
        assertThat(order.violations()).isEmpty();
    }

    // ------------------------------------------------------------ one test or more per rule

    @Test
    void items_priced_zero_or_below_are_reported_together_and_left_out() {
        Order order = deliveredRecord()
                .items(itemLine(1, "29.99", "8.72"), itemLine(2, "0.00", "1.00"), itemLine(3, "-1.5", "1.00"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEM_PRICE_POSITIVE, "items 2, 3: price 0.00, -1.50 is not above zero"));
        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1);
        assertThat(order.itemsTotal()).isEqualTo(Money.brl("38.71"));
    }

    @Test
    void an_item_without_a_price_breaks_the_price_rule() {
        Order order = deliveredRecord()
                .items(itemLine(1, "29.99", "8.72"), itemLine(2, null, "1.00"), itemLine(3, "0", "1.00"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.ITEM_PRICE_POSITIVE,
                "item 2: price is missing; item 3: price 0.00 is not above zero"));
    }

    @Test
    void a_price_finer_than_centavos_breaks_the_price_rule() {
        Order order = deliveredRecord().items(itemLine(1, "29.99", "8.72"), itemLine(2, "1.005", "1.00"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.ITEM_PRICE_POSITIVE,
                "item 2: price 1.005 is not a whole number of centavos"));
    }

    @Test
    void an_item_with_negative_freight_is_reported_and_left_out() {
        Order order = deliveredRecord().items(itemLine(1, "29.99", "8.72"), itemLine(2, "10.00", "-0.01"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEM_FREIGHT_NOT_NEGATIVE, "item 2: freight -0.01 is below zero"));
        assertThat(order.items()).hasSize(1);
    }

    @Test
    void an_item_with_a_bad_price_and_a_bad_freight_breaks_both_rules() {
        Order order = deliveredRecord().items(itemLine(1, "29.99", "8.72"), itemLine(2, "0.00", null))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEM_PRICE_POSITIVE, "item 2: price 0.00 is not above zero"),
                violation(OrderRule.ITEM_FREIGHT_NOT_NEGATIVE, "item 2: freight is missing"));
    }

    @Test
    void a_gap_in_the_item_numbers_breaks_the_numbering_rule_and_keeps_the_items() {
        Order order = deliveredRecord().items(itemLine(1, "29.99", "8.72"), itemLine(3, "10.00", "1.00"))
                .payments(paymentLine(1, "credit_card", 1, "49.71"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEMS_NUMBERED_FROM_ONE, "item numbers 1, 3 instead of 1, 2"));
        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1, 3);
    }

    @Test
    void a_repeated_item_number_breaks_the_numbering_rule_and_both_lines_count() {
        Order order = deliveredRecord()
                .items(itemLine(1, "29.99", "8.72"), itemLine(2, "10.00", "1.00"), itemLine(2, "10.00", "1.00"))
                .payments(paymentLine(1, "credit_card", 1, "60.71"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEMS_NUMBERED_FROM_ONE, "item numbers 1, 2, 2 instead of 1, 2, 3"));
        assertThat(order.items()).hasSize(3);
        assertThat(order.itemsTotal()).isEqualTo(Money.brl("60.71"));
    }

    @Test
    void an_item_numbered_zero_breaks_the_numbering_rule_and_is_left_out() {
        Order order = deliveredRecord().items(itemLine(0, "10.00", "1.00"), itemLine(1, "29.99", "8.72"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEMS_NUMBERED_FROM_ONE, "item numbers 0, 1 instead of 1, 2"));
        assertThat(order.items()).extracting(OrderItem::itemNumber).containsExactly(1);
    }

    @Test
    void a_negative_payment_is_reported_and_left_out() {
        Order order = deliveredRecord()
                .payments(paymentLine(1, "credit_card", 1, "38.71"), paymentLine(2, "voucher", 1, "-5.00"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.PAYMENT_VALUE_NOT_NEGATIVE, "payment 2: value -5.00 is below zero"));
        assertThat(order.payments()).extracting(Payment::sequential).containsExactly(1);
    }

    @Test
    void a_payment_without_a_value_breaks_the_value_rule() {
        Order order = deliveredRecord()
                .payments(paymentLine(1, "credit_card", 1, "38.71"), paymentLine(2, "voucher", 1, null))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.PAYMENT_VALUE_NOT_NEGATIVE, "payment 2: value is missing"));
    }

    @Test
    void an_unknown_payment_type_and_negative_installments_break_the_type_rule_once() {
        Order order = deliveredRecord()
                .payments(paymentLine(1, "credit_card", 1, "38.71"), paymentLine(2, "pix", 1, "0.00"),
                        paymentLine(3, "voucher", -1, "0.00"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.PAYMENT_TYPE_ACCEPTED,
                "payment 2: type 'pix' is not one of credit_card, boleto, voucher, debit_card, not_defined; "
                        + "payment 3: installments -1 is below zero"));
        assertThat(order.payments()).extracting(Payment::sequential).containsExactly(1);
    }

    @Test
    void several_unknown_payment_types_are_listed_together() {
        Order order = deliveredRecord()
                .payments(paymentLine(1, "credit_card", 1, "38.71"), paymentLine(2, "pix", 1, "0.00"),
                        paymentLine(3, "cash", 1, "0.00"), paymentLine(4, null, 1, "0.00"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.PAYMENT_TYPE_ACCEPTED,
                "payments 2, 3: type 'pix', 'cash' is not one of credit_card, boleto, voucher, debit_card, not_defined; "
                        + "payment 4: type is missing"));
    }

    @Test
    void review_scores_outside_one_to_five_are_reported_together_and_left_out() {
        Order order = deliveredRecord()
                .reviews(reviewLine("r5", 5, REVIEW_CREATED, REVIEW_ANSWERED),
                        reviewLine("r9", 9, REVIEW_CREATED.plusDays(2), null),
                        reviewLine("r0", 0, REVIEW_CREATED.plusDays(1), null))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.REVIEW_SCORE_IN_RANGE, "reviews r0, r9: score 0, 9 is not 1..5"));
        assertThat(order.reviews()).extracting(Review::reviewId).containsExactly("r5");
    }

    @Test
    void an_unknown_status_is_reported_and_the_order_keeps_the_status_its_times_reached() {
        Order order = deliveredRecord().status("shipping").deliveredAt(null).reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.STATUS_ACCEPTED,
                "status 'shipping' is not one of " + EIGHT_STATUSES));
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void a_missing_status_is_reported_and_the_times_decide() {
        Order order = deliveredRecord().status(null).reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.STATUS_ACCEPTED, "status is missing"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void a_detail_stays_on_one_line_whatever_the_source_holds() {
        Order order = deliveredRecord().status("deli\nvered").reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.STATUS_ACCEPTED,
                "status 'deli\\nvered' is not one of " + EIGHT_STATUSES));
    }

    @Test
    void an_approval_before_the_purchase_is_reported_and_kept() {
        LocalDateTime early = LocalDateTime.of(2017, 10, 2, 10, 0);
        Order order = deliveredRecord().approvedAt(early).reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.APPROVED_NOT_BEFORE_PURCHASE,
                "approved 2017-10-02T10:00:00 before purchase 2017-10-02T10:56:33"));
        assertThat(order.approvedAt()).contains(early);
        assertThat(order.events()).contains(new OrderApproved(ORDER, early));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void a_hand_over_before_the_purchase_is_also_before_the_approval() {
        Order order = deliveredRecord().handedToCarrierAt(LocalDateTime.of(2017, 10, 1, 8, 0)).reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.CARRIER_NOT_BEFORE_PURCHASE,
                        "handed to the carrier 2017-10-01T08:00:00 before purchase 2017-10-02T10:56:33"),
                violation(OrderRule.CARRIER_NOT_BEFORE_APPROVAL,
                        "handed to the carrier 2017-10-01T08:00:00 before approval 2017-10-02T11:07:15"));
    }

    @Test
    void without_an_approval_time_only_the_purchase_is_compared() {
        Order order = deliveredRecord().approvedAt(null).handedToCarrierAt(LocalDateTime.of(2017, 10, 1, 8, 0))
                .reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.CARRIER_NOT_BEFORE_PURCHASE,
                "handed to the carrier 2017-10-01T08:00:00 before purchase 2017-10-02T10:56:33"));
    }

    @Test
    void a_hand_over_between_purchase_and_approval_breaks_the_approval_rule_only() {
        Order order = deliveredRecord().handedToCarrierAt(LocalDateTime.of(2017, 10, 2, 11, 0)).reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.CARRIER_NOT_BEFORE_APPROVAL,
                "handed to the carrier 2017-10-02T11:00:00 before approval 2017-10-02T11:07:15"));
        assertThat(order.handedToCarrierAt()).contains(LocalDateTime.of(2017, 10, 2, 11, 0));
    }

    @Test
    void a_delivery_before_the_hand_over_is_reported_and_kept() {
        Order order = deliveredRecord().deliveredAt(LocalDateTime.of(2017, 10, 4, 10, 0)).reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.DELIVERED_NOT_BEFORE_CARRIER,
                "delivered 2017-10-04T10:00:00 before hand-over to the carrier 2017-10-04T19:55:00"));
        assertThat(order.deliveredAt()).contains(LocalDateTime.of(2017, 10, 4, 10, 0));
    }

    @Test
    void a_delivered_order_without_delivery_date_is_reported_and_stays_delivered() {
        Order order = deliveredRecord().deliveredAt(null).reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.DELIVERED_HAS_DELIVERY_DATE, "status delivered with no delivery date"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.deliveredAt()).isEmpty();
    }

    @Test
    void a_delivered_order_without_carrier_date_is_reported_and_stays_delivered() {
        Order order = deliveredRecord().handedToCarrierAt(null).reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.SHIPPED_HAS_CARRIER_DATE, "status delivered with no carrier date"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.deliveredAt()).contains(DELIVERY);
        assertThat(order.events()).extracting(Object::getClass).containsExactly(OrderPlaced.class,
                PaymentReceived.class, OrderApproved.class, OrderDelivered.class, ReviewSubmitted.class);
    }

    @Test
    void a_shipped_order_without_carrier_date_is_reported() {
        Order order = deliveredRecord().status("shipped").handedToCarrierAt(null).deliveredAt(null).reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.SHIPPED_HAS_CARRIER_DATE, "status shipped with no carrier date"));
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void a_canceled_order_that_was_delivered_is_reported_and_stays_canceled() {
        Order order = deliveredRecord().status("canceled").reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.CANCELED_NOT_DELIVERED, "status canceled, yet delivered 2017-10-10T21:25:13"));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.countsAsRevenue()).isFalse();
        assertThat(order.events()).contains(new OrderCancelled(ORDER, DELIVERY, "recorded as canceled"));
    }

    @Test
    void an_unavailable_order_that_was_delivered_is_reported() {
        Order order = deliveredRecord().status("unavailable").reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.CANCELED_NOT_DELIVERED, "status unavailable, yet delivered 2017-10-10T21:25:13"));
        assertThat(order.status()).isEqualTo(OrderStatus.UNAVAILABLE);
    }

    @Test
    void a_delivered_order_without_items_is_reported_once() {
        Order order = deliveredRecord().items().reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.SHIPPED_HAS_ITEMS, "status shipped with no valid item"));
        assertThat(order.countsAsRevenue()).isFalse();
    }

    @Test
    void a_delivered_order_without_items_or_carrier_date_breaks_both_rules() {
        Order order = deliveredRecord().items().handedToCarrierAt(null).reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.SHIPPED_HAS_CARRIER_DATE, "status delivered with no carrier date"),
                violation(OrderRule.SHIPPED_HAS_ITEMS, "status delivered with no valid item"));
    }

    @Test
    void a_shipped_order_whose_only_item_is_invalid_has_no_valid_item() {
        Order order = deliveredRecord().status("shipped").deliveredAt(null).items(itemLine(1, "0.00", "8.72"))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEM_PRICE_POSITIVE, "item 1: price 0.00 is not above zero"),
                violation(OrderRule.SHIPPED_HAS_ITEMS, "status shipped with no valid item"));
    }

    @Test
    void payments_differing_by_more_than_one_real_are_reported() {
        Order order = deliveredRecord().payments(paymentLine(1, "credit_card", 3, "40.00")).reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT,
                "payments 40.00 differ from items and freight 38.71 by 1.29"));
        assertThat(order.paymentDifference()).isEqualTo(Money.brl("1.29"));
    }

    @Test
    void payments_differing_by_exactly_one_real_still_match() {
        assertThat(deliveredRecord().payments(paymentLine(1, "credit_card", 1, "39.71")).reconstitute()
                .violations()).isEmpty();
        assertThat(deliveredRecord().payments(paymentLine(1, "credit_card", 1, "37.71")).reconstitute()
                .violations()).isEmpty();
    }

    @Test
    void payments_differing_by_one_real_and_one_centavo_do_not_match() {
        assertThat(deliveredRecord().payments(paymentLine(1, "credit_card", 1, "39.72")).reconstitute().violations())
                .containsExactly(violation(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT,
                        "payments 39.72 differ from items and freight 38.71 by 1.01"));
        assertThat(deliveredRecord().payments(paymentLine(1, "boleto", 1, "37.70")).reconstitute().violations())
                .containsExactly(violation(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT,
                        "payments 37.70 differ from items and freight 38.71 by 1.01"));
    }

    @Test
    void several_payments_are_added_up_before_comparing() {
        Order order = deliveredRecord()
                .payments(paymentLine(1, "credit_card", 1, "20.00"), paymentLine(2, "voucher", 1, "18.00"))
                .reconstitute();

        assertThat(order.paymentsTotal()).isEqualTo(Money.brl("38.00"));
        assertThat(order.paymentDifference()).isEqualTo(Money.brl("-0.71"));
        assertThat(order.violations()).isEmpty();
    }

    @Test
    void an_order_with_items_and_no_payment_is_reported() {
        Order order = deliveredRecord().payments().reconstitute();

        assertThat(order.violations()).containsExactly(violation(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT,
                "no payment for items and freight 38.71"));
    }

    // ------------------------------------------------------------ many rules at once

    @Test
    void each_broken_rule_is_reported_once_in_declaration_order() {
        Order order = deliveredRecord()
                .approvedAt(LocalDateTime.of(2017, 10, 2, 10, 0))
                .deliveredAt(null)
                .items(itemLine(3, "-1.00", "-1.00"), itemLine(1, "29.99", "8.72"), itemLine(2, "0.00", "1.00"))
                .payments(paymentLine(1, "credit_card", 10, "100.00"))
                .reviews(reviewLine("r1", 9, REVIEW_CREATED, null))
                .reconstitute();

        assertThat(order.violations()).containsExactly(
                violation(OrderRule.ITEM_PRICE_POSITIVE, "items 2, 3: price 0.00, -1.00 is not above zero"),
                violation(OrderRule.ITEM_FREIGHT_NOT_NEGATIVE, "item 3: freight -1.00 is below zero"),
                violation(OrderRule.REVIEW_SCORE_IN_RANGE, "review r1: score 9 is not 1..5"),
                violation(OrderRule.APPROVED_NOT_BEFORE_PURCHASE,
                        "approved 2017-10-02T10:00:00 before purchase 2017-10-02T10:56:33"),
                violation(OrderRule.DELIVERED_HAS_DELIVERY_DATE, "status delivered with no delivery date"),
                violation(OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT,
                        "payments 100.00 differ from items and freight 38.71 by 61.29"));
        assertThat(order.violations().get(4))
                .hasToString("orders_delivered_have_delivery_date o1: status delivered with no delivery date");
    }

    @Test
    void a_reconstituted_order_hands_over_its_events_once() {
        Order order = deliveredRecord().reconstitute();
        assertThat(order.pullEvents()).hasSize(6);
        assertThat(order.events()).isEmpty();
        assertThat(order.violations()).isEmpty();
    }
}
