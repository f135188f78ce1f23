package org.olistdw.pipeline.build;

import java.util.Set;
import java.util.stream.Stream;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.Orders;
import org.olistdw.domain.order.RuleViolation;

/**
 * Port: what validating the orders of a build needs, and the tables it reads and writes, declared so that the
 * build graph runs the validation after those it reads are built and before anything reads what it writes.
 */
public interface ValidationTables {

    /** The tables {@link #orders()} reads, {@code schema.table}. */
    Set<String> tablesRead();

    /** The table {@link #recordViolations(Stream)} writes, {@code schema.table}. */
    String tableWritten();

    /**
     * The orders of the build, rebuilt as aggregates from {@link #tablesRead()};
     * {@link Orders#streamAll()} streams in batches whatever the number of orders, on connections of its own.
     */
    Orders orders();

    /**
     * Records the business-rule violations found by validating the build's orders, replacing any recorded
     * before, so that quality rules of kind {@code order_rule} and readers of the warehouse see them.
     *
     * @return the number of violations recorded
     */
    long recordViolations(Stream<RuleViolation> violations);

    /**
     * The orders of the build that the changed keys of the run touch (see
     * {@link RawLoad.CarryOver#ordersAffected()}), rebuilt as {@link #orders()} rebuilds every order, in batches.
     */
    Stream<Order> affectedOrders();

    /**
     * Records the violations of the {@linkplain #affectedOrders() affected orders} and carries over, from the
     * published warehouse, those of every other order of the build, replacing any recorded before: the orders
     * whose rows are the same have the same violations.
     *
     * @return the number of violations recorded, those carried over included
     */
    long recordViolationsOfAffected(Stream<RuleViolation> violations);

    /** What the recorded violations hold: every order of the build, and the violations recorded per rule. */
    OrderValidation recorded();
}
