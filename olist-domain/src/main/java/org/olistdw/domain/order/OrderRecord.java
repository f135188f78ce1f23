package org.olistdw.domain.order;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An order as the sources describe it, before any business rule is applied: text and numbers exactly
 * as stored, nulls where the source had nothing. {@link Order#reconstitute(OrderRecord)} replays it
 * through the aggregate, which reports what the record breaks.
 *
 * @param orderId           {@code order_id}
 * @param customerId        {@code customer_id}, the per-order customer identity; null when missing
 * @param customerUniqueId  the person behind {@code customer_id}; null when the customer is unknown
 * @param status            {@code order_status} as written, e.g. {@code delivered}
 * @param purchasedAt       {@code order_purchase_timestamp}; null when missing
 * @param approvedAt        {@code order_approved_at}; null when missing
 * @param handedToCarrierAt {@code order_delivered_carrier_date}; null when missing
 * @param deliveredAt       {@code order_delivered_customer_date}; null when missing
 * @param estimatedDeliveryAt {@code order_estimated_delivery_date}; null when missing
 * @param items             the order's item lines, in any order
 * @param payments          the order's payments, in any order
 * @param reviews           the order's reviews, in any order
 */
public record OrderRecord(String orderId, String customerId, String customerUniqueId, String status,
                          LocalDateTime purchasedAt, LocalDateTime approvedAt, LocalDateTime handedToCarrierAt,
                          LocalDateTime deliveredAt, LocalDateTime estimatedDeliveryAt,
                          List<ItemRecord> items, List<PaymentRecord> payments, List<ReviewRecord> reviews) {

    /**
     * Copies the three lists, so a record never changes once made; every other component may be null.
     *
     * @throws NullPointerException when the order id or a list is missing, or a list holds null
     */
    public OrderRecord {
        Objects.requireNonNull(orderId, "order id");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        payments = List.copyOf(Objects.requireNonNull(payments, "payments"));
        reviews = List.copyOf(Objects.requireNonNull(reviews, "reviews"));
    }

    /**
     * One line of {@code olist_order_items_dataset.csv}.
     *
     * @param itemNumber      {@code order_item_id}, 1..n within the order
     * @param productId       {@code product_id}; null when missing
     * @param sellerId        {@code seller_id}; null when missing
     * @param shippingLimitAt {@code shipping_limit_date}; null when missing
     * @param price           {@code price}, BRL; null when missing
     * @param freight         {@code freight_value}, BRL; null when missing
     */
    public record ItemRecord(int itemNumber, String productId, String sellerId, LocalDateTime shippingLimitAt,
                             BigDecimal price, BigDecimal freight) {
    }

    /**
     * One line of {@code olist_order_payments_dataset.csv}.
     *
     * @param sequential   {@code payment_sequential}, 1..n within the order
     * @param type         {@code payment_type} as written, e.g. {@code credit_card}
     * @param installments {@code payment_installments}
     * @param value        {@code payment_value}, BRL; null when missing
     */
    public record PaymentRecord(int sequential, String type, int installments, BigDecimal value) {
    }

    /**
     * One line of {@code olist_order_reviews_dataset.csv} for this order.
     *
     * @param reviewId   {@code review_id}
     * @param score      {@code review_score}
     * @param createdAt  {@code review_creation_date}; null when missing
     * @param answeredAt {@code review_answer_timestamp}; null when missing
     */
    public record ReviewRecord(String reviewId, int score, LocalDateTime createdAt, LocalDateTime answeredAt) {
    }
}
