package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BrazilianStateTest {

    @Test
    void there_are_twenty_seven_codes() {
        assertThat(BrazilianState.values()).hasSize(27);
        assertThat(Arrays.stream(BrazilianState.values()).map(BrazilianState::code))
                .containsExactlyInAnyOrder("AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS",
                        "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");
    }

    @Test
    void each_state_lies_in_its_region() {
        assertThat(BrazilianState.SP.region()).isEqualTo(Region.SUDESTE);
        assertThat(BrazilianState.AM.region()).isEqualTo(Region.NORTE);
        assertThat(BrazilianState.DF.region()).isEqualTo(Region.CENTRO_OESTE);
        assertThat(BrazilianState.RS.region()).isEqualTo(Region.SUL);
        assertThat(BrazilianState.BA.region()).isEqualTo(Region.NORDESTE);
    }

    @Test
    void regions_hold_seven_nine_four_four_and_three_states() {
        Map<Region, Long> perRegion = Arrays.stream(BrazilianState.values())
                .collect(Collectors.groupingBy(BrazilianState::region, Collectors.counting()));
        assertThat(perRegion).containsExactlyInAnyOrderEntriesOf(Map.of(
                Region.NORTE, 7L, Region.NORDESTE, 9L, Region.CENTRO_OESTE, 4L, Region.SUDESTE, 4L, Region.SUL, 3L));
    }

    @Test
    void reads_a_code_ignoring_case_and_blanks() {
        assertThat(BrazilianState.ofCode(" sp ")).isEqualTo(BrazilianState.SP);
        assertThat(BrazilianState.ofCode("Rj")).isEqualTo(BrazilianState.RJ);
        assertThat(Arrays.stream(BrazilianState.values()).collect(Collectors.toMap(BrazilianState::code, Function.identity())))
                .allSatisfy((code, state) -> assertThat(BrazilianState.ofCode(code)).isEqualTo(state));
    }

    @Test
    void names_a_state_in_portuguese() {
        assertThat(BrazilianState.SP.stateName()).isEqualTo("São Paulo");
        assertThat(BrazilianState.DF.stateName()).isEqualTo("Distrito Federal");
    }

    @Test
    void rejects_an_unknown_code_naming_it() {
        assertThatThrownBy(() -> BrazilianState.ofCode("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state must be one of the 27 Brazilian codes, was 'XX'");
        assertThatThrownBy(() -> BrazilianState.ofCode("")).hasMessage("state must be one of the 27 Brazilian codes, was ''");
        assertThatThrownBy(() -> BrazilianState.ofCode(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void regions_are_labelled_as_in_the_warehouse() {
        assertThat(Region.CENTRO_OESTE.label()).isEqualTo("Centro-Oeste");
        assertThat(Region.NORDESTE.label()).isEqualTo("Nordeste");
    }
}
