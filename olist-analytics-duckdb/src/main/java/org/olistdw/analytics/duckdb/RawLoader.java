package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.CheckedRows.CheckedRow;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.Futures;
import org.olistdw.pipeline.source.ControlCharacters;
import org.olistdw.pipeline.source.SourceFileProblem;
import org.olistdw.pipeline.source.SourceInspector;
import org.olistdw.pipeline.source.SourceScan;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one CSV file into its raw table: each row that satisfies the source contract goes to
 * {@code raw.<table>} with its lineage, each other row to {@code raw.quarantine} and to the caller, in file
 * order.
 *
 * <p>A regular file (see {@link SourceScan}) is read by DuckDB's own CSV reader, strict, every column as text,
 * straight into the raw table, each row numbered in file order as it goes in (so no copy of the file is held in
 * memory or written twice). The contract's checks then run over the raw table as SQL ({@link ContractSql}); the
 * rows they reject are deleted from it and quarantined. Meanwhile the file's {@link SourceScan} reads it once
 * more on its own: its record count must equal the rows DuckDB read, and it gives each row its line (rows after a
 * quoted line break have their line moved on by one update) and, for a quarantined row, its exact text.
 *
 * <p>A file DuckDB cannot read strictly, or whose rows DuckDB and the scan count differently, is read record by
 * record by the lenient {@link CsvRecordReader} instead (whatever the strict read put in the raw table is deleted
 * first), which quarantines every malformed record with its line and what is wrong ({@link CheckedRows}). Rows go
 * through DuckDB's appender into the stage, moved into the build file by one set-based insert per batch; memory
 * stays bounded whatever the file size.
 */
final class RawLoader {

    /** The in-memory database attached to every build, where loads stage their batches and small tables. */
    static final String STAGE = "load_stage";

    /** Rows staged before they move into the build file: two DuckDB row groups. */
    static final int BATCH_ROWS = 2 * 122_880;

    private static final Logger LOG = LoggerFactory.getLogger(RawLoader.class);

    private final DuckDBConnection connection;
    private final RunId run;
    private final int batchRows;
    private final OrderedReads orderedReads;

    RawLoader(DuckDBConnection connection, RunId run) {
        this(connection, run, BATCH_ROWS);
    }

    RawLoader(DuckDBConnection connection, RunId run, int batchRows) {
        this(connection, run, batchRows, new OrderedReads(connection));
    }

    RawLoader(DuckDBConnection connection, RunId run, int batchRows, OrderedReads orderedReads) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("a batch must hold at least one row, was " + batchRows);
        }
        this.connection = connection;
        this.run = run;
        this.batchRows = batchRows;
        this.orderedReads = orderedReads;
    }

    /** The statement that attaches the stage to a build's connection. */
    static String attachStage() {
        return "attach ':memory:' as " + RawLayout.quote(STAGE);
    }

    /**
     * Loads the file, scanning it meanwhile. A load that fails part-way leaves part of the file in the build,
     * which must then be discarded, not published.
     */
    LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine) {
        return load(table, file, SourceScan.start(table, file), quarantine);
    }

    /**
     * Loads the file into its raw table, which must be empty, reconciling it with {@code scan}. A load that fails
     * part-way leaves part of the file in the build, which must then be discarded, not published.
     *
     * @throws SourceFileProblem when the scan finds bytes that are not UTF-8
     */
    LoadResult load(SourceTable table, Path file, CompletableFuture<SourceScan> scan,
                    Consumer<QuarantinedRow> quarantine) {
        long started = System.nanoTime();
        requireEmpty(table);
        Optional<String> strictReadFailure = readStrictly(table, file);
        long read = System.nanoTime();
        SourceScan scanned = Futures.join(scan);
        long joined = System.nanoTime();
        SourceInspector.requireUtf8(table, scanned);
        Optional<LoadResult> loaded = Optional.empty();
        try {
            if (strictReadFailure.isPresent()) {
                LOG.info("{} is read record by record: {}", table.fileName(), strictReadFailure.get());
            } else if (!scanned.isRegular()) {
                LOG.info("{} is read record by record: it is not regular RFC 4180 with {} fields a row",
                        table.fileName(), table.columns().size());
            } else {
                loaded = new StrictCsv(table, scanned).split(quarantine);
            }
            if (loaded.isEmpty() && strictReadFailure.isEmpty()) {
                execute("delete from " + RawLayout.rawTable(table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + file + " into " + RawLayout.rawTable(table) + ": "
                    + e.getMessage(), e);
        } finally {
            dropQuietly(table);
        }
        LoadResult result = loaded.orElseGet(() -> loadRecordByRecord(table, file, quarantine));
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        LOG.info("loaded {} into raw.{}: {} rows read ({} by the scan), {} loaded, {} quarantined in {} s ({} rows/s;"
                        + " read {} s, scan waited for {} s)",
                table.fileName(), table.tableName(), result.rowsRead(), scanned.records(), result.rowsLoaded(),
                result.rowsQuarantined(), String.format(Locale.ROOT, "%.2f", seconds),
                Math.round(result.rowsRead() / seconds), String.format(Locale.ROOT, "%.2f", (read - started) / 1e9),
                String.format(Locale.ROOT, "%.2f", (joined - read) / 1e9));
        return result;
    }

    /** Refuses to load into a raw table that holds rows already: its rows would be taken for the file's. */
    private void requireEmpty(SourceTable table) {
        try {
            long rows = count("select count(*) from " + RawLayout.rawTable(table));
            if (rows != 0) {
                throw new IllegalStateException(RawLayout.rawTable(table) + " holds " + rows + " rows before "
                        + table.fileName() + " is loaded into it");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + RawLayout.rawTable(table) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the file with DuckDB's strict CSV reader straight into its raw table, every column as text, each row
     * with its record number plus 2 as its line (the line it starts on when no quoted field holds a line break).
     * The statement inserts every row or none.
     *
     * @return why DuckDB could not, or empty when it did
     */
    private Optional<String> readStrictly(SourceTable table, Path file) {
        String columns = table.header().stream()
                .map(name -> RawLayout.literal(name) + ": 'VARCHAR'")
                .collect(Collectors.joining(", ", "{", "}"));
        String sql = "insert into " + RawLayout.rawTable(table) + " select " + run.value() + ", "
                + RawLayout.literal(table.fileName()) + ", row_number() over () + 1, "
                + String.join(", ", ContractSql.quotedColumns(table)) + " from read_csv("
                + RawLayout.literal(file.toAbsolutePath().toString())
                + ", auto_detect = false, header = true, delim = ',', quote = '\"', escape = '\"'"
                + ", columns = " + columns + ", strict_mode = true, null_padding = false, parallel = true"
                + ", max_line_size = " + (2 * SourceScan.MAX_RECORD_BYTES) + ")";
        try {
            // row_number() over () numbers the rows in the order they come in, which is file order only while
            // insertion order is kept
            orderedReads.run(() -> execute(sql));
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(RuleQueries.oneLine(e.getMessage()));
        }
    }

    /** A table of the stage, {@code <prefix>_<table>}, which only the load of {@code table} uses. */
    private static String stageTable(String prefix, SourceTable table) {
        return RawLayout.quote(STAGE) + ".main." + RawLayout.quote(prefix + "_" + table.tableName());
    }

    /**
     * The rows of a file DuckDB read strictly into its raw table, checked in SQL there: the rejected ones deleted,
     * the lines of the others made right.
     */
    private final class StrictCsv {
        private final SourceTable table;
        private final SourceScan scan;
        private final String raw;

        StrictCsv(SourceTable table, SourceScan scan) {
            this.table = table;
            this.scan = scan;
            this.raw = RawLayout.rawTable(table);
        }

        /**
         * The result, or empty when DuckDB and the scan disagree, or the SQL checks and the contract do (the file is
         * then read record by record).
         */
        Optional<LoadResult> split(Consumer<QuarantinedRow> quarantine) throws SQLException {
            long read = count("select count(*) from " + raw);
            if (read != scan.records()) {
                LOG.warn("{}: DuckDB read {} rows, the scan counts {} records; read record by record",
                        table.fileName(), read, scan.records());
                return Optional.empty();
            }
            List<Reject> rejects = rejects();
            if (rejects == null) {
                return Optional.empty();
            }
            deleteRejected(rejects);
            long loaded = count("select count(*) from " + raw);
            if (loaded + rejects.size() != read) {
                throw new IllegalStateException(table.fileName() + ": " + read + " rows read, " + loaded
                        + " loaded and " + rejects.size() + " quarantined");
            }
            shiftLines();
            quarantine(rejects, quarantine);
            return Optional.of(new LoadResult(read, loaded, rejects.size()));
        }

        /**
         * The rows the SQL checks reject, in file order, with the contract's reason; {@code null} when the
         * contract finds no problem with one of them. Run before {@link #shiftLines}, while a row's line is its
         * record number plus 2.
         */
        private List<Reject> rejects() throws SQLException {
            List<Reject> rejects = new ArrayList<>();
            String sql = "select _source_line - 2, " + String.join(", ", ContractSql.quotedColumns(table)) + " from "
                    + raw + " where not (" + ContractSql.rowIsValid(table, scan.mayHoldControlCharacters())
                    + ") order by _source_line";
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                int width = table.columns().size();
                while (rows.next()) {
                    List<String> fields = new ArrayList<>(width);
                    for (int i = 0; i < width; i++) {
                        String field = rows.getString(i + 2);
                        fields.add(field == null ? "" : field);
                    }
                    Optional<String> problem = table.problemWith(fields);
                    if (problem.isEmpty()) {
                        LOG.warn("{}: the SQL checks reject record {} that the contract accepts; read record by"
                                + " record", table.fileName(), rows.getLong(1));
                        return null;
                    }
                    rejects.add(new Reject(rows.getLong(1), problem.get()));
                }
            }
            return rejects;
        }

        /** Deletes the rejected rows from the raw table, by record number (the checks run once). */
        private void deleteRejected(List<Reject> rejects) throws SQLException {
            if (rejects.isEmpty()) {
                return;
            }
            String name = "rejects_" + table.tableName();
            String rejected = stageTable("rejects", table);
            execute("create or replace table " + rejected + " (row bigint)");
            try (DuckDBAppender appender = connection.createAppender(STAGE, "main", name)) {
                for (Reject reject : rejects) {
                    appender.beginRow();
                    appender.append(reject.row());
                    appender.endRow();
                }
            }
            long deleted;
            try (Statement statement = connection.createStatement()) {
                deleted = statement.executeUpdate("delete from " + raw + " where _source_line - 2 in (select row from "
                        + rejected + ")");
            }
            if (deleted != rejects.size()) {
                throw new IllegalStateException(table.fileName() + ": " + rejects.size() + " rows rejected, "
                        + deleted + " deleted from " + raw);
            }
        }

        /**
         * Moves on the line of each row after a quoted line break by the extra lines before it, from a table of
         * the scan's divergences as ranges of record numbers; nothing when lines and records never diverge.
         */
        private void shiftLines() throws SQLException {
            List<SourceScan.Divergence> divergences = scan.divergences();
            if (divergences.isEmpty()) {
                return;
            }
            String name = "lines_" + table.tableName();
            String shifts = stageTable("lines", table);
            execute("create or replace table " + shifts + " (from_row bigint, to_row bigint, extra bigint)");
            try (DuckDBAppender appender = connection.createAppender(STAGE, "main", name)) {
                for (int i = 0; i < divergences.size(); i++) {
                    SourceScan.Divergence divergence = divergences.get(i);
                    appender.beginRow();
                    appender.append(divergence.fromRecord());
                    appender.append(i + 1 < divergences.size() ? divergences.get(i + 1).fromRecord() : Long.MAX_VALUE);
                    appender.append(divergence.extraLines());
                    appender.endRow();
                }
            }
            execute("update " + raw + " as loaded set _source_line = loaded._source_line + shifts.extra from " + shifts
                    + " as shifts where loaded._source_line - 2 >= shifts.from_row"
                    + " and loaded._source_line - 2 < shifts.to_row");
        }

        private void quarantine(List<Reject> rejects, Consumer<QuarantinedRow> consumer) throws SQLException {
            if (rejects.isEmpty()) {
                return;
            }
            List<String> texts = scan.rawTexts(rejects.stream().mapToLong(Reject::row).toArray());
            try (StagedTable staged = new StagedTable(RawLayout.QUARANTINE_TABLE, "quarantine_" + table.tableName())) {
                Quarantine sink = new Quarantine(table, staged, consumer, new Counts());
                for (int i = 0; i < rejects.size(); i++) {
                    Reject reject = rejects.get(i);
                    sink.add(scan.lineOf(reject.row()), texts.get(i), reject.reason());
                }
                staged.moveIntoBuild();
            }
        }
    }

    /** A row the contract rejects: its record number and why. */
    private record Reject(long row, String reason) {
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void dropQuietly(SourceTable table) {
        try {
            execute("drop table if exists " + stageTable("lines", table));
            execute("drop table if exists " + stageTable("rejects", table));
        } catch (SQLException e) {
            LOG.warn("cannot drop the stage tables of {}: {}", table.fileName(), e.getMessage());
        }
    }

    /** Reads the file with the lenient reader, one record at a time. */
    private LoadResult loadRecordByRecord(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine) {
        Counts counts = new Counts();
        try (CheckedRows checkedRows = CheckedRows.start(table, file);
             StagedTable rows = new StagedTable(table.tableName(), "rows_" + table.tableName());
             StagedTable rejects = new StagedTable(RawLayout.QUARANTINE_TABLE, "quarantine_" + table.tableName())) {
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
        return counts.result();
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

        /** Stages rows of {@code raw.<rawTable>} in {@code stageTable}, a name no other load uses. */
        StagedTable(String rawTable, String stageTable) throws SQLException {
            this.target = RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote(rawTable);
            this.stage = RawLayout.quote(STAGE) + ".main." + RawLayout.quote(stageTable);
            execute("create or replace table " + stage + " as select * from " + target + " limit 0");
            this.appender = connection.createAppender(STAGE, "main", stageTable);
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

        /** Quarantines a row; its text is kept as in the file, control characters made visible. */
        void add(long line, String rawText, String reason) throws SQLException {
            String text = ControlCharacters.visible(rawText);
            DuckDBAppender appender = rejects.appender();
            appender.beginRow();
            appender.append(run.value());
            appender.append(table.fileName());
            appender.append(line);
            appender.append(text);
            appender.append(reason);
            appender.endRow();
            rejects.appended();
            counts.quarantined++;
            consumer.accept(new QuarantinedRow(table.fileName(), line, text, reason));
        }
    }
}
