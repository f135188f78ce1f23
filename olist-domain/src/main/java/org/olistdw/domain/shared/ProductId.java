package org.olistdw.domain.shared;

import java.util.Objects;

/** Identity of a product ({@code product_id}). */
public record ProductId(String value) {

    public ProductId {
        Objects.requireNonNull(value, "product id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("product id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
