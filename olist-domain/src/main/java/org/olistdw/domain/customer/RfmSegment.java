package org.olistdw.domain.customer;

import java.util.Locale;

/**
 * The named RFM segments, each defined by its recency (r), frequency (f) and monetary (m) scores; a
 * person belongs to the first segment whose condition holds, in declaration order.
 */
public enum RfmSegment {
    /** r ≥ 4, f ≥ 4 and m ≥ 4: recent, frequent, big spenders. */
    CHAMPIONS,
    /** f ≥ 4: buy often. */
    LOYAL,
    /** r ≥ 4 and f ≤ 2: bought recently, rarely so far. */
    NEW,
    /** r ≤ 2 and f ≥ 3: used to buy often, not lately. */
    AT_RISK,
    /** r ≤ 2 and f ≤ 2: bought rarely, long ago. */
    HIBERNATING,
    /** Everyone else. */
    POTENTIAL;

    /** The segment of the scores {@code r}, {@code f}, {@code m} (each 1..5). */
    public static RfmSegment of(int r, int f, int m) {
        if (r >= 4 && f >= 4 && m >= 4) {
            return CHAMPIONS;
        }
        if (f >= 4) {
            return LOYAL;
        }
        if (r >= 4 && f <= 2) {
            return NEW;
        }
        if (r <= 2 && f >= 3) {
            return AT_RISK;
        }
        if (r <= 2) {
            return HIBERNATING;
        }
        return POTENTIAL;
    }

    /** The lower-case name written in the warehouse, e.g. {@code at_risk}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
