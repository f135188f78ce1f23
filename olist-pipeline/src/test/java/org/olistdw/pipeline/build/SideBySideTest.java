package org.olistdw.pipeline.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void the_merged_stream_holds_every_value_of_every_producer_once_each_made_on_a_thread_of_its_own() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int perProducer = 3 * SideBySide.CAPACITY; // more than the queue holds: producers wait for the consumer
        List<Supplier<Stream<Integer>>> producers = IntStream.range(0, 3)
                .mapToObj(p -> (Supplier<Stream<Integer>>) () -> {
                    threads.add(Thread.currentThread().getName());
                    return IntStream.range(0, perProducer).mapToObj(i -> p * perProducer + i);
                })
                .toList();

        List<Integer> values;
        try (Stream<Integer> merged = SideBySide.merged("test", producers)) {
            values = merged.toList();
        }

        assertThat(values).hasSize(3 * perProducer);
        assertThat(values).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 3 * perProducer).boxed().toList());
        assertThat(threads).containsExactlyInAnyOrder("test-1", "test-2", "test-3");
    }

    @Test
    void each_producers_values_arrive_in_its_order_whole_batches_and_the_last_part_of_one_alike() {
        int perProducer = 2 * SideBySide.BATCH + 7; // two full batches and a part of one
        List<Supplier<Stream<Integer>>> producers = IntStream.range(0, 2)
                .mapToObj(p -> (Supplier<Stream<Integer>>) () -> IntStream.range(0, perProducer)
                        .mapToObj(i -> p * perProducer + i))
                .toList();

        List<Integer> values;
        try (Stream<Integer> merged = SideBySide.merged("test", producers)) {
            values = merged.toList();
        }

        assertThat(values).hasSize(2 * perProducer);
        assertThat(values.stream().filter(v -> v < perProducer).toList())
                .isEqualTo(IntStream.range(0, perProducer).boxed().toList());
        assertThat(values.stream().filter(v -> v >= perProducer).toList())
                .isEqualTo(IntStream.range(perProducer, 2 * perProducer).boxed().toList());
    }

    @Test
    void the_values_a_producer_made_before_it_failed_reach_the_consumer_before_its_exception() {
        Supplier<Stream<Integer>> failing = () -> IntStream.range(0, SideBySide.BATCH + 3).boxed().map(i -> {
            if (i == SideBySide.BATCH + 2) {
                throw new IllegalStateException("value " + i + " cannot be made");
            }
            return i;
        });
        List<Integer> seen = new ArrayList<>();

        try (Stream<Integer> merged = SideBySide.merged("test", List.of(failing, Stream::<Integer>empty))) {
            assertThatThrownBy(() -> merged.forEach(seen::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("value " + (SideBySide.BATCH + 2) + " cannot be made");
        }

        assertThat(seen).isEqualTo(IntStream.range(0, SideBySide.BATCH + 2).boxed().toList());
    }

    @Test
    void a_single_producer_is_read_on_the_callers_thread() {
        String caller = Thread.currentThread().getName();
        String[] producedOn = new String[1];
        try (Stream<String> merged = SideBySide.merged("test", List.of(() -> {
            producedOn[0] = Thread.currentThread().getName();
            return Stream.of("a", "b");
        }))) {
            assertThat(merged.toList()).containsExactly("a", "b");
        }
        assertThat(producedOn[0]).isEqualTo(caller);
    }

    @Test
    void a_failing_producer_fails_the_merged_stream_with_its_exception_and_the_others_are_stopped_and_closed() {
        AtomicInteger closed = new AtomicInteger();
        Supplier<Stream<Integer>> endless = () -> Stream.iterate(0, i -> i + 1).onClose(closed::incrementAndGet);
        Supplier<Stream<Integer>> failing = () -> Stream.<Integer>of(1, 2).map(i -> {
            if (i == 2) {
                throw new IllegalStateException("order 2 cannot be read");
            }
            return i;
        }).onClose(closed::incrementAndGet);

        Stream<Integer> merged = SideBySide.merged("test", List.of(endless, failing));
        assertThatThrownBy(() -> merged.forEach(value -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("order 2 cannot be read");
        merged.close();

        assertThat(closed).hasValue(2);
    }

    @Test
    void closing_the_merged_stream_before_its_end_stops_every_producer_and_waits_for_it() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        Supplier<Stream<Integer>> endless = () -> {
            started.countDown();
            return Stream.iterate(0, i -> i + 1).onClose(closed::incrementAndGet);
        };

        try (Stream<Integer> merged = SideBySide.merged("test", List.of(endless, endless))) {
            assertThat(merged.limit(10).count()).isEqualTo(10);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(closed).hasValue(2);
    }
}
