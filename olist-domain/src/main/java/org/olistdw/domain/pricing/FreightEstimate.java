package org.olistdw.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.olistdw.domain.product.ProductDimensions;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.Money;

/**
 * Estimates the freight of one item from its packaged measures and the states it travels between, with
 * a simple tariff that can be explained line by line. It is a yardstick to compare the marketplace's
 * freight values with, not the carriers' real price list.
 *
 * <p>Rules:
 * <ol>
 *   <li>Cubic weight (kg) = length × height × width (cm³) / 6000, the volumetric divisor Brazilian
 *       carriers use; actual weight (kg) = grams / 1000.</li>
 *   <li>Billable weight = the larger of actual and cubic weight; quoted in kilograms rounded half up to
 *       3 decimals (the gram).</li>
 *   <li>Route ({@link Route#between}): same state, else same IBGE region, else other region.</li>
 *   <li>Freight = the route's base fee, which covers the first kilogram — BRL 10.00 same state, 15.00
 *       same region, 22.00 other region — plus, for each <em>started</em> kilogram of billable weight
 *       after the first, BRL 1.50 same state, 2.50 same region, 4.00 other region. Started kilograms are
 *       counted from the exact weights, e.g. 2.001 kg is 3 started kilograms, so 2 after the first.</li>
 *   <li>The amount is rounded half up to centavos.</li>
 * </ol>
 */
public final class FreightEstimate {

    /** Cubic centimetres per kilogram of cubic weight. */
    public static final int VOLUMETRIC_DIVISOR = 6000;

    private static final int GRAMS_PER_KILOGRAM = 1000;

    private FreightEstimate() {
    }

    /** The freight of an item measuring {@code dimensions} sent from {@code origin} to {@code destination}. */
    public static FreightQuote quote(ProductDimensions dimensions, BrazilianState origin, BrazilianState destination) {
        Objects.requireNonNull(dimensions, "dimensions");
        Route route = Route.between(origin, destination);

        BigDecimal actualKg = dimensions.weightKg();
        BigDecimal cubicKg = BigDecimal.valueOf(dimensions.volumeCm3())
                .divide(BigDecimal.valueOf(VOLUMETRIC_DIVISOR), 3, RoundingMode.HALF_UP);
        BigDecimal billableKg = actualKg.max(cubicKg);

        long startedKilograms = Math.max(ceilDiv(dimensions.weightGrams(), GRAMS_PER_KILOGRAM),
                ceilDiv(dimensions.volumeCm3(), VOLUMETRIC_DIVISOR));
        long extraKilograms = Math.max(0, startedKilograms - 1);

        BigDecimal amount = route.baseFee().amount()
                .add(route.feePerExtraKilogram().amount().multiply(BigDecimal.valueOf(extraKilograms)))
                .setScale(2, RoundingMode.HALF_UP);
        return new FreightQuote(Money.brl(amount), billableKg, route);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
