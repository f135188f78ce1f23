/**
 * Freight pricing: the {@link org.olistdw.domain.pricing.FreightEstimate} domain service, which quotes
 * the freight of an item from its {@link org.olistdw.domain.product.ProductDimensions} and the
 * {@link org.olistdw.domain.pricing.Route} between two states.
 *
 * <p>Depends on {@code org.olistdw.domain.shared} and {@code org.olistdw.domain.product}.
 */
package org.olistdw.domain.pricing;
