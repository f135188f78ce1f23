/**
 * The people buying on the marketplace: the {@link org.olistdw.domain.customer.Customer} aggregate (a
 * person, identified by {@code customer_unique_id}, with their current address and their orders by id),
 * its events and repository port {@link org.olistdw.domain.customer.Customers}, and the
 * {@link org.olistdw.domain.customer.RfmSegmentation} domain service that scores people on recency,
 * frequency and monetary value and names their {@link org.olistdw.domain.customer.RfmSegment}.
 *
 * <p>Depends on {@code org.olistdw.domain.shared} only.
 */
package org.olistdw.domain.customer;
