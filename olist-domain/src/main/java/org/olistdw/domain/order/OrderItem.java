package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;

/**
 * One line of an {@link Order}: a product sold by a seller, at a price, with its freight.
 *
 * <p>Invariants, checked on construction: the item number is 1 or more; price and freight are in BRL; the
 * price is above zero ({@link OrderRule#ITEM_PRICE_POSITIVE}); the freight is zero or more
 * ({@link OrderRule#ITEM_FREIGHT_NOT_NEGATIVE}). An item is immutable.
 *
 * <p>Identity: an item is identified within its order by its number, so two items are equal when their
 * numbers are; compare items of one order only.
 */
public final class OrderItem {

    private final int itemNumber;
    private final ProductId productId;
    private final SellerId sellerId;
    private final LocalDateTime shippingLimitAt;
    private final Money price;
    private final Money freight;

    /**
     * @param itemNumber      the line's number within the order, 1..n
     * @param productId       the product sold
     * @param sellerId        the seller who sells it
     * @param shippingLimitAt the latest time the seller may hand it to the carrier; null when unknown
     * @param price           the price paid for the product, BRL, above zero
     * @param freight         the freight charged for the line, BRL, zero or more
     * @throws IllegalArgumentException naming the value when an invariant does not hold
     */
    public OrderItem(int itemNumber, ProductId productId, SellerId sellerId, LocalDateTime shippingLimitAt,
                     Money price, Money freight) {
        if (!acceptsNumber(itemNumber)) {
            throw new IllegalArgumentException("item number must be 1 or more, was " + itemNumber);
        }
        this.itemNumber = itemNumber;
        this.productId = Objects.requireNonNull(productId, "product id");
        this.sellerId = Objects.requireNonNull(sellerId, "seller id");
        this.shippingLimitAt = shippingLimitAt;
        this.price = requireBrl(Objects.requireNonNull(price, "price"), "price");
        this.freight = requireBrl(Objects.requireNonNull(freight, "freight"), "freight");
        if (!acceptsPrice(price)) {
            throw new IllegalArgumentException("item " + itemNumber + " price must be above zero, was " + price);
        }
        if (!acceptsFreight(freight)) {
            throw new IllegalArgumentException("item " + itemNumber + " freight must not be negative, was " + freight);
        }
    }

    /** Whether {@code itemNumber} can number an item. */
    static boolean acceptsNumber(int itemNumber) {
        return itemNumber >= 1;
    }

    /** Whether {@code price} can be an item's price: the one statement of {@link OrderRule#ITEM_PRICE_POSITIVE}. */
    static boolean acceptsPrice(Money price) {
        return price.isPositive();
    }

    /** Whether {@code freight} can be an item's freight: the one statement of {@link OrderRule#ITEM_FREIGHT_NOT_NEGATIVE}. */
    static boolean acceptsFreight(Money freight) {
        return !freight.isNegative();
    }

    private Money requireBrl(Money amount, String what) {
        if (!Money.BRL.equals(amount.currency())) {
            throw new IllegalArgumentException("item " + itemNumber + " " + what + " must be in BRL, was " + amount);
        }
        return amount;
    }

    /** The line's number within the order, 1 or more. */
    public int itemNumber() {
        return itemNumber;
    }

    /** The product sold. */
    public ProductId productId() {
        return productId;
    }

    /** The seller who sells it. */
    public SellerId sellerId() {
        return sellerId;
    }

    /** The latest time the seller may hand the item to the carrier, when known. */
    public Optional<LocalDateTime> shippingLimitAt() {
        return Optional.ofNullable(shippingLimitAt);
    }

    /** The price, BRL, above zero. */
    public Money price() {
        return price;
    }

    /** The freight, BRL, zero or more. */
    public Money freight() {
        return freight;
    }

    /** Price plus freight: what the customer pays for this line. */
    public Money total() {
        return price.plus(freight);
    }

    /** Equal when the item numbers are: an item's identity within its order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OrderItem item && item.itemNumber == itemNumber;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(itemNumber);
    }

    /** Every value of the item, e.g. {@code item 1: p1 by s1, price BRL 10.00, freight BRL 2.00, limit 2017-10-06T11:07}. */
    @Override
    public String toString() {
        return "item " + itemNumber + ": " + productId + " by " + sellerId + ", price " + price + ", freight " + freight
                + ", limit " + shippingLimitAt;
    }
}
