package org.olistdw.domain.order;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/**
 * The business rules an {@link Order} enforces. Each is written once, in the aggregate and its entities
 * and value objects; the data quality catalogue derives one quality rule per constant (same name, type,
 * severity, tolerated failure rate and description), so the rule is never written a second time in SQL.
 *
 * <p>The tolerated failure rate is in percent of the orders validated.
 */
public enum OrderRule {
    /** Every item has a price above zero ({@link OrderItem}). */
    ITEM_PRICE_POSITIVE("order_items_price_positive", RuleType.VALIDITY, Severity.CRITICAL, "0",
            "Every item has a price above zero: a free or negative item is corrupt input and would make GMV and revenue wrong."),
    /** Every item's freight is zero or more ({@link OrderItem}). */
    ITEM_FREIGHT_NOT_NEGATIVE("order_items_freight_not_negative", RuleType.VALIDITY, Severity.CRITICAL, "0",
            "Freight is zero (free shipping) or positive: a negative freight is corrupt input and would make revenue wrong."),
    /** Item numbers run 1..n within the order, without gaps or repeats. */
    ITEMS_NUMBERED_FROM_ONE("order_items_numbered_from_one", RuleType.CONSISTENCY, Severity.LOW, "0",
            "An order's items are numbered 1..n without gaps or repeats, so item counts and item numbers agree."),
    /** Every payment is zero or more ({@link Payment}). */
    PAYMENT_VALUE_NOT_NEGATIVE("order_payments_value_not_negative", RuleType.VALIDITY, Severity.CRITICAL, "0",
            "A payment is zero (a handful of vouchers) or positive: a negative amount is corrupt input and would make payment totals wrong."),
    /** Every payment has one of the five payment types and zero or more installments ({@link Payment}). */
    PAYMENT_TYPE_ACCEPTED("order_payments_type_accepted", RuleType.VALIDITY, Severity.MEDIUM, "0",
            "Payment types are the five Olist uses (credit_card, boleto, voucher, debit_card, not_defined), so the payment mix has no unexpected category."),
    /** Every review score is 1..5 ({@link ReviewScore}). */
    REVIEW_SCORE_IN_RANGE("order_reviews_score_between_1_and_5", RuleType.VALIDITY, Severity.HIGH, "0",
            "Review scores lie between 1 and 5, so average scores in the marts mean what they say."),
    /** The status is one of the eight the marketplace uses ({@link OrderStatus}). */
    STATUS_ACCEPTED("orders_status_accepted", RuleType.VALIDITY, Severity.HIGH, "0",
            "Order statuses are the eight Olist uses: an unexpected status would silently count as revenue."),
    /** Approval does not come before the purchase. */
    APPROVED_NOT_BEFORE_PURCHASE("orders_approved_not_before_purchase", RuleType.CONSISTENCY, Severity.LOW, "0.5",
            "An order is approved at or after its purchase; the source is known to have timestamps out of order, so only an unusual share warns."),
    /** The hand-over to the carrier does not come before the purchase. */
    CARRIER_NOT_BEFORE_PURCHASE("orders_carrier_not_before_purchase", RuleType.CONSISTENCY, Severity.MEDIUM, "0.5",
            "An order reaches the carrier at or after its purchase; about 166 real orders (0.17 %) are picked up before, so only a larger share warns."),
    /** The hand-over to the carrier does not come before the approval. */
    CARRIER_NOT_BEFORE_APPROVAL("orders_carrier_not_before_approval", RuleType.CONSISTENCY, Severity.LOW, "3",
            "An order reaches the carrier at or after its approval; over 1 % of real orders are handed over before approval, so only a larger share warns."),
    /** The delivery to the customer does not come before the hand-over to the carrier. */
    DELIVERED_NOT_BEFORE_CARRIER("orders_delivered_not_before_carrier", RuleType.CONSISTENCY, Severity.LOW, "0.5",
            "An order reaches the customer at or after the carrier took it; a few real orders have these out of order, so only an unusual share warns."),
    /** An order with status delivered has the date it reached the customer. */
    DELIVERED_HAS_DELIVERY_DATE("orders_delivered_have_delivery_date", RuleType.COMPLETENESS, Severity.MEDIUM, "0.1",
            "A delivered order has a delivered-customer date; a few real ones (8) lack it and are left out of the delivery measures."),
    /** An order with status shipped or delivered has the date it was handed to the carrier. */
    SHIPPED_HAS_CARRIER_DATE("orders_shipped_have_carrier_date", RuleType.COMPLETENESS, Severity.LOW, "0.5",
            "A shipped or delivered order has the date it was handed to the carrier; a few real ones lack it."),
    /** A canceled or unavailable order never reached the customer. */
    CANCELED_NOT_DELIVERED("orders_canceled_not_delivered", RuleType.CONSISTENCY, Severity.LOW, "0.5",
            "A canceled or unavailable order has no delivery to the customer: the marketplace cannot cancel what was delivered; a few real ones (6) do."),
    /** An order that was shipped or delivered has at least one item. */
    SHIPPED_HAS_ITEMS("orders_shipped_have_items", RuleType.COMPLETENESS, Severity.MEDIUM, "0.1",
            "An order handed to the carrier or delivered has at least one item; one without would be revenue with nothing sold."),
    /** The payments of an order with items add up to its items plus freight, within BRL 1.00. */
    PAYMENTS_MATCH_ITEMS_AND_FREIGHT("orders_payments_match_items_and_freight", RuleType.ACCURACY, Severity.MEDIUM, "25",
            "Measures orders whose payments differ from items plus freight by more than 1 BRL, which vouchers and installment interest make common in the real data (~18 %).");

    private final String code;
    private final RuleType type;
    private final Severity severity;
    private final BigDecimal threshold;
    private final String description;

    OrderRule(String code, RuleType type, Severity severity, String threshold, String description) {
        this.code = code;
        this.type = type;
        this.severity = severity;
        this.threshold = new BigDecimal(threshold);
        this.description = description;
    }

    /** The rule's name, lower snake case, shared with the quality rule derived from it. */
    public String code() {
        return code;
    }

    /** The quality dimension the rule measures. */
    public RuleType type() {
        return type;
    }

    /** What breaking the rule means for publishing. */
    public Severity severity() {
        return severity;
    }

    /** The highest share of validated orders, in percent, that may break the rule before its check fails. */
    public BigDecimal threshold() {
        return threshold;
    }

    /** What the rule protects, for people reading quality results. */
    public String description() {
        return description;
    }

    /** The rule whose {@link #code()} is {@code code}. */
    public static OrderRule ofCode(String code) {
        String wanted = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(rule -> rule.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order rule '" + code + "'"));
    }
}
