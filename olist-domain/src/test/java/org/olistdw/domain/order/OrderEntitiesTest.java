package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olistdw.domain.order.OrderFixtures.REVIEW_ANSWERED;
import static org.olistdw.domain.order.OrderFixtures.REVIEW_CREATED;
import static org.olistdw.domain.order.OrderFixtures.SHIPPING_LIMIT;
import static org.olistdw.domain.order.OrderFixtures.item;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;

class OrderEntitiesTest {

    private static final ProductId PRODUCT = new ProductId("p1");
    private static final SellerId SELLER = new SellerId("s1");

    @Test
    void an_items_total_is_price_plus_freight() {
        OrderItem item = item(1, "10.00", "2.35");
        assertThat(item.total()).isEqualTo(Money.brl("12.35"));
        assertThat(item.itemNumber()).isEqualTo(1);
        assertThat(item.productId()).isEqualTo(PRODUCT);
        assertThat(item.sellerId()).isEqualTo(SELLER);
        assertThat(item.shippingLimitAt()).contains(SHIPPING_LIMIT);
    }

    @Test
    void an_item_may_ship_for_free_and_have_no_shipping_limit() {
        OrderItem item = new OrderItem(1, PRODUCT, SELLER, null, Money.brl("10.00"), Money.ZERO_BRL);
        assertThat(item.total()).isEqualTo(Money.brl("10.00"));
        assertThat(item.shippingLimitAt()).isEmpty();
    }

    @Test
    void rejects_an_item_number_below_one() {
        assertThatThrownBy(() -> item(0, "10.00", "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item number must be 1 or more, was 0");
    }

    @Test
    void rejects_an_item_price_that_is_not_above_zero() {
        assertThatThrownBy(() -> item(2, "0.00", "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 2 price must be above zero, was BRL 0.00");
        assertThatThrownBy(() -> item(2, "-1.5", "1.00")).hasMessage("item 2 price must be above zero, was BRL -1.50");
    }

    @Test
    void rejects_a_negative_freight() {
        assertThatThrownBy(() -> item(2, "10.00", "-0.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 2 freight must not be negative, was BRL -0.01");
    }

    @Test
    void rejects_an_item_priced_in_another_currency() {
        Money dollars = new Money(new BigDecimal("10.00"), Currency.getInstance("USD"));
        assertThatThrownBy(() -> new OrderItem(1, PRODUCT, SELLER, null, dollars, Money.ZERO_BRL))
                .hasMessage("item 1 price must be in BRL, was USD 10.00");
    }

    @Test
    void rejects_an_item_without_product_or_seller() {
        assertThatThrownBy(() -> new OrderItem(1, null, SELLER, null, Money.brl("1.00"), Money.ZERO_BRL))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderItem(1, PRODUCT, null, null, Money.brl("1.00"), Money.ZERO_BRL))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void items_with_the_same_number_are_the_same_item() {
        assertThat(item(1, "10.00", "1.00")).isEqualTo(item(1, "20.00", "2.00")).hasSameHashCodeAs(item(1, "5.00", "0.00"));
        assertThat(item(1, "10.00", "1.00")).isNotEqualTo(item(2, "10.00", "1.00"));
    }

    @Test
    void a_payment_of_zero_is_accepted() {
        Payment voucher = new Payment(2, PaymentType.VOUCHER, 1, Money.ZERO_BRL);
        assertThat(voucher.value().isZero()).isTrue();
        assertThat(voucher.sequential()).isEqualTo(2);
        assertThat(voucher.type()).isEqualTo(PaymentType.VOUCHER);
        assertThat(voucher.installments()).isEqualTo(1);
        assertThat(new Payment(1, PaymentType.NOT_DEFINED, 0, Money.ZERO_BRL).installments()).isZero();
    }

    @Test
    void rejects_a_negative_payment() {
        assertThatThrownBy(() -> new Payment(1, PaymentType.BOLETO, 1, Money.brl("-0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payment 1 value must not be negative, was BRL -0.01");
    }

    @Test
    void rejects_negative_installments() {
        assertThatThrownBy(() -> new Payment(1, PaymentType.CREDIT_CARD, -1, Money.brl("10.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payment 1 installments must not be negative, was -1");
    }

    @Test
    void rejects_a_payment_sequential_below_one() {
        assertThatThrownBy(() -> new Payment(0, PaymentType.CREDIT_CARD, 1, Money.brl("10.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payment sequential must be 1 or more, was 0");
    }

    @Test
    void rejects_a_payment_in_another_currency_or_without_type() {
        Money euros = new Money(new BigDecimal("3.00"), Currency.getInstance("EUR"));
        assertThatThrownBy(() -> new Payment(1, PaymentType.VOUCHER, 1, euros))
                .hasMessage("payment 1 value must be in BRL, was EUR 3.00");
        assertThatThrownBy(() -> new Payment(1, null, 1, Money.ZERO_BRL)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void payments_with_the_same_sequential_are_the_same_payment() {
        assertThat(new Payment(1, PaymentType.BOLETO, 1, Money.brl("1.00")))
                .isEqualTo(new Payment(1, PaymentType.VOUCHER, 3, Money.brl("2.00")))
                .isNotEqualTo(new Payment(2, PaymentType.BOLETO, 1, Money.brl("1.00")));
    }

    @Test
    void a_review_may_be_unanswered() {
        Review review = new Review("r1", new ReviewScore(4), REVIEW_CREATED, null);
        assertThat(review.answeredAt()).isEmpty();
        assertThat(review.reviewId()).isEqualTo("r1");
        assertThat(review.score()).isEqualTo(new ReviewScore(4));
        assertThat(review.createdAt()).isEqualTo(REVIEW_CREATED);
        assertThat(new Review("r1", new ReviewScore(4), REVIEW_CREATED, REVIEW_ANSWERED).answeredAt())
                .contains(REVIEW_ANSWERED);
    }

    @Test
    void rejects_a_review_with_a_blank_id() {
        assertThatThrownBy(() -> new Review(" ", new ReviewScore(5), REVIEW_CREATED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("review id must not be blank, was ' '");
        assertThatThrownBy(() -> new Review(null, new ReviewScore(5), REVIEW_CREATED, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejects_a_review_without_score_or_creation_time() {
        assertThatThrownBy(() -> new Review("r1", null, REVIEW_CREATED, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Review("r1", new ReviewScore(5), null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void reviews_with_the_same_id_are_the_same_review() {
        assertThat(new Review("r1", new ReviewScore(5), REVIEW_CREATED, null))
                .isEqualTo(new Review("r1", new ReviewScore(1), REVIEW_ANSWERED, null))
                .isNotEqualTo(new Review("r2", new ReviewScore(5), REVIEW_CREATED, null));
    }

    @Test
    void a_customer_id_is_never_blank() {
        assertThat(new CustomerId("c1")).hasToString("c1");
        assertThatThrownBy(() -> new CustomerId(" ")).hasMessage("customer id must not be blank");
        assertThatThrownBy(() -> new CustomerId(null)).isInstanceOf(NullPointerException.class);
    }
}
