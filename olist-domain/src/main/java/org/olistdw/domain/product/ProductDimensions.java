package org.olistdw.domain.product;

import java.math.BigDecimal;

/**
 * The packaged measures of a product, as the seller declared them. A product weighing 0 g exists in the
 * real data, so zero is accepted; negative measures are not.
 *
 * @param weightGrams {@code product_weight_g}, 0 or more
 * @param lengthCm    {@code product_length_cm}, 0 or more
 * @param heightCm    {@code product_height_cm}, 0 or more
 * @param widthCm     {@code product_width_cm}, 0 or more
 */
public record ProductDimensions(int weightGrams, int lengthCm, int heightCm, int widthCm) {

    public ProductDimensions {
        requireNotNegative("weight", weightGrams);
        requireNotNegative("length", lengthCm);
        requireNotNegative("height", heightCm);
        requireNotNegative("width", widthCm);
    }

    private static void requireNotNegative(String measure, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("product " + measure + " must not be negative, was " + value);
        }
    }

    /** The volume of the package in cubic centimetres: length × height × width, exact. */
    public long volumeCm3() {
        return (long) lengthCm * heightCm * widthCm;
    }

    /** The weight in kilograms, exact (three decimals), e.g. 1 250 g is {@code 1.250}. */
    public BigDecimal weightKg() {
        return BigDecimal.valueOf(weightGrams, 3);
    }
}
