package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZipCodePrefixTest {

    @Test
    void keeps_leading_zeros() {
        assertThat(new ZipCodePrefix("01310").value()).isEqualTo("01310");
        assertThat(new ZipCodePrefix("01310")).hasToString("01310");
    }

    @Test
    void a_number_that_lost_its_leading_zeros_gets_them_back() {
        assertThat(ZipCodePrefix.ofNumber(1310)).isEqualTo(new ZipCodePrefix("01310"));
        assertThat(ZipCodePrefix.ofNumber(0).value()).isEqualTo("00000");
        assertThat(ZipCodePrefix.ofNumber(99_999).value()).isEqualTo("99999");
    }

    @Test
    void rejects_a_prefix_without_five_digits() {
        assertThatThrownBy(() -> new ZipCodePrefix("1310"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zip code prefix must be 5 digits, was '1310'");
        assertThatThrownBy(() -> new ZipCodePrefix("013100")).hasMessage("zip code prefix must be 5 digits, was '013100'");
        assertThatThrownBy(() -> new ZipCodePrefix("0131a")).hasMessage("zip code prefix must be 5 digits, was '0131a'");
        assertThatThrownBy(() -> new ZipCodePrefix(" 1310")).hasMessage("zip code prefix must be 5 digits, was ' 1310'");
    }

    @Test
    void rejects_a_missing_prefix() {
        assertThatThrownBy(() -> new ZipCodePrefix(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejects_numbers_outside_five_digits() {
        assertThatThrownBy(() -> ZipCodePrefix.ofNumber(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zip code prefix must be 5 digits, was -1");
        assertThatThrownBy(() -> ZipCodePrefix.ofNumber(100_000)).hasMessage("zip code prefix must be 5 digits, was 100000");
    }
}
