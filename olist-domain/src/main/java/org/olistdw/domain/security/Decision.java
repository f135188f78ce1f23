package org.olistdw.domain.security;

import java.util.Objects;

/**
 * The answer of {@link AccessPolicy}: allowed or not, and why, in words fit for the audit trail and for the
 * person refused.
 */
public record Decision(boolean allowed, String reason) {

    public Decision {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a decision must give its reason");
        }
    }

    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
