package org.olistdw.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency, always with two decimal places (centavos for BRL).
 *
 * <p>Invariants: the amount has scale 2 and is never rounded silently (an amount with more than two
 * significant decimals is rejected); arithmetic between two amounts requires the same currency and
 * otherwise throws. Amounts may be negative (a difference between payments and items can be); entities
 * that forbid negative amounts say so themselves.
 *
 * @param amount   the amount, scale 2
 * @param currency the currency; the marketplace trades in {@link #BRL}
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Brazilian real, the marketplace's currency. */
    public static final Currency BRL = Currency.getInstance("BRL");

    /** Zero reais. */
    public static final Money ZERO_BRL = new Money(BigDecimal.ZERO, BRL);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException("money must have at most 2 decimal places, was "
                    + amount.toPlainString() + " " + currency.getCurrencyCode());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An amount of reais, e.g. {@code Money.brl("129.90")}. */
    public static Money brl(String amount) {
        return new Money(new BigDecimal(Objects.requireNonNull(amount, "amount")), BRL);
    }

    /** An amount of reais. */
    public static Money brl(BigDecimal amount) {
        return new Money(amount, BRL);
    }

    /** An amount of reais given in centavos, e.g. {@code brlCents(12990)} is BRL 129.90. */
    public static Money brlCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), BRL);
    }

    /** Zero in {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** This amount plus {@code other}; both must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount minus {@code other}; both must be in the same currency. The result may be negative. */
    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount multiplied by a whole number, e.g. a unit price times a quantity. */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** The amount in the smallest unit (centavos), exact. */
    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is above zero. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** The absolute distance between two amounts in the same currency. */
    public Money distanceTo(Money other) {
        requireSameCurrency(other, "compare");
        return new Money(amount.subtract(other.amount).abs(), currency);
    }

    /** Orders by amount; both must be in the same currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other, String operation) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot " + operation + " " + other + " and " + this
                    + ": money in different currencies does not mix");
        }
    }

    /** For example {@code BRL 129.90}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
