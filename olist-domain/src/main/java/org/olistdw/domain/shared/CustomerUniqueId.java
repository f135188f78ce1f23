package org.olistdw.domain.shared;

import java.util.Objects;

/** Identity of a person buying on the marketplace ({@code customer_unique_id}); one person places orders under many {@code CustomerId}s (order package). */
public record CustomerUniqueId(String value) {

    public CustomerUniqueId {
        Objects.requireNonNull(value, "customer unique id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("customer unique id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
