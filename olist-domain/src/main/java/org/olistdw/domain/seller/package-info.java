/**
 * The sellers of the marketplace: the {@link org.olistdw.domain.seller.Seller} aggregate (a seller and
 * where they ship from), its events and repository port {@link org.olistdw.domain.seller.Sellers}.
 *
 * <p>Depends on {@code org.olistdw.domain.shared} only.
 */
package org.olistdw.domain.seller;
