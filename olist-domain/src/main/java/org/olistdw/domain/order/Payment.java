package org.olistdw.domain.order;

import java.util.Objects;
import org.olistdw.domain.shared.Money;

/**
 * One payment towards an {@link Order}; an order may be paid in several ({@code payment_sequential}).
 *
 * <p>Invariants, checked on construction: the sequential number is 1 or more; the installments are zero
 * or more ({@link OrderRule#PAYMENT_TYPE_ACCEPTED}); the value is in BRL and zero or more
 * ({@link OrderRule#PAYMENT_VALUE_NOT_NEGATIVE}: a handful of real vouchers are zero). A payment is immutable.
 *
 * <p>Identity: a payment is identified within its order by its sequential number, so two payments are
 * equal when their numbers are; compare payments of one order only.
 */
public final class Payment {

    private final int sequential;
    private final PaymentType type;
    private final int installments;
    private final Money value;

    /**
     * @param sequential   the payment's number within the order, 1 or more
     * @param type         how it was paid
     * @param installments the number of installments, zero or more
     * @param value        the amount paid, BRL, zero or more
     * @throws IllegalArgumentException naming the value when an invariant does not hold
     */
    public Payment(int sequential, PaymentType type, int installments, Money value) {
        if (!acceptsSequential(sequential)) {
            throw new IllegalArgumentException("payment sequential must be 1 or more, was " + sequential);
        }
        this.sequential = sequential;
        this.type = Objects.requireNonNull(type, "payment type");
        if (!acceptsInstallments(installments)) {
            throw new IllegalArgumentException("payment " + sequential + " installments must not be negative, was "
                    + installments);
        }
        this.installments = installments;
        this.value = Objects.requireNonNull(value, "payment value");
        if (!Money.BRL.equals(value.currency())) {
            throw new IllegalArgumentException("payment " + sequential + " value must be in BRL, was " + value);
        }
        if (!acceptsValue(value)) {
            throw new IllegalArgumentException("payment " + sequential + " value must not be negative, was " + value);
        }
    }

    /** Whether {@code sequential} can number a payment. */
    static boolean acceptsSequential(int sequential) {
        return sequential >= 1;
    }

    /** Whether {@code installments} can be a payment's installments: part of {@link OrderRule#PAYMENT_TYPE_ACCEPTED}. */
    static boolean acceptsInstallments(int installments) {
        return installments >= 0;
    }

    /** Whether {@code value} can be a payment's value: the one statement of {@link OrderRule#PAYMENT_VALUE_NOT_NEGATIVE}. */
    static boolean acceptsValue(Money value) {
        return !value.isNegative();
    }

    /** The payment's number within the order, 1 or more. */
    public int sequential() {
        return sequential;
    }

    /** How it was paid. */
    public PaymentType type() {
        return type;
    }

    /** The number of installments, zero or more. */
    public int installments() {
        return installments;
    }

    /** The amount paid, BRL, zero or more. */
    public Money value() {
        return value;
    }

    /** Equal when the sequential numbers are: a payment's identity within its order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Payment payment && payment.sequential == sequential;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(sequential);
    }

    /** Every value of the payment, e.g. {@code payment 1: credit_card x3, BRL 72.19}. */
    @Override
    public String toString() {
        return "payment " + sequential + ": " + type.code() + " x" + installments + ", " + value;
    }
}
