package org.olistdw.domain.pricing;

import java.util.Objects;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.Money;

/**
 * How far an item travels, as the freight tariff of {@link FreightEstimate} sees it, with the tariff's
 * fees for the route.
 */
public enum Route {
    /** Seller and customer in the same state. */
    SAME_STATE(Money.brl("10.00"), Money.brl("1.50")),
    /** Different states of the same IBGE region. */
    SAME_REGION(Money.brl("15.00"), Money.brl("2.50")),
    /** States of different IBGE regions. */
    OTHER_REGION(Money.brl("22.00"), Money.brl("4.00"));

    private final Money baseFee;
    private final Money feePerExtraKilogram;

    Route(Money baseFee, Money feePerExtraKilogram) {
        this.baseFee = baseFee;
        this.feePerExtraKilogram = feePerExtraKilogram;
    }

    /** The route from {@code origin} to {@code destination}: same state, else same region, else other region. */
    public static Route between(BrazilianState origin, BrazilianState destination) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        if (origin == destination) {
            return SAME_STATE;
        }
        return origin.region() == destination.region() ? SAME_REGION : OTHER_REGION;
    }

    /** The fee for the first kilogram (or less) on this route. */
    public Money baseFee() {
        return baseFee;
    }

    /** The fee for each started kilogram after the first on this route. */
    public Money feePerExtraKilogram() {
        return feePerExtraKilogram;
    }
}
