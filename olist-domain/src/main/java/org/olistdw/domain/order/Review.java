package org.olistdw.domain.order;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's review of an {@link Order}: a {@link ReviewScore} given at a time, possibly answered.
 *
 * <p>Invariants, checked on construction: the review id is not blank; the score and creation time are
 * present. A review is immutable. The same review id can appear on several orders in the source, so a
 * review is identified within its order: two reviews are equal when their ids are; compare reviews of one
 * order only.
 */
public final class Review {

    private final String reviewId;
    private final ReviewScore score;
    private final LocalDateTime createdAt;
    private final LocalDateTime answeredAt;

    /**
     * @param reviewId   {@code review_id}, not blank
     * @param score      the score given
     * @param createdAt  when the review was created
     * @param answeredAt when the customer's answer was recorded; null when never
     * @throws IllegalArgumentException when the id is blank
     */
    public Review(String reviewId, ReviewScore score, LocalDateTime createdAt, LocalDateTime answeredAt) {
        Objects.requireNonNull(reviewId, "review id");
        if (reviewId.isBlank()) {
            throw new IllegalArgumentException("review id must not be blank, was '" + reviewId + "'");
        }
        this.reviewId = reviewId;
        this.score = Objects.requireNonNull(score, "review score");
        this.createdAt = Objects.requireNonNull(createdAt, "review creation time");
        this.answeredAt = answeredAt;
    }

    /** {@code review_id}, never blank. */
    public String reviewId() {
        return reviewId;
    }

    /** The score given. */
    public ReviewScore score() {
        return score;
    }

    /** When the review was created. */
    public LocalDateTime createdAt() {
        return createdAt;
    }

    /** When the customer's answer was recorded, if it was. */
    public Optional<LocalDateTime> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    /** Equal when the review ids are: a review's identity within its order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Review review && review.reviewId.equals(reviewId);
    }

    @Override
    public int hashCode() {
        return reviewId.hashCode();
    }

    /** Every value of the review, e.g. {@code review r1: 5 created 2018-01-18T00:00, answered 2018-01-18T21:46:59}. */
    @Override
    public String toString() {
        return "review " + reviewId + ": " + score + " created " + createdAt + ", answered " + answeredAt;
    }
}
