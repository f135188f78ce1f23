package org.olistdw.domain.customer;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.DomainEvent;

/**
 * A person's address changed.
 *
 * @param customer   the person
 * @param from       the address before the move; empty when none was known
 * @param to         the new address, different from {@code from}
 * @param occurredAt when the new address was first seen
 */
public record CustomerMoved(CustomerUniqueId customer, Optional<Address> from, Address to, LocalDateTime occurredAt)
        implements DomainEvent {

    public CustomerMoved {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(occurredAt, "occurred at");
        if (from.filter(to::equals).isPresent()) {
            throw new IllegalArgumentException("customer " + customer + " did not move: address stays " + to);
        }
    }

    /** The person's id. */
    @Override
    public String aggregateId() {
        return customer.value();
    }
}
