package org.olistdw.domain.shared;

import java.util.Objects;

/** Identity of a seller ({@code seller_id}). */
public record SellerId(String value) {

    public SellerId {
        Objects.requireNonNull(value, "seller id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("seller id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
