package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2018, 1, 1, 12, 0);

    private record Opened(String aggregateId, LocalDateTime occurredAt) implements DomainEvent {
    }

    private record Closed(String aggregateId, LocalDateTime occurredAt) implements DomainEvent {
    }

    @Test
    void delivers_an_event_to_the_subscribers_of_its_type_only() {
        EventDispatcher dispatcher = new EventDispatcher();
        List<Opened> opened = new ArrayList<>();
        List<Closed> closed = new ArrayList<>();
        dispatcher.subscribe(Opened.class, opened::add);
        dispatcher.subscribe(Closed.class, closed::add);

        dispatcher.dispatch(new Opened("a1", NOON));

        assertThat(opened).containsExactly(new Opened("a1", NOON));
        assertThat(closed).isEmpty();
    }

    @Test
    void a_subscriber_of_a_supertype_receives_every_subtype() {
        EventDispatcher dispatcher = new EventDispatcher();
        List<DomainEvent> all = new ArrayList<>();
        dispatcher.subscribe(DomainEvent.class, all::add);

        dispatcher.dispatchAll(List.of(new Opened("a1", NOON), new Closed("a1", NOON.plusHours(1))));

        assertThat(all).containsExactly(new Opened("a1", NOON), new Closed("a1", NOON.plusHours(1)));
    }

    @Test
    void subscribers_are_called_in_subscription_order() {
        EventDispatcher dispatcher = new EventDispatcher();
        List<String> calls = new ArrayList<>();
        dispatcher.subscribe(Opened.class, event -> calls.add("first"));
        dispatcher.subscribe(DomainEvent.class, event -> calls.add("second"));
        dispatcher.subscribe(Opened.class, event -> calls.add("third"));

        dispatcher.dispatch(new Opened("a1", NOON));

        assertThat(calls).containsExactly("first", "second", "third");
    }

    @Test
    void a_failing_subscriber_stops_the_delivery_and_reaches_the_caller() {
        EventDispatcher dispatcher = new EventDispatcher();
        List<String> calls = new ArrayList<>();
        dispatcher.subscribe(Opened.class, event -> {
            throw new IllegalStateException("refused " + event.aggregateId());
        });
        dispatcher.subscribe(Opened.class, event -> calls.add("later"));

        assertThatThrownBy(() -> dispatcher.dispatch(new Opened("a1", NOON)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refused a1");
        assertThat(calls).isEmpty();
    }

    @Test
    void subscribing_while_dispatching_takes_effect_from_the_next_event() {
        EventDispatcher dispatcher = new EventDispatcher();
        List<String> calls = new ArrayList<>();
        dispatcher.subscribe(Opened.class, event -> {
            calls.add("outer " + event.aggregateId());
            dispatcher.subscribe(Opened.class, later -> calls.add("inner " + later.aggregateId()));
        });

        dispatcher.dispatch(new Opened("a1", NOON));
        dispatcher.dispatch(new Opened("a2", NOON));

        assertThat(calls).containsExactly("outer a1", "outer a2", "inner a2");
    }

    @Test
    void rejects_missing_types_subscribers_and_events() {
        EventDispatcher dispatcher = new EventDispatcher();
        assertThatThrownBy(() -> dispatcher.subscribe(null, event -> { })).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> dispatcher.subscribe(Opened.class, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> dispatcher.dispatch(null)).isInstanceOf(NullPointerException.class);
    }
}
