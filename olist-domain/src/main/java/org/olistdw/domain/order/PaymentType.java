package org.olistdw.domain.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a payment was made ({@code payment_type}): the five types the marketplace uses. */
public enum PaymentType {
    /** Credit card, possibly in installments. */
    CREDIT_CARD("credit_card"),
    /** Boleto bancário, a bank payment slip. */
    BOLETO("boleto"),
    /** A voucher. */
    VOUCHER("voucher"),
    /** Debit card. */
    DEBIT_CARD("debit_card"),
    /** The source does not say. */
    NOT_DEFINED("not_defined");

    private final String code;

    PaymentType(String code) {
        this.code = code;
    }

    /** The type as the source writes it, e.g. {@code credit_card}. */
    public String code() {
        return code;
    }

    /**
     * The type whose {@link #code()} is {@code code}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and listing the five accepted codes
     */
    public static PaymentType ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "payment type must be one of " + acceptedCodes() + ", was " + (code == null ? "null" : "'" + code + "'")));
    }

    /** The type for {@code code} as {@link #ofCode} reads it, empty when there is none: {@link OrderRule#PAYMENT_TYPE_ACCEPTED}. */
    static Optional<PaymentType> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.code.equals(wanted)).findFirst();
    }

    /** The accepted codes in declaration order, e.g. {@code credit_card, boleto, ...}. */
    static String acceptedCodes() {
        return Arrays.stream(values()).map(PaymentType::code).collect(Collectors.joining(", "));
    }
}
