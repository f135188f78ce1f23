package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.CheckedRows.CheckedRow;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one CSV file into its raw table: each row that satisfies the source contract goes to
 * {@code raw.<table>} with its lineage, each other row to {@code raw.quarantine} and to the caller, in file
 * order.
 *
 * <p>Reading and checking the file runs on its own thread ({@link CheckedRows}) while this one appends.
 * Rows go through DuckDB's appender into tables of a small in-memory database attached to the build
 * ({@link #STAGE}), moved into the build file by one set-based insert per batch: appending straight into
 * the file compresses and writes each chunk on the appending thread, about half as fast. Memory stays
 * bounded whatever the file size: one record at a time in Java, one batch in DuckDB.
 */
final class RawLoader {

    /** The in-memory database attached to every build, where loads stage their batches. */
    static final String STAGE = "load_stage";

    /** Rows staged before they move into the build file: two DuckDB row groups. */
    static final int BATCH_ROWS = 2 * 122_880;

    private static final Logger LOG = LoggerFactory.getLogger(RawLoader.class);

    private final DuckDBConnection connection;
    private final RunId run;
    private final int batchRows;

    RawLoader(DuckDBConnection connection, RunId run) {
        this(connection, run, BATCH_ROWS);
    }

    RawLoader(DuckDBConnection connection, RunId run, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("a batch must hold at least one row, was " + batchRows);
        }
        this.connection = connection;
        this.run = run;
        this.batchRows = batchRows;
    }

    /** The statement that attaches the stage to a build's connection. */
    static String attachStage() {
        return "attach ':memory:' as " + RawLayout.quote(STAGE);
    }

    /**
     * Loads the file. A load that fails part-way leaves part of the file in the build, which must then be
     * discarded, not published.
     */
    LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine) {
        long started = System.nanoTime();
        Counts counts = new Counts();
        try (CheckedRows checkedRows = CheckedRows.start(table, file);
             StagedTable rows = new StagedTable(table.tableName());
             StagedTable rejects = new StagedTable(RawLayout.QUARANTINE_TABLE)) {
            Quarantine sink = new Quarantine(table, rejects, quarantine, counts);
            List<CheckedRow> batch;
            while ((batch = checkedRows.nextBatch()) != null) {
                for (CheckedRow row : batch) {
                    if (row.problem() != null) {
                        sink.add(row.line(), row.rawText(), row.problem());
                    } else {
                        append(rows, table, row.line(), row.fields());
                        counts.loaded++;
                    }
                }
                if (rows.staged() + rejects.staged() >= batchRows) {
                    rows.moveIntoBuild();
                    rejects.moveIntoBuild();
                }
            }
            rows.moveIntoBuild();
            rejects.moveIntoBuild();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + file + " into " + RawLayout.rawTable(table)
                    + ": " + e.getMessage(), e);
        }
        LoadResult result = counts.result();
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        LOG.info("loaded {} into raw.{}: {} rows read, {} loaded, {} quarantined in {} s ({} rows/s)",
                table.fileName(), table.tableName(), result.rowsRead(), result.rowsLoaded(),
                result.rowsQuarantined(), String.format(Locale.ROOT, "%.2f", seconds),
                Math.round(result.rowsRead() / seconds));
        return result;
    }

    private void append(StagedTable rows, SourceTable table, long line, List<String> fields) throws SQLException {
        DuckDBAppender appender = rows.appender();
        appender.beginRow();
        appender.append(run.value());
        appender.append(table.fileName());
        appender.append(line);
        for (String field : fields) {
            appender.append(field.isEmpty() ? null : field);
        }
        appender.endRow();
        rows.appended();
    }

    /** A raw table's twin in the stage: appended to, then moved into the build file batch by batch. */
    private final class StagedTable implements AutoCloseable {
        private final String target;
        private final String stage;
        private final DuckDBAppender appender;
        private long staged;

        StagedTable(String rawTable) throws SQLException {
            this.target = RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote(rawTable);
            this.stage = RawLayout.quote(STAGE) + ".main." + RawLayout.quote(rawTable);
            execute("create or replace table " + stage + " as select * from " + target + " limit 0");
            this.appender = connection.createAppender(STAGE, "main", rawTable);
        }

        DuckDBAppender appender() {
            return appender;
        }

        void appended() {
            staged++;
        }

        long staged() {
            return staged;
        }

        void moveIntoBuild() throws SQLException {
            appender.flush();
            if (staged > 0) {
                execute("insert into " + target + " select * from " + stage);
                execute("truncate " + stage);
                staged = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                appender.close();
            } finally {
                execute("drop table if exists " + stage);
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private static final class Counts {
        long loaded;
        long quarantined;

        LoadResult result() {
            return new LoadResult(loaded + quarantined, loaded, quarantined);
        }
    }

    private final class Quarantine {
        private final SourceTable table;
        private final StagedTable rejects;
        private final Consumer<QuarantinedRow> consumer;
        private final Counts counts;

        Quarantine(SourceTable table, StagedTable rejects, Consumer<QuarantinedRow> consumer, Counts counts) {
            this.table = table;
            this.rejects = rejects;
            this.consumer = consumer;
            this.counts = counts;
        }

        void add(long line, String rawText, String reason) throws SQLException {
            DuckDBAppender appender = rejects.appender();
            appender.beginRow();
            appender.append(run.value());
            appender.append(table.fileName());
            appender.append(line);
            appender.append(rawText);
            appender.append(reason);
            appender.endRow();
            rejects.appended();
            counts.quarantined++;
            consumer.accept(new QuarantinedRow(table.fileName(), line, rawText, reason));
        }
    }
}
