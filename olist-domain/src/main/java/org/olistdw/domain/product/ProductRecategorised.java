package org.olistdw.domain.product;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.ProductId;

/**
 * A product moved to another category.
 *
 * @param product    the product
 * @param from       the category before; empty when it had none
 * @param to         the new category, different from {@code from}
 * @param occurredAt when it moved
 */
public record ProductRecategorised(ProductId product, Optional<Category> from, Category to, LocalDateTime occurredAt)
        implements DomainEvent {

    public ProductRecategorised {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(occurredAt, "occurred at");
        if (from.filter(to::equals).isPresent()) {
            throw new IllegalArgumentException("product " + product + " was not recategorised: category stays " + to);
        }
    }

    /** The product's id. */
    @Override
    public String aggregateId() {
        return product.value();
    }
}
