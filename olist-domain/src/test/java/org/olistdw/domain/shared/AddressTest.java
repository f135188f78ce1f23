package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void reads_an_address_from_source_text() {
        Address address = Address.of("01310", " sao paulo ", "sp");
        assertThat(address.zipCodePrefix()).isEqualTo(new ZipCodePrefix("01310"));
        assertThat(address.city()).isEqualTo("sao paulo");
        assertThat(address.state()).isEqualTo(BrazilianState.SP);
        assertThat(address.region()).isEqualTo(Region.SUDESTE);
    }

    @Test
    void the_region_is_the_states_region() {
        assertThat(Address.of("69005", "manaus", "AM").region()).isEqualTo(Region.NORTE);
    }

    @Test
    void rejects_a_blank_city() {
        assertThatThrownBy(() -> Address.of("01310", "  ", "SP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address city must not be blank, was '  '");
        assertThatThrownBy(() -> new Address(new ZipCodePrefix("01310"), null, BrazilianState.SP))
                .hasMessage("address city must not be blank, was 'null'");
    }

    @Test
    void rejects_a_bad_zip_prefix_or_state() {
        assertThatThrownBy(() -> Address.of("1310", "sao paulo", "SP")).hasMessage("zip code prefix must be 5 digits, was '1310'");
        assertThatThrownBy(() -> Address.of("01310", "sao paulo", "ZZ"))
                .hasMessage("state must be one of the 27 Brazilian codes, was 'ZZ'");
        assertThatThrownBy(() -> new Address(null, "sao paulo", BrazilianState.SP)).isInstanceOf(NullPointerException.class);
    }
}
