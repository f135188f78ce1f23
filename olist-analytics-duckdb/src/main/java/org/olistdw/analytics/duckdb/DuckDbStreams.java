package org.olistdw.analytics.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.duckdb.DuckDBConnection;

/** Streams of aggregates read from {@link DuckDbCursor}s, one aggregate at a time. */
final class DuckDbStreams {

    private DuckDbStreams() {
    }

    /**
     * The values {@code next} returns until it returns null, in that order; closing the stream closes
     * {@code cursors}.
     */
    static <T> Stream<T> of(List<DuckDbCursor> cursors, Supplier<T> next) {
        Spliterator<T> values = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                T value = next.get();
                if (value == null) {
                    return false;
                }
                action.accept(value);
                return true;
            }
        };
        return StreamSupport.stream(values, false).onClose(() -> cursors.forEach(DuckDbCursor::close));
    }

    /**
     * Opens one cursor per query, each with the same parameters; when one cannot be opened, closes those
     * already open.
     */
    static List<DuckDbCursor> openAll(DuckDBConnection warehouse, List<String> queries,
                                      Object... parameters) {
        List<DuckDbCursor> cursors = new ArrayList<>();
        try {
            for (String sql : queries) {
                cursors.add(DuckDbCursor.open(warehouse, sql, parameters));
            }
            return List.copyOf(cursors);
        } catch (RuntimeException e) {
            cursors.forEach(DuckDbCursor::close);
            throw e;
        }
    }
}
