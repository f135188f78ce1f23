/**
 * Security and audit: the people who use the warehouse, the roles they hold and what those roles allow.
 * {@link org.olistdw.domain.security.User} is the aggregate: it is registered, granted and revoked roles,
 * and deactivated, recording a past-tense event for each change; {@link org.olistdw.domain.security.Users}
 * is the port to the store that keeps users and the roles on offer. Authentication is outside this
 * package: a user here has no credentials.
 */
package org.olistdw.domain.security;
