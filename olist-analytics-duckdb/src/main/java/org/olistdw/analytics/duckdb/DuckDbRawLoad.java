package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.source.SourceScan;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The loads of a build, each on a session of its own so that files load at the same time; remembers a load that
 * failed part-way.
 */
final class DuckDbRawLoad implements RawLoad {

    private final DuckDbBuild build;
    private final RunId run;
    private volatile OrderedReads orderedReads;
    private volatile String failedLoad;

    DuckDbRawLoad(DuckDbBuild build, RunId run) {
        this.build = build;
        this.run = run;
    }

    @Override
    public LoadResult load(SourceTable table, Path file, CompletableFuture<SourceScan> scan,
                           Consumer<QuarantinedRow> quarantine) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(quarantine, "quarantine");
        build.requireOpen();
        try (DuckDBConnection session = build.session()) {
            return new RawLoader(session, run, RawLoader.BATCH_ROWS, orderedReads()).load(table, file, scan,
                    quarantine);
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                if (failedLoad == null) {
                    failedLoad = table.fileName() + " (" + e.getMessage() + ")";
                }
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot close the session of the load of " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private synchronized OrderedReads orderedReads() {
        if (orderedReads == null) {
            orderedReads = new OrderedReads(build.connection());
        }
        return orderedReads;
    }

    /** The first load that failed part-way, with why: such a build holds part of a file. */
    Optional<String> failedLoad() {
        return Optional.ofNullable(failedLoad);
    }
}
