/**
 * The product catalogue: the {@link org.olistdw.domain.product.Product} aggregate with its
 * {@link org.olistdw.domain.product.Category} and {@link org.olistdw.domain.product.ProductDimensions},
 * its events and repository port {@link org.olistdw.domain.product.Products}.
 *
 * <p>Depends on {@code org.olistdw.domain.shared} only.
 */
package org.olistdw.domain.product;
