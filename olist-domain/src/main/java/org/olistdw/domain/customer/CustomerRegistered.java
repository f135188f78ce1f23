package org.olistdw.domain.customer;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.DomainEvent;

/**
 * A person became known to the marketplace.
 *
 * @param customer   the person
 * @param address    where they were at registration; empty when the source's values are not a valid address
 * @param occurredAt when they registered
 */
public record CustomerRegistered(CustomerUniqueId customer, Optional<Address> address, LocalDateTime occurredAt)
        implements DomainEvent {

    public CustomerRegistered {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The person's id. */
    @Override
    public String aggregateId() {
        return customer.value();
    }
}
