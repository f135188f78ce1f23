/**
 * Security and audit: the people who use the warehouse, the roles they hold and what those roles allow.
 * {@link org.olistdw.domain.security.User} is the aggregate: it is registered, granted and revoked roles,
 * and deactivated, recording a past-tense event for each change; {@link org.olistdw.domain.security.Users}
 * is the port to the store that keeps users, their password hashes and the roles on offer.
 * {@link org.olistdw.domain.security.AccessPolicy} decides who may do what, by the
 * {@link org.olistdw.domain.security.ApplicationRole}s held; adapters enforce its decisions. The
 * {@link org.olistdw.domain.security.AuditLog} records, append-only, each action of the
 * {@link org.olistdw.domain.security.AuditEvent} vocabulary; the
 * {@link org.olistdw.domain.security.Pseudonymiser} hides personal data from whoever may not see it.
 */
package org.olistdw.domain.security;
