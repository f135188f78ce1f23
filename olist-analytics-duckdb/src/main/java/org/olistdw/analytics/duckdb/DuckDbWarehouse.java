package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.util.Objects;
import org.olistdw.pipeline.build.Warehouse;

/**
 * The analytical store in embedded DuckDB: the entry point the runner wires.
 *
 * <p>The published warehouse is one DuckDB file. A run builds a new file beside it,
 * {@code <published>.build-<run id>}, with the schemas {@code raw}, {@code staging}, {@code intermediate},
 * {@code core} and {@code mart}; publishing checkpoints and closes the build and renames it over the
 * published file in one atomic step, so readers open either the previous warehouse or the new one, never a
 * partial one. A build closed without publishing is deleted, and one left by a killed run is deleted when
 * the next build starts.
 *
 * <p>Raw layout, a contract for the SQL models: {@code raw.<source table>(_run_id BIGINT,
 * _source_file VARCHAR, _source_line BIGINT, <each header column, exactly as named, VARCHAR>)} with
 * {@code NULL} for an empty field, and {@code raw.quarantine(_run_id BIGINT, source_file VARCHAR,
 * line_number BIGINT, raw_text VARCHAR, reason VARCHAR)}. {@code _source_file} and {@code source_file} hold
 * the contract's file name; lines are 1-based with the header on line 1, a row's line being where it starts.
 */
public final class DuckDbWarehouse {

    private DuckDbWarehouse() {
    }

    /**
     * The warehouse published at {@code publishedFile} (which need not exist yet).
     *
     * @param publishedFile the DuckDB file readers open
     * @param settings      memory, threads, spill directory and model root for builds
     */
    public static Warehouse open(Path publishedFile, DuckDbSettings settings) {
        Objects.requireNonNull(publishedFile, "publishedFile");
        Objects.requireNonNull(settings, "settings");
        Path file = publishedFile.toAbsolutePath().normalize();
        if (file.getFileName() == null) {
            throw new IllegalArgumentException("the published warehouse must be a file, was " + publishedFile);
        }
        return new PublishedWarehouse(file, settings);
    }
}
