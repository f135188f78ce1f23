package org.olistdw.domain.delivery;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * When a delivery is late: it reached the customer on a later calendar day than the estimated date, more than
 * {@link #graceDays()} days after it (no grace: the day after is late). Only calendar days count, not hours:
 * delivered on the estimated day at any hour is on time, a minute past midnight after it is late. Unknown
 * while either date is missing.
 *
 * <p>The rule is stated here once. {@link Delivery#isLate()} applies it to an aggregate; the warehouse applies it
 * to rows ({@code is_late}) through SQL that the analytical adapter generates from {@link #graceDays()} when a
 * build starts, so the two cannot drift apart.
 */
public final class LatenessRule {

    private static final int GRACE_DAYS = 0;

    private LatenessRule() {
    }

    /** Calendar days after the estimated date on which a delivery still counts as on time: none. */
    public static int graceDays() {
        return GRACE_DAYS;
    }

    /**
     * Whether a delivery that reached its customer at {@code deliveredAt}, promised for {@code estimatedAt}, is
     * late; empty when either is missing.
     */
    public static Optional<Boolean> isLate(LocalDateTime deliveredAt, LocalDateTime estimatedAt) {
        if (deliveredAt == null || estimatedAt == null) {
            return Optional.empty();
        }
        return Optional.of(deliveredAt.toLocalDate().isAfter(estimatedAt.toLocalDate().plusDays(GRACE_DAYS)));
    }
}
