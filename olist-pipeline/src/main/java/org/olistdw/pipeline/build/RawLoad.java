package org.olistdw.pipeline.build;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.source.SourceScan;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Port: loading source files into the raw tables of a build. Loads of different files may run at the same
 * time, each on a thread of its own.
 */
public interface RawLoad {

    /**
     * Loads one source file into its raw table with lineage (run id, source file, source line). Rows that
     * break the table's contract go to the build's quarantine and to {@code quarantine}; every row read
     * is either loaded or quarantined. A load that fails part-way leaves a build that cannot be published.
     *
     * @param table      the contract the file must satisfy; its header must already have been checked
     * @param file       the CSV file
     * @param quarantine receives each row that could not be read, in file order
     */
    default LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine) {
        return load(table, file, SourceScan.start(table, file), quarantine);
    }

    /**
     * Loads one source file as {@link #load(SourceTable, Path, Consumer)} does, reconciling the rows read with
     * {@code scan}, an independent read of the same file that runs meanwhile.
     *
     * @param scan the scan of {@code file}; the load fails when it finds bytes that are not UTF-8
     */
    LoadResult load(SourceTable table, Path file, CompletableFuture<SourceScan> scan,
                    Consumer<QuarantinedRow> quarantine);

    /**
     * Opens the warehouse an earlier run built, to carry the raw rows of files unchanged since that run over from
     * it instead of reading the files again: the published warehouse, or the failed build kept by
     * {@link Warehouse#keptFailedRun()}.
     *
     * @param from the run whose build must be the published warehouse or the kept failed build
     * @throws IllegalStateException when neither is the build of {@code from}, or it cannot be opened
     */
    CarryOver carryOver(RunId from);

    /** The warehouse of an earlier run, open to copy raw tables from and to compare them with; closing it lets it go. */
    interface CarryOver extends AutoCloseable {

        /**
         * Compares {@code table}'s raw rows in the build, just loaded from a changed file, with its raw rows in the
         * published warehouse, by the table's {@linkplain SourceTable#key() key} (the lineage columns left out): the
         * keys only in the build, those in both with other rows, those only in the published warehouse. When the
         * table's rows belong to orders, the build remembers the orders of the keys touched (see
         * {@link #ordersAffected()}). Several tables may be compared at once.
         */
        KeyChanges compare(SourceTable table);

        /**
         * The distinct orders of the keys that {@link #compare} found touched, over every table compared, with the
         * orders of the build placed under a customer id whose row was touched; once every file is loaded.
         */
        long ordersAffected();

        /**
         * Copies {@code table}'s raw rows (with their lineage: the run that read them, file and line) and its
         * quarantined rows from that warehouse into the build, each quarantined row also to
         * {@code quarantine}, in line order. A build that started from a copy of that warehouse holding the table
         * ({@link Warehouse#newBuild(RunId, java.time.Instant, RunId, java.util.Set)}) copies nothing and counts
         * the rows it holds.
         *
         * @return the rows so loaded and quarantined, read being their sum
         */
        LoadResult copy(SourceTable table, Consumer<QuarantinedRow> quarantine);

        @Override
        void close();
    }
}
