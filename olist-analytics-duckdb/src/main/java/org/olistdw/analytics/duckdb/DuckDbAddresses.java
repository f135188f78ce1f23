package org.olistdw.analytics.duckdb;

import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.BrazilianState;

/** Domain values from the text the warehouse stores, absent when the text does not make a valid one. */
final class DuckDbAddresses {

    private DuckDbAddresses() {
    }

    /** The address of a dimension row; null when a part is missing or invalid (e.g. an unknown state code). */
    static Address addressOrNull(String zipCodePrefix, String city, String stateCode) {
        if (zipCodePrefix == null || city == null || stateCode == null) {
            return null;
        }
        try {
            return Address.of(zipCodePrefix, city, stateCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The state of a two-letter code; null when missing or not one of the 27 (e.g. {@code unknown}). */
    static BrazilianState stateOrNull(String stateCode) {
        if (stateCode == null) {
            return null;
        }
        try {
            return BrazilianState.ofCode(stateCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
