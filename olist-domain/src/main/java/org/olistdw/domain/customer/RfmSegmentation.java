package org.olistdw.domain.customer;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Scores people on recency, frequency and monetary value (RFM) and names their segment; the rules of
 * the customer analytics mart.
 *
 * <p>Rules:
 * <ul>
 *   <li>The reference date is the day after the latest {@link CustomerActivity#lastOrderDate()} of all
 *       the people fitted; a person's recency is the number of days from their last order date to it
 *       (1 for the most recent people).</li>
 *   <li>On each measure — recency (fewer days is better), frequency (more orders is better), monetary
 *       (more revenue is better) — {@code worse} is the number of fitted people strictly worse than the
 *       person; equal values therefore always get equal scores.</li>
 *   <li>The score is {@code 1} when one person was fitted, else {@code min(5, 1 + (5 × worse) / (people − 1))}
 *       in integer arithmetic, i.e. {@code 1 + floor(5 × percent rank)}, capped at 5; 5 is best.</li>
 *   <li>The segment is {@link RfmSegment#of(int, int, int)} of the three scores.</li>
 * </ul>
 *
 * <p>Built by a {@link Fitter} that keeps only three primitive numbers per person (last order day,
 * orders, revenue in cents), so millions of people fit in bounded memory; scoring a person is three
 * binary searches. Instances are immutable and safe to share between threads.
 */
public final class RfmSegmentation {

    private static final int MAX_PEOPLE = Integer.MAX_VALUE - 8;

    private final LocalDate referenceDate;
    private final Currency currency;
    private final long[] lastOrderDaysAscending;
    private final long[] ordersAscending;
    private final long[] revenueCentsAscending;

    private RfmSegmentation(LocalDate referenceDate, Currency currency, long[] lastOrderDays, long[] orders,
                            long[] revenueCents) {
        this.referenceDate = referenceDate;
        this.currency = currency;
        this.lastOrderDaysAscending = lastOrderDays;
        this.ordersAscending = orders;
        this.revenueCentsAscending = revenueCents;
    }

    /** A fitter with no one added yet. */
    public static Fitter fitter() {
        return new Fitter();
    }

    /**
     * The segments of {@code activities}, in the same order, each scored against all of them. Meant for
     * inputs that fit in memory; for large ones, stream through a {@link #fitter()} and then
     * {@link #segment(CustomerActivity)}.
     *
     * @throws IllegalStateException when {@code activities} is empty
     */
    public static List<CustomerSegment> segmentAll(List<CustomerActivity> activities) {
        Objects.requireNonNull(activities, "activities");
        Fitter fitter = fitter();
        activities.forEach(fitter::add);
        RfmSegmentation segmentation = fitter.fit();
        return activities.stream().map(segmentation::segment).toList();
    }

    /** The day recency is measured to: the day after the latest last order date fitted. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /** The number of people fitted, at least 1. */
    public long people() {
        return ordersAscending.length;
    }

    /**
     * The scores and segment of {@code activity} against the fitted people. For a person who was fitted
     * this is their segment under the rules above. Any other activity is scored as if it were compared
     * with the fitted people without joining them: {@code worse} counts fitted people only, and a value
     * better than everyone's scores 5. Its recency days are still measured to {@link #referenceDate()},
     * so they are zero or negative for a last order on or after it.
     *
     * @throws IllegalArgumentException when the revenue is in another currency than the fitted one
     */
    public CustomerSegment segment(CustomerActivity activity) {
        Objects.requireNonNull(activity, "activity");
        requireCurrency(currency, activity);
        long lastOrderDay = activity.lastOrderDate().toEpochDay();
        long recencyDays = referenceDate.toEpochDay() - lastOrderDay;
        int recency = score(countBelow(lastOrderDaysAscending, lastOrderDay));
        int frequency = score(countBelow(ordersAscending, activity.orders()));
        int monetary = score(countBelow(revenueCentsAscending, activity.revenue().cents()));
        return new CustomerSegment(activity.person(), referenceDate, recencyDays, recency, frequency, monetary,
                RfmSegment.of(recency, frequency, monetary));
    }

    private int score(long worse) {
        long people = people();
        if (people == 1) {
            return 1;
        }
        return (int) Math.min(5, 1 + (5 * worse) / (people - 1));
    }

    /** How many values of the ascending array are strictly below {@code value}: its first index not below. */
    private static long countBelow(long[] ascending, long value) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static void requireCurrency(Currency expected, CustomerActivity activity) {
        Currency actual = activity.revenue().currency();
        if (expected != null && !expected.equals(actual)) {
            throw new IllegalArgumentException("customer " + activity.person() + ": revenue must be in "
                    + expected.getCurrencyCode() + " like everyone's, was " + activity.revenue());
        }
    }

    /**
     * Collects the measures of people one at a time, then {@link #fit()}s a segmentation. Each person is
     * to be added once: the fitter keeps no identities, so it cannot tell a person added twice from two
     * people. Memory: three {@code long}s per person in arrays that grow by half when full. Not safe for
     * use by several threads at once.
     */
    public static final class Fitter {

        private long[] lastOrderDays = new long[16];
        private long[] orders = new long[16];
        private long[] revenueCents = new long[16];
        private int size;
        private long latestOrderDay = Long.MIN_VALUE;
        private Currency currency;

        private Fitter() {
        }

        /**
         * Adds one person's activity.
         *
         * @throws IllegalArgumentException when the revenue is in another currency than the people added before
         * @throws IllegalStateException    when more people are added than an array can hold
         */
        public void add(CustomerActivity activity) {
            Objects.requireNonNull(activity, "activity");
            requireCurrency(currency, activity);
            if (size == lastOrderDays.length) {
                grow();
            }
            long lastOrderDay = activity.lastOrderDate().toEpochDay();
            lastOrderDays[size] = lastOrderDay;
            orders[size] = activity.orders();
            revenueCents[size] = activity.revenue().cents();
            size++;
            latestOrderDay = Math.max(latestOrderDay, lastOrderDay);
            currency = activity.revenue().currency();
        }

        /** The number of people added so far. */
        public long people() {
            return size;
        }

        /**
         * The segmentation of the people added so far. The fitter stays usable: people added afterwards
         * only count in a later fit.
         *
         * @throws IllegalStateException when no one was added
         */
        public RfmSegmentation fit() {
            if (size == 0) {
                throw new IllegalStateException("RFM segmentation needs at least one person, was 0");
            }
            return new RfmSegmentation(LocalDate.ofEpochDay(latestOrderDay).plusDays(1), currency,
                    sortedCopy(lastOrderDays), sortedCopy(orders), sortedCopy(revenueCents));
        }

        private long[] sortedCopy(long[] values) {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }

        private void grow() {
            if (size >= MAX_PEOPLE) {
                throw new IllegalStateException("RFM segmentation holds at most " + MAX_PEOPLE + " people");
            }
            int capacity = (int) Math.min(MAX_PEOPLE, size + (size >> 1) + 1L);
            lastOrderDays = Arrays.copyOf(lastOrderDays, capacity);
            orders = Arrays.copyOf(orders, capacity);
            revenueCents = Arrays.copyOf(revenueCents, capacity);
        }
    }
}
