package org.olistdw.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductDimensionsTest {

    @Test
    void rejects_a_negative_weight_naming_it() {
        assertThatThrownBy(() -> new ProductDimensions(-3, 10, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("product weight must not be negative, was -3");
    }

    @Test
    void rejects_each_negative_measure_naming_it() {
        assertThatThrownBy(() -> new ProductDimensions(1, -1, 10, 10)).hasMessage("product length must not be negative, was -1");
        assertThatThrownBy(() -> new ProductDimensions(1, 10, -2, 10)).hasMessage("product height must not be negative, was -2");
        assertThatThrownBy(() -> new ProductDimensions(1, 10, 10, -4)).hasMessage("product width must not be negative, was -4");
    }

    @Test
    void a_product_weighing_nothing_is_accepted() {
        assertThat(new ProductDimensions(0, 16, 2, 11).weightKg()).isEqualTo(new BigDecimal("0.000"));
    }

    @Test
    void the_volume_is_length_times_height_times_width() {
        // 30 x 20 x 10 = 6000 cm3
        assertThat(new ProductDimensions(500, 30, 20, 10).volumeCm3()).isEqualTo(6000);
    }

    @Test
    void the_volume_of_a_huge_package_does_not_overflow() {
        // 2000 x 2000 x 2000 = 8 000 000 000 cm3, beyond an int
        assertThat(new ProductDimensions(1, 2000, 2000, 2000).volumeCm3()).isEqualTo(8_000_000_000L);
    }

    @Test
    void the_weight_in_kilograms_is_exact() {
        // 1250 g / 1000 = 1.250 kg
        assertThat(new ProductDimensions(1250, 1, 1, 1).weightKg()).isEqualTo(new BigDecimal("1.250"));
    }
}
