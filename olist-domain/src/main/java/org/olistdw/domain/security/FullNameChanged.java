package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.shared.DomainEvent;

/** A user's full name was given, changed or removed. */
public record FullNameChanged(Username username, Optional<String> from, Optional<String> to,
                              LocalDateTime occurredAt) implements DomainEvent {

    public FullNameChanged {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The username of the user. */
    @Override
    public String aggregateId() {
        return username.value();
    }
}
