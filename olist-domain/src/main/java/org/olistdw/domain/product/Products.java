package org.olistdw.domain.product;

import java.util.Optional;
import java.util.stream.Stream;
import org.olistdw.domain.shared.ProductId;

/** Repository port of the {@link Product} aggregate: products rebuilt from a store through {@link Product#reconstitute}. */
public interface Products {

    /** The product with this id, or empty when the store has none. */
    Optional<Product> findById(ProductId id);

    /**
     * Every product, ordered by id. The stream holds a cursor on the store: close it (try-with-resources)
     * once read.
     */
    Stream<Product> streamAll();
}
