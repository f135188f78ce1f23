package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;

/** A user was granted a role they did not hold. */
public record RoleGranted(Username username, String roleName, LocalDateTime occurredAt) implements DomainEvent {

    public RoleGranted {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The username of the user. */
    @Override
    public String aggregateId() {
        return username.value();
    }
}
