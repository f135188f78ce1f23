package org.olistdw.domain.seller;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.SellerId;

/**
 * A seller joined the marketplace.
 *
 * @param seller     the seller
 * @param address    where they ship from; empty when the source's values are not a valid address
 * @param occurredAt when they joined
 */
public record SellerRegistered(SellerId seller, Optional<Address> address, LocalDateTime occurredAt)
        implements DomainEvent {

    public SellerRegistered {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(occurredAt, "occurred at");
    }

    /** The seller's id. */
    @Override
    public String aggregateId() {
        return seller.value();
    }
}
