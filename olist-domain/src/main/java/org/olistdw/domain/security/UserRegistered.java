package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.DomainEvent;

/** A user was registered, active and without roles. */
public record UserRegistered(Username username, Email email, Optional<String> fullName, LocalDateTime occurredAt)
        implements DomainEvent {

    public UserRegistered {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The username, which identifies the user before the store has given it an id. */
    @Override
    public String aggregateId() {
        return username.value();
    }
}
