package org.olistdw.pipeline.build;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.RuleViolation;

/**
 * Port: what validating the orders of a build needs, and the tables it reads and writes, declared so that the
 * build graph runs the validation after those it reads are built and before anything reads what it writes.
 */
public interface ValidationTables {

    /** The tables {@link #orders(Part)} reads, {@code schema.table}. */
    Set<String> tablesRead();

    /** The table {@link #recordViolations(Stream)} writes, {@code schema.table}. */
    String tableWritten();

    /**
     * The orders of one part of the build, rebuilt as aggregates from {@link #tablesRead()}, streamed in batches
     * whatever the number of orders, on connections of their own: the parts of one {@link Part#count() count}
     * hold every order once, so that they can be validated side by side.
     */
    Stream<Order> orders(Part part);

    /**
     * Records the business-rule violations found by validating the build's orders, replacing any recorded
     * before, so that quality rules of kind {@code order_rule} and readers of the warehouse see them.
     *
     * @return the number of violations recorded
     */
    long recordViolations(Stream<RuleViolation> violations);

    /**
     * The orders of one part of the build that the changed keys of the run touch (see
     * {@link RawLoad.CarryOver#ordersAffected()}), rebuilt as {@link #orders(Part)} rebuilds every order, in
     * batches.
     */
    Stream<Order> affectedOrders(Part part);

    /**
     * Records the violations of the {@linkplain #affectedOrders(Part) affected orders} and carries over, from the
     * published warehouse, those of every other order of the build, replacing any recorded before: the orders
     * whose rows are the same have the same violations.
     *
     * @return the number of violations recorded, those carried over included
     */
    long recordViolationsOfAffected(Stream<RuleViolation> violations);

    /** What the recorded violations hold: every order of the build, and the violations recorded per rule. */
    OrderValidation recorded();

    /**
     * One of {@code count} disjoint parts of the orders, which together hold each order once: an order belongs to
     * the part its id falls in, whatever else the build holds.
     *
     * @param index the part, from 0
     * @param count how many parts, at least 1
     */
    record Part(int index, int count) {

        public Part {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("part " + index + " of " + count + " does not exist");
            }
        }

        /** The one part holding every order. */
        public static Part whole() {
            return new Part(0, 1);
        }

        /** The {@code count} parts that together hold every order. */
        public static List<Part> split(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("orders are split in at least one part, not " + count);
            }
            return IntStream.range(0, count).mapToObj(index -> new Part(index, count)).toList();
        }
    }
}
