package org.olistdw.domain.order;

import java.util.Objects;

/** The customer identity given with one order ({@code customer_id}): the marketplace issues a new one per order; the person behind it is a {@link org.olistdw.domain.shared.CustomerUniqueId}. */
public record CustomerId(String value) {

    /** @throws IllegalArgumentException when the id is blank */
    public CustomerId {
        Objects.requireNonNull(value, "customer id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
