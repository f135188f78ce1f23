package org.olistdw.domain.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a check needs besides the warehouse.
 *
 * @param asOf              the run's date, for freshness
 * @param trailingRowCounts the target's row counts in the latest successful runs, newest first, for
 *                          volume anomalies (empty when there is no history yet)
 * @param sampleSize        how many offending rows to keep as evidence
 */
public record CheckContext(LocalDate asOf, List<Long> trailingRowCounts, int sampleSize) {

    public CheckContext {
        Objects.requireNonNull(asOf, "asOf");
        trailingRowCounts = List.copyOf(trailingRowCounts);
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must not be negative, was " + sampleSize);
        }
    }
}
