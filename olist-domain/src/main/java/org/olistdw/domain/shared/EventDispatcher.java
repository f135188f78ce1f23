package org.olistdw.domain.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers domain events to the subscribers of their type, in subscription order. Aggregates only
 * collect events; whoever changes an aggregate hands its events to a dispatcher afterwards.
 *
 * <p>A subscriber registered for a type receives every event of that type or of a subtype. Delivery is
 * synchronous on the caller's thread; a subscriber that throws stops the delivery of that event and the
 * exception reaches the caller. Subscribing while events are dispatched is safe.
 */
public final class EventDispatcher {

    private record Subscription<E extends DomainEvent>(Class<E> type, Consumer<? super E> subscriber) {
        void deliver(DomainEvent event) {
            if (type.isInstance(event)) {
                subscriber.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** Registers {@code subscriber} for every event of {@code type} (or a subtype). */
    public <E extends DomainEvent> void subscribe(Class<E> type, Consumer<? super E> subscriber) {
        subscriptions.add(new Subscription<>(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(subscriber, "subscriber")));
    }

    /** Delivers one event to its subscribers. */
    public void dispatch(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        for (Subscription<?> subscription : subscriptions) {
            subscription.deliver(event);
        }
    }

    /** Delivers events in order. */
    public void dispatchAll(Collection<? extends DomainEvent> events) {
        for (DomainEvent event : new ArrayList<>(events)) {
            dispatch(event);
        }
    }
}
