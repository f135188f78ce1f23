package org.olistdw.domain.order;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.olistdw.domain.order.OrderRecord.ItemRecord;
import org.olistdw.domain.order.OrderRecord.PaymentRecord;
import org.olistdw.domain.order.OrderRecord.ReviewRecord;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.OrderId;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;

/** One small order written by hand: a single item of BRL 29.99 plus 8.72 freight, paid 38.71 in one go. */
final class OrderFixtures {

    static final OrderId ORDER = new OrderId("o1");
    static final CustomerId CUSTOMER = new CustomerId("c1");
    static final CustomerUniqueId PERSON = new CustomerUniqueId("u1");

    static final LocalDateTime PURCHASE = LocalDateTime.of(2017, 10, 2, 10, 56, 33);
    static final LocalDateTime APPROVAL = LocalDateTime.of(2017, 10, 2, 11, 7, 15);
    static final LocalDateTime CARRIER = LocalDateTime.of(2017, 10, 4, 19, 55, 0);
    static final LocalDateTime DELIVERY = LocalDateTime.of(2017, 10, 10, 21, 25, 13);
    static final LocalDateTime ESTIMATE = LocalDateTime.of(2017, 10, 18, 0, 0, 0);
    static final LocalDateTime SHIPPING_LIMIT = LocalDateTime.of(2017, 10, 6, 11, 7, 15);
    static final LocalDateTime REVIEW_CREATED = LocalDateTime.of(2017, 10, 11, 0, 0, 0);
    static final LocalDateTime REVIEW_ANSWERED = LocalDateTime.of(2017, 10, 12, 3, 43, 48);

    private OrderFixtures() {
    }

    static OrderItem item(int number, String price, String freight) {
        return new OrderItem(number, new ProductId("p" + number), new SellerId("s1"), SHIPPING_LIMIT,
                Money.brl(price), Money.brl(freight));
    }

    static Payment payment(int sequential, String value) {
        return new Payment(sequential, PaymentType.CREDIT_CARD, 1, Money.brl(value));
    }

    static Review review(String id, int score, LocalDateTime createdAt, LocalDateTime answeredAt) {
        return new Review(id, new ReviewScore(score), createdAt, answeredAt);
    }

    static Order placed() {
        return Order.place(ORDER, CUSTOMER, PERSON, PURCHASE, ESTIMATE);
    }

    /** The fixture order taken through its whole life by commands. */
    static Order deliveredByCommands() {
        Order order = placed();
        order.addItem(item(1, "29.99", "8.72"));
        order.addPayment(payment(1, "38.71"));
        order.approve(APPROVAL);
        order.invoice();
        order.ship(CARRIER);
        order.deliver(DELIVERY);
        order.submitReview(review("r1", 5, REVIEW_CREATED, REVIEW_ANSWERED));
        return order;
    }

    static ItemRecord itemLine(int number, String price, String freight) {
        return new ItemRecord(number, "p" + number, "s1", SHIPPING_LIMIT, decimal(price), decimal(freight));
    }

    static PaymentRecord paymentLine(int sequential, String type, int installments, String value) {
        return new PaymentRecord(sequential, type, installments, decimal(value));
    }

    static ReviewRecord reviewLine(String id, int score, LocalDateTime createdAt, LocalDateTime answeredAt) {
        return new ReviewRecord(id, score, createdAt, answeredAt);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** A record of the fixture order as delivered, to be changed field by field. */
    static RecordBuilder deliveredRecord() {
        return new RecordBuilder();
    }

    static final class RecordBuilder {
        private String orderId = ORDER.value();
        private String customerId = CUSTOMER.value();
        private String customerUniqueId = PERSON.value();
        private String status = "delivered";
        private LocalDateTime purchasedAt = PURCHASE;
        private LocalDateTime approvedAt = APPROVAL;
        private LocalDateTime handedToCarrierAt = CARRIER;
        private LocalDateTime deliveredAt = DELIVERY;
        private LocalDateTime estimatedDeliveryAt = ESTIMATE;
        private List<ItemRecord> items = new ArrayList<>(List.of(itemLine(1, "29.99", "8.72")));
        private List<PaymentRecord> payments = new ArrayList<>(List.of(paymentLine(1, "credit_card", 1, "38.71")));
        private List<ReviewRecord> reviews = new ArrayList<>(List.of(reviewLine("r1", 5, REVIEW_CREATED, REVIEW_ANSWERED)));

        RecordBuilder orderId(String value) {
            orderId = value;
            return this;
        }

        RecordBuilder customerId(String value) {
            customerId = value;
            return this;
        }

        RecordBuilder customerUniqueId(String value) {
            customerUniqueId = value;
            return this;
        }

        RecordBuilder status(String value) {
            status = value;
            return this;
        }

        RecordBuilder purchasedAt(LocalDateTime value) {
            purchasedAt = value;
            return this;
        }

        RecordBuilder approvedAt(LocalDateTime value) {
            approvedAt = value;
            return this;
        }

        RecordBuilder handedToCarrierAt(LocalDateTime value) {
            handedToCarrierAt = value;
            return this;
        }

        RecordBuilder deliveredAt(LocalDateTime value) {
            deliveredAt = value;
            return this;
        }

        RecordBuilder estimatedDeliveryAt(LocalDateTime value) {
            estimatedDeliveryAt = value;
            return this;
        }

        RecordBuilder items(ItemRecord... lines) {
            items = List.of(lines);
            return this;
        }

        RecordBuilder payments(PaymentRecord... lines) {
            payments = List.of(lines);
            return this;
        }

        RecordBuilder reviews(ReviewRecord... lines) {
            reviews = List.of(lines);
            return this;
        }

        OrderRecord build() {
            return new OrderRecord(orderId, customerId, customerUniqueId, status, purchasedAt, approvedAt,
                    handedToCarrierAt, deliveredAt, estimatedDeliveryAt, items, payments, reviews);
        }

        Order reconstitute() {
            return Order.reconstitute(build());
        }
    }
}
