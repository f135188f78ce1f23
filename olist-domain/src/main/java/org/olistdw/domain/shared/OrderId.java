package org.olistdw.domain.shared;

import java.util.Objects;

/** Identity of an order, the source's {@code order_id} (32 hex characters in the real data). */
public record OrderId(String value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("order id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
