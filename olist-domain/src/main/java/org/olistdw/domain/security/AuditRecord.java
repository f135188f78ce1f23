package org.olistdw.domain.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry as the audit trail keeps it.
 *
 * @param id     the entry's id in the trail, increasing with each append
 * @param at     when it was appended
 * @param userId the active user the actor named when it was appended, if any
 * @param entry  what was appended
 */
public record AuditRecord(long id, Instant at, Optional<UserId> userId, AuditEntry entry) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(entry, "entry");
    }
}
