package org.olistdw.domain.order;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;

/**
 * Repository port of the {@link Order} aggregate: orders rebuilt from a store, each reconstituted through
 * {@link Order#reconstitute(OrderRecord)} so that it carries the rule violations of its history.
 */
public interface Orders {

    /** The order with this id, or empty when the store has none. */
    Optional<Order> findById(OrderId id);

    /** Every order placed by the person {@code person}, by purchase time then id; empty when none. */
    List<Order> findByCustomer(CustomerUniqueId person);

    /**
     * Every order of the store, by id, read in batches so that memory stays bounded whatever the number of
     * orders. The stream holds a database cursor: close it (try-with-resources).
     */
    Stream<Order> streamAll();
}
