package org.olistdw.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.product.ProductDimensions;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.Money;

class FreightEstimateTest {

    @Test
    void a_light_small_item_within_a_state_pays_the_base_fee() {
        // 500 g -> 0.500 kg; 20 x 10 x 10 = 2000 cm3 / 6000 = 0.333 kg; billable 0.500 kg;
        // 1 started kilogram, none after the first: BRL 10.00
        FreightQuote quote = FreightEstimate.quote(new ProductDimensions(500, 20, 10, 10), BrazilianState.SP,
                BrazilianState.SP);

        assertThat(quote.route()).isEqualTo(Route.SAME_STATE);
        assertThat(quote.billableWeightKg()).isEqualTo(new BigDecimal("0.500"));
        assertThat(quote.amount()).isEqualTo(Money.brl("10.00"));
    }

    @Test
    void a_heavy_item_within_a_region_pays_each_started_kilogram_after_the_first() {
        // 2300 g -> 2.300 kg; 30 x 20 x 20 = 12000 cm3 / 6000 = 2.000 kg; billable 2.300 kg;
        // 3 started kilograms, 2 after the first: 15.00 + 2 x 2.50 = BRL 20.00 (SP -> RJ, both Sudeste)
        FreightQuote quote = FreightEstimate.quote(new ProductDimensions(2300, 30, 20, 20), BrazilianState.SP,
                BrazilianState.RJ);

        assertThat(quote.route()).isEqualTo(Route.SAME_REGION);
        assertThat(quote.billableWeightKg()).isEqualTo(new BigDecimal("2.300"));
        assertThat(quote.amount()).isEqualTo(Money.brl("20.00"));
    }

    @Test
    void a_bulky_light_item_to_another_region_pays_for_its_cubic_weight() {
        // 800 g -> 0.800 kg; 60 x 50 x 40 = 120000 cm3 / 6000 = 20.000 kg; billable 20.000 kg;
        // 20 started kilograms, 19 after the first: 22.00 + 19 x 4.00 = BRL 98.00 (SP Sudeste -> BA Nordeste)
        FreightQuote quote = FreightEstimate.quote(new ProductDimensions(800, 60, 50, 40), BrazilianState.SP,
                BrazilianState.BA);

        assertThat(quote.route()).isEqualTo(Route.OTHER_REGION);
        assertThat(quote.billableWeightKg()).isEqualTo(new BigDecimal("20.000"));
        assertThat(quote.amount()).isEqualTo(Money.brl("98.00"));
    }

    @Test
    void exactly_one_kilogram_is_the_first_kilogram_and_one_gram_more_starts_the_second() {
        // 1000 g: 1 started kilogram -> BRL 10.00; 1001 g: 2 started -> 10.00 + 1 x 1.50 = BRL 11.50
        ProductDimensions oneKilogram = new ProductDimensions(1000, 10, 10, 10);
        ProductDimensions oneGramMore = new ProductDimensions(1001, 10, 10, 10);

        assertThat(FreightEstimate.quote(oneKilogram, BrazilianState.MG, BrazilianState.MG).amount())
                .isEqualTo(Money.brl("10.00"));
        assertThat(FreightEstimate.quote(oneGramMore, BrazilianState.MG, BrazilianState.MG).amount())
                .isEqualTo(Money.brl("11.50"));
    }

    @Test
    void started_kilograms_count_from_the_exact_cubic_weight() {
        // 0 g; 23 x 29 x 9 = 6003 cm3 / 6000 = 1.0005 kg, quoted 1.001 kg (half up);
        // just over 1 kg: 2 started kilograms, 1 after the first: 22.00 + 4.00 = BRL 26.00 (MG Sudeste -> PR Sul)
        FreightQuote quote = FreightEstimate.quote(new ProductDimensions(0, 23, 29, 9), BrazilianState.MG,
                BrazilianState.PR);

        assertThat(quote.billableWeightKg()).isEqualTo(new BigDecimal("1.001"));
        assertThat(quote.amount()).isEqualTo(Money.brl("26.00"));
    }

    @Test
    void an_item_with_no_weight_nor_volume_pays_the_base_fee() {
        // 0 g and 0 cm3: 0 started kilograms, none after the first: BRL 15.00 (DF -> GO, both Centro-Oeste)
        FreightQuote quote = FreightEstimate.quote(new ProductDimensions(0, 0, 0, 0), BrazilianState.DF,
                BrazilianState.GO);

        assertThat(quote.route()).isEqualTo(Route.SAME_REGION);
        assertThat(quote.billableWeightKg()).isEqualTo(new BigDecimal("0.000"));
        assertThat(quote.amount()).isEqualTo(Money.brl("15.00"));
    }

    @Test
    void the_route_is_same_state_else_same_region_else_other_region() {
        assertThat(Route.between(BrazilianState.AM, BrazilianState.AM)).isEqualTo(Route.SAME_STATE);
        assertThat(Route.between(BrazilianState.AM, BrazilianState.PA)).isEqualTo(Route.SAME_REGION);
        assertThat(Route.between(BrazilianState.RS, BrazilianState.AM)).isEqualTo(Route.OTHER_REGION);
        assertThat(Route.between(BrazilianState.AM, BrazilianState.RS)).isEqualTo(Route.OTHER_REGION);
    }

    @Test
    void a_quote_rejects_a_negative_billable_weight() {
        assertThatThrownBy(() -> new FreightQuote(Money.brl("10.00"), new BigDecimal("-0.100"), Route.SAME_STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billable weight must not be negative, was -0.100 kg");
    }

    @Test
    void a_quote_rejects_a_negative_amount() {
        assertThatThrownBy(() -> new FreightQuote(Money.brl("-1.00"), BigDecimal.ONE, Route.SAME_STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("freight must not be negative, was BRL -1.00");
    }
}
