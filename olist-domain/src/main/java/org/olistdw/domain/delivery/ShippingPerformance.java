package org.olistdw.domain.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.olistdw.domain.shared.BrazilianState;

/**
 * How well orders reach their customers: counts, on-time rate and delivery times of a set of
 * {@link Delivery deliveries}, overall or per destination state.
 *
 * <p>Rules:
 * <ul>
 *   <li>Only delivered orders count ({@link Delivery#isDelivered()}); the others are left out entirely.</li>
 *   <li>Late and on time follow {@link Delivery#isLate()}: delivered on a later calendar day than the
 *       estimated date is late, on or before it is on time; a delivery without an estimate is neither
 *       and is left out of the on-time rate and of the average days versus estimate.</li>
 *   <li>On-time rate = on time / (on time + late), rounded half up to 4 decimals; empty when no delivery
 *       has a known lateness.</li>
 *   <li>Averages are arithmetic means of whole calendar days ({@link Delivery#daysToDeliver()},
 *       {@link Delivery#daysVersusEstimate()}), rounded half up (away from zero) to 2 decimals; empty
 *       when there is nothing to average.</li>
 *   <li>The 90th percentile of days to deliver is the nearest rank: of the n values in ascending order,
 *       the one at rank ⌈0.9 × n⌉ (1-based) — always a value that occurred, so it can differ from an
 *       interpolated percentile.</li>
 *   <li>Per destination, deliveries whose destination is unknown are left out of the map (they still
 *       count in the overall summary).</li>
 * </ul>
 *
 * <p>Memory is bounded by the number of distinct day counts, not the number of deliveries, so a stream
 * of millions of deliveries can be summarised in one pass.
 */
public final class ShippingPerformance {

    private ShippingPerformance() {
    }

    /** The summary of every delivered order among {@code deliveries}. */
    public static Summary summarise(Iterable<Delivery> deliveries) {
        Objects.requireNonNull(deliveries, "deliveries");
        Accumulator accumulator = new Accumulator();
        deliveries.forEach(accumulator::add);
        return accumulator.summary();
    }

    /** The summary of every delivered order of the stream, which this consumes (but does not close). */
    public static Summary summarise(Stream<Delivery> deliveries) {
        Objects.requireNonNull(deliveries, "deliveries");
        return summarise(deliveries::iterator);
    }

    /**
     * One summary per destination state with at least one delivered order, in state order; deliveries
     * with an unknown destination are left out. Unmodifiable.
     */
    public static Map<BrazilianState, Summary> byDestination(Iterable<Delivery> deliveries) {
        Objects.requireNonNull(deliveries, "deliveries");
        Map<BrazilianState, Accumulator> accumulators = new EnumMap<>(BrazilianState.class);
        for (Delivery delivery : deliveries) {
            if (delivery.isDelivered()) {
                delivery.destination().ifPresent(state ->
                        accumulators.computeIfAbsent(state, ignored -> new Accumulator()).add(delivery));
            }
        }
        Map<BrazilianState, Summary> summaries = new EnumMap<>(BrazilianState.class);
        accumulators.forEach((state, accumulator) -> summaries.put(state, accumulator.summary()));
        return Collections.unmodifiableMap(summaries);
    }

    /** As {@link #byDestination(Iterable)}, consuming (but not closing) the stream. */
    public static Map<BrazilianState, Summary> byDestination(Stream<Delivery> deliveries) {
        Objects.requireNonNull(deliveries, "deliveries");
        return byDestination(deliveries::iterator);
    }

    /**
     * The shipping performance of a set of delivered orders, under the rules of {@link ShippingPerformance}.
     *
     * @param delivered                 delivered orders
     * @param onTime                    of those, delivered on or before the estimated day
     * @param late                      of those, delivered after the estimated day
     * @param onTimeRate                on time / (on time + late), 0..1 with 4 decimals; empty when both are 0
     * @param averageDaysToDeliver      mean calendar days purchase → delivery, 2 decimals; empty when none delivered
     * @param averageDaysVersusEstimate mean calendar days estimate → delivery (negative: early), 2 decimals;
     *                                  empty when no delivered order has an estimate
     * @param p90DaysToDeliver          nearest-rank 90th percentile of the days purchase → delivery; empty
     *                                  when none delivered
     */
    public record Summary(long delivered, long onTime, long late, Optional<BigDecimal> onTimeRate,
                          Optional<BigDecimal> averageDaysToDeliver, Optional<BigDecimal> averageDaysVersusEstimate,
                          OptionalLong p90DaysToDeliver) {

        public Summary {
            Objects.requireNonNull(onTimeRate, "on-time rate");
            Objects.requireNonNull(averageDaysToDeliver, "average days to deliver");
            Objects.requireNonNull(averageDaysVersusEstimate, "average days versus estimate");
            Objects.requireNonNull(p90DaysToDeliver, "p90 days to deliver");
            if (delivered < 0 || onTime < 0 || late < 0) {
                throw new IllegalArgumentException("shipping counts must not be negative, were delivered "
                        + delivered + ", on time " + onTime + ", late " + late);
            }
            if (onTime + late > delivered) {
                throw new IllegalArgumentException("on time " + onTime + " + late " + late
                        + " must not exceed delivered " + delivered);
            }
            onTimeRate.ifPresent(rate -> {
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("on-time rate must be 0..1, was " + rate);
                }
            });
        }

        /** Delivered orders whose lateness is unknown: they have no estimated delivery date. */
        public long withoutEstimate() {
            return delivered - onTime - late;
        }
    }

    /** Running totals of delivered orders, with a histogram of days to deliver for the percentile. */
    private static final class Accumulator {

        private long delivered;
        private long onTime;
        private long late;
        private long daysToDeliverSum;
        private long daysVersusEstimateSum;
        private long withEstimate;
        private final TreeMap<Long, Long> daysToDeliverCounts = new TreeMap<>();

        void add(Delivery delivery) {
            if (!delivery.isDelivered()) {
                return;
            }
            delivered++;
            long daysToDeliver = delivery.daysToDeliver().getAsLong();
            daysToDeliverSum += daysToDeliver;
            daysToDeliverCounts.merge(daysToDeliver, 1L, Long::sum);
            delivery.isLate().ifPresent(isLate -> {
                if (isLate) {
                    late++;
                } else {
                    onTime++;
                }
            });
            delivery.daysVersusEstimate().ifPresent(days -> {
                withEstimate++;
                daysVersusEstimateSum += days;
            });
        }

        Summary summary() {
            return new Summary(delivered, onTime, late, ratio(onTime, onTime + late, 4),
                    ratio(daysToDeliverSum, delivered, 2), ratio(daysVersusEstimateSum, withEstimate, 2),
                    nearestRank90());
        }

        private static Optional<BigDecimal> ratio(long numerator, long denominator, int scale) {
            if (denominator == 0) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale,
                    RoundingMode.HALF_UP));
        }

        private OptionalLong nearestRank90() {
            if (delivered == 0) {
                return OptionalLong.empty();
            }
            long rank = (9 * delivered + 9) / 10;
            long seen = 0;
            for (Map.Entry<Long, Long> count : daysToDeliverCounts.entrySet()) {
                seen += count.getValue();
                if (seen >= rank) {
                    return OptionalLong.of(count.getKey());
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + delivered + " deliveries");
        }
    }
}
