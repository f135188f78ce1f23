package org.olistdw.domain.shared;

import java.time.LocalDateTime;

/**
 * Something that happened to an aggregate, named in the past tense. Times are the marketplace's local
 * times, as in the sources.
 */
public interface DomainEvent {

    /** When it happened. */
    LocalDateTime occurredAt();

    /** The identity of the aggregate it happened to, as text. */
    String aggregateId();
}
