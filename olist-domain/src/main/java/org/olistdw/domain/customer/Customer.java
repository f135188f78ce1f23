package org.olistdw.domain.customer;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.olistdw.domain.shared.AggregateRoot;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;

/**
 * A person buying on the marketplace, identified by their {@link CustomerUniqueId}: where they are now
 * and which orders they placed.
 *
 * <p>Invariants: the identity never changes; each order is recorded at most once, and the orders keep
 * the order in which they were first recorded; the address, when known, is a valid {@link Address}
 * (absent when the source's values do not make one). Orders are referred to by id only.
 *
 * <p>Changes record events ({@link CustomerRegistered}, {@link CustomerMoved}) that the caller collects
 * with {@link #pullEvents()}. Equality is by identity.
 */
public final class Customer extends AggregateRoot {

    private final CustomerUniqueId id;
    private Address address;
    private final LinkedHashSet<OrderId> orders;

    private Customer(CustomerUniqueId id, Address address, Collection<OrderId> orders) {
        this.id = Objects.requireNonNull(id, "customer unique id");
        this.address = address;
        this.orders = new LinkedHashSet<>();
        for (OrderId order : Objects.requireNonNull(orders, "orders")) {
            recordOrder(order);
        }
    }

    /**
     * A person seen for the first time; records {@link CustomerRegistered}.
     *
     * @param id      the person
     * @param address where they are; null when the source's values are not a valid address
     * @param at      when they were first seen
     */
    public static Customer register(CustomerUniqueId id, Address address, LocalDateTime at) {
        Objects.requireNonNull(at, "registered at");
        Customer customer = new Customer(id, address, List.of());
        customer.record(new CustomerRegistered(id, Optional.ofNullable(address), at));
        return customer;
    }

    /**
     * A person rebuilt from a store, with no events.
     *
     * @param id      the person
     * @param address their current address; null when unknown
     * @param orders  their orders, in the order first seen
     * @throws IllegalStateException when {@code orders} holds an order twice
     */
    public static Customer reconstitute(CustomerUniqueId id, Address address, Collection<OrderId> orders) {
        return new Customer(id, address, orders);
    }

    /** The person's identity. */
    public CustomerUniqueId id() {
        return id;
    }

    /** Where the person is now; empty when the source's values are not a valid address. */
    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }

    /** The person's orders, in the order they were first recorded; unmodifiable. */
    public Set<OrderId> orders() {
        return Collections.unmodifiableSet(orders);
    }

    /** Whether the person placed {@code order}. */
    public boolean hasPlaced(OrderId order) {
        return orders.contains(order);
    }

    /**
     * Records that the person placed {@code order}. Records no event: the order's own history tells when
     * it was placed.
     *
     * @throws IllegalStateException naming both ids when the order is already recorded for this person
     */
    public void recordOrder(OrderId order) {
        Objects.requireNonNull(order, "order id");
        if (!orders.add(order)) {
            throw new IllegalStateException("order " + order + " is already recorded for customer " + id);
        }
    }

    /**
     * The person now lives at {@code newAddress}. Records {@link CustomerMoved} only when the address
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
        record(new CustomerMoved(id, previous, newAddress, at));
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** For example {@code Customer[861eff4711a542e4b93843c6dd7febb0, 2 orders]}. */
    @Override
    public String toString() {
        return "Customer[" + id + ", " + orders.size() + " orders]";
    }
}
