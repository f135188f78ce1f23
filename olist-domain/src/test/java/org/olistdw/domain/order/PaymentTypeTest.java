package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PaymentTypeTest {

    @Test
    void codes_are_written_as_in_the_source() {
        assertThat(Arrays.stream(PaymentType.values()).map(PaymentType::code))
                .containsExactly("credit_card", "boleto", "voucher", "debit_card", "not_defined");
    }

    @Test
    void reads_a_code_ignoring_case_and_blanks() {
        assertThat(PaymentType.ofCode("boleto")).isEqualTo(PaymentType.BOLETO);
        assertThat(PaymentType.ofCode(" Credit_Card ")).isEqualTo(PaymentType.CREDIT_CARD);
        assertThat(PaymentType.ofCode("not_defined")).isEqualTo(PaymentType.NOT_DEFINED);
    }

    @Test
    void rejects_an_unknown_type_listing_the_accepted_ones() {
        assertThatThrownBy(() -> PaymentType.ofCode("pix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payment type must be one of credit_card, boleto, voucher, debit_card, not_defined, was 'pix'");
        assertThatThrownBy(() -> PaymentType.ofCode(null))
                .hasMessage("payment type must be one of credit_card, boleto, voucher, debit_card, not_defined, was null");
    }
}
