package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;

/** An active user was deactivated: from now on they hold no permission. */
public record UserDeactivated(Username username, LocalDateTime occurredAt) implements DomainEvent {

    public UserDeactivated {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The username of the user. */
    @Override
    public String aggregateId() {
        return username.value();
    }
}
