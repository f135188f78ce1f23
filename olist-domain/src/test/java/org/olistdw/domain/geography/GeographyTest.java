package org.olistdw.domain.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.ZipCodePrefix;

class GeographyTest {

    private static final ZipCodePrefix SAO_PAULO_PREFIX = new ZipCodePrefix("01037");

    private static Geography at(double latitude, double longitude) {
        return new Geography(SAO_PAULO_PREFIX, "sao paulo", BrazilianState.SP, latitude, longitude);
    }

    @Test
    void a_point_in_sao_paulo_is_in_mainland_brazil() {
        assertThat(at(-23.5456, -46.6393).isInMainlandBrazil()).isTrue();
    }

    @Test
    void a_point_in_lisbon_is_not() {
        assertThat(at(38.7223, -9.1393).isInMainlandBrazil()).isFalse();
    }

    @Test
    void the_extreme_points_themselves_are_inside() {
        assertThat(at(-33.75, -73.99).isInMainlandBrazil()).isTrue();
        assertThat(at(5.27, -34.79).isInMainlandBrazil()).isTrue();
    }

    @Test
    void just_beyond_each_extreme_point_is_outside() {
        assertThat(at(-33.76, -53.0).isInMainlandBrazil()).isFalse();
        assertThat(at(5.28, -60.0).isInMainlandBrazil()).isFalse();
        assertThat(at(-10.0, -74.0).isInMainlandBrazil()).isFalse();
        // Fernando de Noronha, an oceanic island east of the mainland
        assertThat(at(-3.85, -32.42).isInMainlandBrazil()).isFalse();
    }

    @Test
    void rejects_a_latitude_beyond_the_pole() {
        assertThatThrownBy(() -> at(91, -46))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("geography 01037: latitude must be -90..90, was 91.0");
    }

    @Test
    void rejects_a_longitude_beyond_the_antimeridian() {
        assertThatThrownBy(() -> at(-23, -180.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("geography 01037: longitude must be -180..180, was -180.5");
    }

    @Test
    void rejects_a_coordinate_that_is_not_a_number() {
        assertThatThrownBy(() -> at(Double.NaN, -46)).hasMessageContaining("latitude must be -90..90, was NaN");
    }

    @Test
    void rejects_a_blank_city() {
        assertThatThrownBy(() -> new Geography(SAO_PAULO_PREFIX, "  ", BrazilianState.SP, -23.5, -46.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("geography 01037: city must not be blank, was '  '");
    }

    @Test
    void a_geography_is_identified_by_its_prefix_and_reads_as_an_address() {
        Geography geography = at(-23.5456, -46.6393);

        assertThat(geography).isEqualTo(at(-23.0, -46.0)).hasSameHashCodeAs(at(-23.0, -46.0));
        assertThat(geography.address()).isEqualTo(Address.of("01037", "sao paulo", "SP"));
    }
}
