package org.olistdw.domain.order;

/**
 * The score a customer gives an order in a review: a whole number of stars from 1 to 5.
 *
 * <p>Invariant: {@code 1 <= value <= 5}; any other value is rejected on construction
 * ({@link OrderRule#REVIEW_SCORE_IN_RANGE}).
 *
 * @param value the number of stars, 1..5
 */
public record ReviewScore(int value) {

    /** The lowest score. */
    public static final int MIN = 1;

    /** The highest score. */
    public static final int MAX = 5;

    /**
     * @throws IllegalArgumentException naming the value when it is not 1..5, e.g.
     *                                  {@code review score must be 1..5, was 7}
     */
    public ReviewScore {
        if (!accepts(value)) {
            throw new IllegalArgumentException("review score must be " + MIN + ".." + MAX + ", was " + value);
        }
    }

    /** Whether {@code value} is a score: the one statement of {@link OrderRule#REVIEW_SCORE_IN_RANGE}. */
    static boolean accepts(int value) {
        return value >= MIN && value <= MAX;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
