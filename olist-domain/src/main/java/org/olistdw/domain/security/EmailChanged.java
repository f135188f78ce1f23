package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Objects;
import org.olistdw.domain.shared.DomainEvent;

/** A user's e-mail address changed. */
public record EmailChanged(Username username, Email from, Email to, LocalDateTime occurredAt) implements DomainEvent {

    public EmailChanged {
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
