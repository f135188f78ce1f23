package org.olistdw.sample;

import java.time.Duration;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Hears about each file the {@link SampleDataGenerator} finishes. Calls come from the generator's writer
 * threads, one at a time (never concurrently), in the order the files finish.
 */
@FunctionalInterface
public interface GenerationProgress {

    /**
     * One file is complete and closed.
     *
     * @param table the file's source table
     * @param rows  its data rows (not lines: a review whose comment spans lines is one row; the header is not a row)
     * @param took  how long writing it took
     */
    void fileDone(SourceTable table, long rows, Duration took);

    /** A listener that ignores everything. */
    static GenerationProgress none() {
        return (table, rows, took) -> {
        };
    }
}
