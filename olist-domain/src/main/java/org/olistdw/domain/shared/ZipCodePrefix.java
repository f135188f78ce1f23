package org.olistdw.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The first five digits of a Brazilian CEP, the only part the marketplace publishes. Leading zeros are
 * significant ({@code 01310} is São Paulo), so the value is text, never a number.
 *
 * @param value exactly five digits
 */
public record ZipCodePrefix(String value) {

    private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

    public ZipCodePrefix {
        Objects.requireNonNull(value, "zip code prefix");
        if (!FIVE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("zip code prefix must be 5 digits, was '" + value + "'");
        }
    }

    /**
     * A prefix from a number that lost its leading zeros, e.g. {@code 1310} → {@code 01310}.
     *
     * @throws IllegalArgumentException when the number is negative or has more than five digits
     */
    public static ZipCodePrefix ofNumber(int number) {
        if (number < 0 || number > 99_999) {
            throw new IllegalArgumentException("zip code prefix must be 5 digits, was " + number);
        }
        return new ZipCodePrefix(String.format("%05d", number));
    }

    @Override
    public String toString() {
        return value;
    }
}
