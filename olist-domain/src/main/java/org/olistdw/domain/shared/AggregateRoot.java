package org.olistdw.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The root of an aggregate: the one object outside code holds, whose intention-revealing methods change
 * the aggregate's state and record what happened as past-tense {@link DomainEvent}s. The caller collects
 * them ({@link #pullEvents()}) and decides where they go; the aggregate never publishes them itself. Two roots of the same class are equal when their identities are; a root without an identity
 * yet (not stored) equals only itself.
 */
public abstract class AggregateRoot {

    private final List<DomainEvent> events = new ArrayList<>();

    protected AggregateRoot() {
    }

    /** The aggregate's identity, or null while it has none (a new aggregate not stored yet). */
    protected abstract Object identity();

    /** Records that {@code event} happened to this aggregate. */
    protected final void record(DomainEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    /** The events recorded since they were last pulled, oldest first; unmodifiable. */
    public final List<DomainEvent> events() {
        return List.copyOf(events);
    }

    /** The events recorded since they were last pulled, oldest first; afterwards none are pending. */
    public final List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** Same class and same identity; without an identity, the same object. */
    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        Object identity = identity();
        return identity != null && other != null && other.getClass() == getClass()
                && identity.equals(((AggregateRoot) other).identity());
    }

    /** The hash of the identity, consistent with {@link #equals(Object)}. */
    @Override
    public final int hashCode() {
        Object identity = identity();
        return identity != null ? identity.hashCode() : System.identityHashCode(this);
    }
}
