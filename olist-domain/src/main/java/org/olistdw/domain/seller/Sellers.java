package org.olistdw.domain.seller;

import java.util.Optional;
import java.util.stream.Stream;
import org.olistdw.domain.shared.SellerId;

/** Repository port of the {@link Seller} aggregate: sellers rebuilt from a store through {@link Seller#reconstitute}. */
public interface Sellers {

    /** The seller with this id, or empty when the store has none. */
    Optional<Seller> findById(SellerId id);

    /**
     * Every seller, ordered by id. The stream holds a cursor on the store: close it (try-with-resources)
     * once read.
     */
    Stream<Seller> streamAll();
}
