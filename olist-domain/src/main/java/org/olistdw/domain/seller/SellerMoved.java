package org.olistdw.domain.seller;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.SellerId;

/**
 * A seller's address changed.
 *
 * @param seller     the seller
 * @param from       the address before the move; empty when none was known
 * @param to         the new address, different from {@code from}
 * @param occurredAt when the new address was first seen
 */
public record SellerMoved(SellerId seller, Optional<Address> from, Address to, LocalDateTime occurredAt)
        implements DomainEvent {

    public SellerMoved {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(occurredAt, "occurred at");
        if (from.filter(to::equals).isPresent()) {
            throw new IllegalArgumentException("seller " + seller + " did not move: address stays " + to);
        }
    }

    /** The seller's id. */
    @Override
    public String aggregateId() {
        return seller.value();
    }
}
