/**
 * How orders reach their customers: the {@link org.olistdw.domain.delivery.Delivery} aggregate (one
 * order's purchase, hand-over to the carrier and delivery against the promised date), its events and
 * repository port {@link org.olistdw.domain.delivery.Deliveries}.
 *
 * <p>Depends on {@code org.olistdw.domain.shared} only.
 */
package org.olistdw.domain.delivery;
