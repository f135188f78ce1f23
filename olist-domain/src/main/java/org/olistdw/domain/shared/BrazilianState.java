package org.olistdw.domain.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** The 26 states of Brazil and the Federal District, each with its two-letter code and IBGE region. */
public enum BrazilianState {
    AC("Acre", Region.NORTE),
    AL("Alagoas", Region.NORDESTE),
    AP("Amapá", Region.NORTE),
    AM("Amazonas", Region.NORTE),
    BA("Bahia", Region.NORDESTE),
    CE("Ceará", Region.NORDESTE),
    DF("Distrito Federal", Region.CENTRO_OESTE),
    ES("Espírito Santo", Region.SUDESTE),
    GO("Goiás", Region.CENTRO_OESTE),
    MA("Maranhão", Region.NORDESTE),
    MT("Mato Grosso", Region.CENTRO_OESTE),
    MS("Mato Grosso do Sul", Region.CENTRO_OESTE),
    MG("Minas Gerais", Region.SUDESTE),
    PA("Pará", Region.NORTE),
    PB("Paraíba", Region.NORDESTE),
    PR("Paraná", Region.SUL),
    PE("Pernambuco", Region.NORDESTE),
    PI("Piauí", Region.NORDESTE),
    RJ("Rio de Janeiro", Region.SUDESTE),
    RN("Rio Grande do Norte", Region.NORDESTE),
    RS("Rio Grande do Sul", Region.SUL),
    RO("Rondônia", Region.NORTE),
    RR("Roraima", Region.NORTE),
    SC("Santa Catarina", Region.SUL),
    SP("São Paulo", Region.SUDESTE),
    SE("Sergipe", Region.NORDESTE),
    TO("Tocantins", Region.NORTE);

    private final String stateName;
    private final Region region;

    BrazilianState(String stateName, Region region) {
        this.stateName = stateName;
        this.region = region;
    }

    /** The state's name in Portuguese, e.g. {@code São Paulo}. */
    public String stateName() {
        return stateName;
    }

    /** The IBGE region the state belongs to. */
    public Region region() {
        return region;
    }

    /** The two-letter code, e.g. {@code SP}. */
    public String code() {
        return name();
    }

    /**
     * The state with this two-letter code, case-insensitive and ignoring surrounding blanks.
     *
     * @throws IllegalArgumentException naming the code when it is not one of the 27
     */
    public static BrazilianState ofCode(String code) {
        Objects.requireNonNull(code, "state code");
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(state -> state.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("state must be one of the 27 Brazilian codes, was '"
                        + code + "'"));
    }
}
