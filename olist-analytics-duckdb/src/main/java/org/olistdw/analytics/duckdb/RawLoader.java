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
 * <p>A regular file (see {@link SourceScan}) is read by DuckDB's own CSV reader, strict and parallel, every
 * column as text, into a table of the in-memory stage ({@link #STAGE}); the contract's checks run there as SQL
 * ({@link ContractSql}), and the rows are split into the raw table and quarantine by two set-based inserts.
 * Meanwhile the file's {@link SourceScan} reads it once more on its own: its record count must equal the rows
 * DuckDB read, and it gives each row its line and, for a quarantined row, its exact text.
 *
 * <p>A file DuckDB cannot read strictly, or whose rows DuckDB and the scan count differently, is read record by
 * record by the lenient {@link CsvRecordReader} instead, which quarantines every malformed record with its line
 * and what is wrong ({@link CheckedRows}). Rows go through DuckDB's appender into the stage, moved into the
 * build file by one set-based insert per batch; memory stays bounded whatever the file size.
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
     * Loads the file, reconciling it with {@code scan}. A load that fails part-way leaves part of the file in
     * the build, which must then be discarded, not published.
     *
     * @throws SourceFileProblem when the scan finds bytes that are not UTF-8
     */
    LoadResult load(SourceTable table, Path file, CompletableFuture<SourceScan> scan,
                    Consumer<QuarantinedRow> quarantine) {
        long started = System.nanoTime();
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
                loaded = new StagedCsv(table, scanned).split(quarantine);
            }
        } finally {
            dropQuietly(csvStage(table));
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

    /**
     * Reads the file with DuckDB's strict CSV reader into its table in the stage, every column as text.
     *
     * @return why DuckDB could not, or empty when it did
     */
    private Optional<String> readStrictly(SourceTable table, Path file) {
        String columns = table.header().stream()
                .map(name -> RawLayout.literal(name) + ": 'VARCHAR'")
                .collect(Collectors.joining(", ", "{", "}"));
        String sql = "create or replace table " + csvStage(table) + " as select * from read_csv("
                + RawLayout.literal(file.toAbsolutePath().toString())
                + ", auto_detect = false, header = true, delim = ',', quote = '\"', escape = '\"'"
                + ", columns = " + columns + ", strict_mode = true, null_padding = false, parallel = true"
                + ", max_line_size = " + (2 * SourceScan.MAX_RECORD_BYTES) + ")";
        try {
            orderedReads.run(() -> execute(sql));
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(RuleQueries.oneLine(e.getMessage()));
        }
    }

    /** The file's table in the stage, as DuckDB read it: row {@code rowid} is data record {@code rowid}. */
    private static String csvStage(SourceTable table) {
        return RawLayout.quote(STAGE) + ".main." + RawLayout.quote("csv_" + table.tableName());
    }

    /** The rows of a file DuckDB read strictly, checked in SQL and split into the raw table and quarantine. */
    private final class StagedCsv {
        private final SourceTable table;
        private final SourceScan scan;
        private final String stage;

        StagedCsv(SourceTable table, SourceScan scan) {
            this.table = table;
            this.scan = scan;
            this.stage = csvStage(table);
        }

        /** The result, or empty when DuckDB and the scan disagree (the file is then read record by record). */
        Optional<LoadResult> split(Consumer<QuarantinedRow> quarantine) {
            try {
                long read = count("select count(*) from " + stage);
                if (read != scan.records()) {
                    LOG.warn("{}: DuckDB read {} rows, the scan counts {} records; read record by record",
                            table.fileName(), read, scan.records());
                    return Optional.empty();
                }
                List<Reject> rejects = rejects();
                if (rejects == null) {
                    return Optional.empty();
                }
                String columns = ContractSql.quotedColumns(table).stream()
                        .map(column -> "csv." + column)
                        .collect(Collectors.joining(", "));
                long loaded;
                try (Statement statement = connection.createStatement()) {
                    loaded = statement.executeUpdate("insert into " + RawLayout.rawTable(table)
                            + " select " + run.value() + ", " + RawLayout.literal(table.fileName())
                            + ", " + lineFrom() + ", " + columns + " from " + stage + " as csv" + lineShifts()
                            + accepted(rejects));
                }
                if (loaded + rejects.size() != read) {
                    throw new IllegalStateException(table.fileName() + ": " + read + " rows read, " + loaded
                            + " loaded and " + rejects.size() + " quarantined");
                }
                quarantine(rejects, quarantine);
                return Optional.of(new LoadResult(read, loaded, rejects.size()));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot load " + scan.path() + " into " + RawLayout.rawTable(table)
                        + ": " + e.getMessage(), e);
            }
        }

        /**
         * The rows the SQL checks reject, in file order, with the contract's reason; {@code null} when the
         * contract finds no problem with one of them.
         */
        private List<Reject> rejects() throws SQLException {
            List<Reject> rejects = new ArrayList<>();
            String sql = "select rowid, " + String.join(", ", ContractSql.quotedColumns(table)) + " from " + stage
                    + " where not (" + ContractSql.rowIsValid(table, scan.mayHoldControlCharacters()) + ") order by rowid";
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

        /**
         * The condition that keeps the rows not rejected: none when every row passed, otherwise the rows whose
         * number is not among the rejected ones (the checks run once).
         */
        private String accepted(List<Reject> rejects) throws SQLException {
            if (rejects.isEmpty()) {
                return "";
            }
            String name = "rejects_" + table.tableName();
            String rejected = RawLayout.quote(STAGE) + ".main." + RawLayout.quote(name);
            execute("create or replace table " + rejected + " (row bigint)");
            try (DuckDBAppender appender = connection.createAppender(STAGE, "main", name)) {
                for (Reject reject : rejects) {
                    appender.beginRow();
                    appender.append(reject.row());
                    appender.endRow();
                }
            }
            return " where csv.rowid not in (select row from " + rejected + ")";
        }

        /** The line of staged row {@code csv}: its record number plus 2, plus the shift {@code shifts} gives it. */
        private String lineFrom() {
            return scan.divergences().isEmpty() ? "csv.rowid + 2" : "csv.rowid + 2 + shifts.extra";
        }

        /**
         * The join that gives each staged row its shift, from a table of the scan's divergences; none when
         * lines and records never diverge.
         */
        private String lineShifts() throws SQLException {
            List<SourceScan.Divergence> divergences = scan.divergences();
            if (divergences.isEmpty()) {
                return "";
            }
            String name = "lines_" + table.tableName();
            String shifts = RawLayout.quote(STAGE) + ".main." + RawLayout.quote(name);
            execute("create or replace table " + shifts + " (from_row bigint, extra bigint)");
            try (DuckDBAppender appender = connection.createAppender(STAGE, "main", name)) {
                appender.beginRow();
                appender.append(0L);
                appender.append(0L);
                appender.endRow();
                for (SourceScan.Divergence divergence : divergences) {
                    appender.beginRow();
                    appender.append(divergence.fromRecord());
                    appender.append(divergence.extraLines());
                    appender.endRow();
                }
            }
            return " asof join " + shifts + " as shifts on csv.rowid >= shifts.from_row";
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

        private long count(String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A staged row the contract rejects: its record number and why. */
    private record Reject(long row, String reason) {
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void dropQuietly(String stageTable) {
        try {
            execute("drop table if exists " + stageTable);
            execute("drop table if exists " + stageTable.replace("\"csv_", "\"lines_"));
            execute("drop table if exists " + stageTable.replace("\"csv_", "\"rejects_"));
        } catch (SQLException e) {
            LOG.warn("cannot drop {}: {}", stageTable, e.getMessage());
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
