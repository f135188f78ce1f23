package org.olistdw.domain.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which entries of the audit trail to read, newest first.
 *
 * @param actor only the entries of this actor
 * @param since only the entries appended at or after this instant
 * @param limit at most this many entries, 1 or more
 */
public record AuditQuery(Optional<String> actor, Optional<Instant> since, int limit) {

    public AuditQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("audit query limit must be 1 or more, was " + limit);
        }
    }
}
