/**
 * Value objects shared by every bounded context of the marketplace — {@link org.olistdw.domain.shared.Money},
 * {@link org.olistdw.domain.shared.Address}, {@link org.olistdw.domain.shared.ZipCodePrefix},
 * {@link org.olistdw.domain.shared.BrazilianState} with its {@link org.olistdw.domain.shared.Region},
 * {@link org.olistdw.domain.shared.DateRange} — and the domain event contract with its dispatcher.
 * Every value object rejects bad state in its constructor with a message that names the value.
 */
package org.olistdw.domain.shared;
