package org.olistdw.domain.security;

import java.util.List;

/** Port to the audit trail: append-only, one entry per action someone took on the system. */
public interface AuditLog {

    /**
     * Appends an entry, attributed to the active user whose username is the entry's actor if there is one
     * (anonymous otherwise; the actor is always kept in the details).
     *
     * @return the entry's id in the trail
     */
    long append(AuditEntry entry);

    /** The entries the query selects, newest first. Nothing in the trail is ever changed or removed. */
    List<AuditRecord> find(AuditQuery query);
}
