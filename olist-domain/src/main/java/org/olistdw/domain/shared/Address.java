package org.olistdw.domain.shared;

import java.util.Objects;

/**
 * Where a customer or seller is, as far as the marketplace publishes it: zip code prefix, city and state.
 *
 * @param zipCodePrefix the first five digits of the CEP
 * @param city          the city as written by its owner, never blank
 * @param state         the state
 */
public record Address(ZipCodePrefix zipCodePrefix, String city, BrazilianState state) {

    public Address {
        Objects.requireNonNull(zipCodePrefix, "zip code prefix");
        Objects.requireNonNull(state, "state");
        if (city == null || city.isBlank()) {
            throw new IllegalArgumentException("address city must not be blank, was '" + city + "'");
        }
        city = city.strip();
    }

    /** An address from the text of a source row, e.g. {@code Address.of("01310", "sao paulo", "SP")}. */
    public static Address of(String zipCodePrefix, String city, String stateCode) {
        return new Address(new ZipCodePrefix(zipCodePrefix), city, BrazilianState.ofCode(stateCode));
    }

    /** The IBGE region of the address's state. */
    public Region region() {
        return state.region();
    }
}
