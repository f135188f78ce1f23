package org.olistdw.domain.seller;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.AggregateRoot;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.SellerId;

/**
 * A seller on the marketplace and where they ship from.
 *
 * <p>Invariants: the identity never changes; the address, when known, is a valid {@link Address} (absent
 * when the source's values do not make one, e.g. a zip code in the city column that leaves no city).
 *
 * <p>Changes record events ({@link SellerRegistered}, {@link SellerMoved}) that the caller collects with
 * {@link #pullEvents()}. Equality is by identity.
 */
public final class Seller extends AggregateRoot {

    private final SellerId id;
    private Address address;

    private Seller(SellerId id, Address address) {
        this.id = Objects.requireNonNull(id, "seller id");
        this.address = address;
    }

    /**
     * A seller seen for the first time; records {@link SellerRegistered}.
     *
     * @param id      the seller
     * @param address where they ship from; null when the source's values are not a valid address
     * @param at      when they were first seen
     */
    public static Seller register(SellerId id, Address address, LocalDateTime at) {
        Objects.requireNonNull(at, "registered at");
        Seller seller = new Seller(id, address);
        seller.record(new SellerRegistered(id, Optional.ofNullable(address), at));
        return seller;
    }

    /**
     * A seller rebuilt from a store, with no events.
     *
     * @param id      the seller
     * @param address their current address; null when unknown
     */
    public static Seller reconstitute(SellerId id, Address address) {
        return new Seller(id, address);
    }

    /** The seller's identity. */
    public SellerId id() {
        return id;
    }

    /** Where the seller ships from; empty when the source's values are not a valid address. */
    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }

    /**
     * The seller now ships from {@code newAddress}. Records {@link SellerMoved} only when the address
     * differs from the current one; moving to the current address changes nothing.
     */
    public void moveTo(Address newAddress, LocalDateTime at) {
        Objects.requireNonNull(newAddress, "new address");
        Objects.requireNonNull(at, "moved at");
        if (newAddress.equals(address)) {
            return;
        }
        Optional<Address> previous = Optional.ofNullable(address);
        address = newAddress;
        record(new SellerMoved(id, previous, newAddress, at));
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** For example {@code Seller[3442f8959a84dea7ee197c632cb2df15]}. */
    @Override
    public String toString() {
        return "Seller[" + id + "]";
    }
}
