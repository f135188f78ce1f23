package org.olistdw.pipeline.build;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.olistdw.domain.customer.CustomerActivity;
import org.olistdw.domain.customer.CustomerSegment;
import org.olistdw.domain.order.Orders;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.source.SourceTable;

/**
 * A warehouse under construction for one run. Closing a build that was not published discards it and
 * leaves the published warehouse as it was.
 */
public interface WarehouseBuild extends AutoCloseable {

    /**
     * Loads one source file into its raw table with lineage (run id, source file, source line). Rows that
     * break the table's contract go to the build's quarantine and to {@code quarantine}; every row read
     * is either loaded or quarantined.
     *
     * @param table the contract the file must satisfy; its header must already have been checked
     * @param file  the CSV file
     * @param quarantine receives each row that could not be read, in file order
     */
    LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine);

    /** Every SQL model, in an order where each model comes after all the models it reads. */
    List<Model> models();

    /**
     * Builds one model's table from its SQL.
     *
     * @return the number of rows in the built table
     */
    long build(Model model);

    /** The number of rows in a table of this build, {@code schema.table}. */
    long rowCount(String qualifiedTable);

    /**
     * The orders of this build, rebuilt as aggregates from its core tables. Read them once the core models
     * are built; {@link Orders#streamAll()} streams in batches whatever the number of orders.
     */
    Orders orders();

    /**
     * Every person with at least one order counted as revenue, read from this build's intermediate customer
     * metrics, by person. The stream holds a cursor: close it.
     */
    Stream<CustomerActivity> customerActivity();

    /**
     * Records the business-rule violations found by validating this build's orders, replacing any recorded
     * before, so that quality rules of kind {@code order_rule} and readers of the warehouse see them.
     *
     * @return the number of violations recorded
     */
    long recordViolations(Stream<RuleViolation> violations);

    /**
     * Records the customer segments computed by the domain's RFM segmentation, replacing any recorded
     * before; the marts built afterwards read them.
     *
     * @return the number of people recorded
     */
    long recordSegments(Stream<CustomerSegment> segments);

    /** Makes this build the warehouse that readers open, atomically. */
    void publish();

    /** Releases the build; an unpublished build is discarded. */
    @Override
    void close();

    /**
     * Measures one quality rule against this build: how many rows the rule looked at, how many offend it,
     * and a sample of the offending rows.
     *
     * @throws IllegalStateException with a one-line reason when the rule's check cannot run (a missing
     *                               table or column, an invalid expression)
     */
    RuleMeasurement measure(QualityRule rule, CheckContext context);
}
