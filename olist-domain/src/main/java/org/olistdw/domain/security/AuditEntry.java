package org.olistdw.domain.security;

import java.util.Map;
import java.util.Objects;

/**
 * One action for the audit trail.
 *
 * @param action       what was done, dotted, e.g. {@code warehouse.rollback}
 * @param actor        who did it: the operating-system user or the application user's name
 * @param resourceType the kind of thing acted on, e.g. {@code warehouse}
 * @param resourceId   which one, at most 100 characters
 * @param succeeded    whether the action was done, or refused or failed
 * @param details      what else the trail should say, by name
 */
public record AuditEntry(String action, String actor, String resourceType, String resourceId, boolean succeeded,
                         Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        if (action.isBlank() || action.length() > 100) {
            throw new IllegalArgumentException("audit action must be 1..100 characters, was '" + action + "'");
        }
        if (resourceId.length() > 100) {
            throw new IllegalArgumentException("audit resource id must be at most 100 characters, was '"
                    + resourceId + "'");
        }
        details = Map.copyOf(details);
    }

    /** An entry for an action of the trail's vocabulary. */
    public static AuditEntry of(AuditEvent event, String actor, String resourceType, String resourceId,
                                boolean succeeded, Map<String, String> details) {
        return new AuditEntry(event.action(), actor, resourceType, resourceId, succeeded, details);
    }
}
