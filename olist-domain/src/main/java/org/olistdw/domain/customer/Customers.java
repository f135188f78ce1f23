package org.olistdw.domain.customer;

import java.util.Optional;
import java.util.stream.Stream;
import org.olistdw.domain.shared.CustomerUniqueId;

/** Repository port of the {@link Customer} aggregate: people rebuilt from a store through {@link Customer#reconstitute}. */
public interface Customers {

    /** The person with this id, or empty when the store has none. */
    Optional<Customer> findById(CustomerUniqueId id);

    /**
     * Every person, ordered by id. The stream holds a cursor on the store: close it (try-with-resources)
     * once read.
     */
    Stream<Customer> streamAll();
}
