package org.olistdw.pipeline.build;

/**
 * A warehouse under construction for one run: it hands each part of the run the port it needs (loading raw
 * files, building models, the Java steps' tables, measuring rules) and is then published or discarded.
 * Closing a build that was not published discards it and leaves the published warehouse as it was.
 *
 * <p>The ports other than {@link #raw()} may be used from several threads at once once the loads are done;
 * {@link #publish()} and {@link #close()} must wait until nothing uses them any more.
 */
public interface WarehouseBuild extends AutoCloseable {

    /** Loading the source files, one at a time, before anything else. */
    RawLoad raw();

    /** The SQL models and building them. */
    SqlModels models();

    /** The tables of the orders' validation. */
    ValidationTables validation();

    /** The tables of the customers' segmentation. */
    SegmentationTables segmentation();

    /** Measuring quality rules. */
    RuleMeasures checks();

    /** Makes this build the warehouse that readers open, atomically. */
    void publish();

    /** Releases the build; an unpublished build is discarded. */
    @Override
    void close();
}
