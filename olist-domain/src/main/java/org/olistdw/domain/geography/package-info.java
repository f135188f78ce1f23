/**
 * Where zip code prefixes lie: the {@link org.olistdw.domain.geography.Geography} of a prefix (city,
 * state, a point) and whether that point is within mainland Brazil.
 *
 * <p>Depends on {@code org.olistdw.domain.shared} only.
 */
package org.olistdw.domain.geography;
