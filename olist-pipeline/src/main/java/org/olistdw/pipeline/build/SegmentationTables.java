package org.olistdw.pipeline.build;

import java.util.Set;
import java.util.stream.Stream;
import org.olistdw.domain.customer.CustomerActivity;
import org.olistdw.domain.customer.CustomerSegment;

/**
 * Port: what segmenting the people of a build needs, and the tables it reads and writes, declared so that the
 * build graph runs the segmentation after those it reads are built and before anything reads what it writes.
 */
public interface SegmentationTables {

    /** The tables {@link #customerActivity()} reads, {@code schema.table}. */
    Set<String> tablesRead();

    /** The table {@link #recordSegments(Stream)} writes, {@code schema.table}. */
    String tableWritten();

    /**
     * Every person with at least one order counted as revenue, by person. The stream holds a cursor on a
     * connection of its own: close it.
     */
    Stream<CustomerActivity> customerActivity();

    /**
     * Records the customer segments computed by the domain's RFM segmentation, replacing any recorded before.
     *
     * @return the number of people recorded
     */
    long recordSegments(Stream<CustomerSegment> segments);
}
