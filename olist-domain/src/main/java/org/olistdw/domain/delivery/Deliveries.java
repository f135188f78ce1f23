package org.olistdw.domain.delivery;

import java.util.Optional;
import java.util.stream.Stream;
import org.olistdw.domain.shared.OrderId;

/** Repository port of the {@link Delivery} aggregate: deliveries rebuilt from a store through {@link Delivery#reconstitute}. */
public interface Deliveries {

    /** The delivery of this order, or empty when the store has none. */
    Optional<Delivery> findByOrder(OrderId orderId);

    /**
     * Every delivery, ordered by order id. The stream holds a cursor on the store: close it
     * (try-with-resources) once read.
     */
    Stream<Delivery> streamAll();
}
