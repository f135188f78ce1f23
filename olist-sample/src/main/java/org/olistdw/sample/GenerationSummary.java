package org.olistdw.sample;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.olistdw.pipeline.source.SourceTable;

/**
 * What a {@link SampleDataGenerator} run wrote.
 *
 * @param rowsPerFile data rows of each of the nine files, in {@link SourceTable} order (headers excluded;
 *                    a multi-line review is one row)
 * @param bytes       total size of the nine files on disk
 * @param took        wall-clock time of the whole run
 */
public record GenerationSummary(Map<SourceTable, Long> rowsPerFile, long bytes, Duration took) {

    public GenerationSummary {
        Objects.requireNonNull(rowsPerFile, "rows per file");
        Objects.requireNonNull(took, "took");
        rowsPerFile = rowsPerFile.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(rowsPerFile));
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
    }

    /** Data rows in all files together. */
    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
