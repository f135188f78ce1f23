package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;

/** A role a user held was taken away. */
public record RoleRevoked(Username username, String roleName, LocalDateTime occurredAt) implements DomainEvent {

    public RoleRevoked {
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
