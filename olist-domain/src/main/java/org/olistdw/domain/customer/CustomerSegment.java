package org.olistdw.domain.customer;

import java.time.LocalDate;
import java.util.Objects;
import org.olistdw.domain.shared.CustomerUniqueId;

/**
 * One person's RFM scores and segment, as computed by {@link RfmSegmentation}.
 *
 * @param person         the person
 * @param referenceDate  the day recency is measured to
 * @param recencyDays    days from their last counted purchase to the reference date
 * @param recencyScore   1..5, 5 = most recent
 * @param frequencyScore 1..5, 5 = most orders
 * @param monetaryScore  1..5, 5 = most revenue
 * @param segment        the named segment of the three scores
 */
public record CustomerSegment(CustomerUniqueId person, LocalDate referenceDate, long recencyDays,
                              int recencyScore, int frequencyScore, int monetaryScore, RfmSegment segment) {

    public CustomerSegment {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(referenceDate, "reference date");
        Objects.requireNonNull(segment, "segment");
        requireScore("recency", recencyScore);
        requireScore("frequency", frequencyScore);
        requireScore("monetary", monetaryScore);
        if (segment != RfmSegment.of(recencyScore, frequencyScore, monetaryScore)) {
            throw new IllegalArgumentException("customer " + person + ": scores " + recencyScore + frequencyScore
                    + monetaryScore + " make segment " + RfmSegment.of(recencyScore, frequencyScore, monetaryScore)
                    + ", not " + segment);
        }
    }

    private static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score must be 1..5, was " + score);
        }
    }

    /** The three scores as one code, recency first, e.g. {@code 545}. */
    public String rfmScore() {
        return "" + recencyScore + frequencyScore + monetaryScore;
    }
}
