package org.olistdw.pipeline.build;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.pipeline.source.SourceTable;

/** Port: loading source files into the raw tables of a build, one file at a time. */
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
    LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine);
}
