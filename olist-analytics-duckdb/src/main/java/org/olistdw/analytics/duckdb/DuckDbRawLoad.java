package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.source.SourceTable;

/** The loads of a build, on the build's own connection, one file at a time; remembers a load that failed part-way. */
final class DuckDbRawLoad implements RawLoad {

    private final DuckDbBuild build;
    private final RunId run;
    private volatile String failedLoad;

    DuckDbRawLoad(DuckDbBuild build, RunId run) {
        this.build = build;
        this.run = run;
    }

    @Override
    public LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(quarantine, "quarantine");
        build.requireOpen();
        try {
            return new RawLoader(build.connection(), run).load(table, file, quarantine);
        } catch (RuntimeException e) {
            if (failedLoad == null) {
                failedLoad = table.fileName() + " (" + e.getMessage() + ")";
            }
            throw e;
        }
    }

    /** The first load that failed part-way, with why: such a build holds part of a file. */
    Optional<String> failedLoad() {
        return Optional.ofNullable(failedLoad);
    }
}
