package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.CsvRecordReader.CsvRecord;
import org.olistdw.analytics.duckdb.CsvRecordReader.Malformation;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.source.SourceTable;
import org.olistdw.domain.warehouse.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one CSV file into its raw table through DuckDB's appender: each row that satisfies the source
 * contract goes to {@code raw.<table>} with its lineage, each other row to {@code raw.quarantine} and to
 * the caller, in file order. Memory stays bounded whatever the file size: one record at a time, and the
 * appender flushes in chunks.
 */
final class RawLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RawLoader.class);

    private final DuckDBConnection connection;
    private final RunId run;

    RawLoader(DuckDBConnection connection, RunId run) {
        this.connection = connection;
        this.run = run;
    }

    /**
     * Loads the file in one transaction: a load that fails leaves neither rows nor quarantine behind (the
     * rows already given to {@code quarantine} have been seen, though).
     */
    LoadResult load(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine) {
        long started = System.nanoTime();
        Counts counts = new Counts();
        boolean complete = false;
        begin();
        try {
            copy(table, file, quarantine, counts);
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + file + " into " + RawLayout.rawTable(table)
                    + ": " + e.getMessage(), e);
        } finally {
            end(complete, file);
        }
        LoadResult result = counts.result();
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        LOG.info("loaded {} into raw.{}: {} rows read, {} loaded, {} quarantined in {} s ({} rows/s)",
                table.fileName(), table.tableName(), result.rowsRead(), result.rowsLoaded(),
                result.rowsQuarantined(), String.format(Locale.ROOT, "%.2f", seconds),
                Math.round(result.rowsRead() / seconds));
        return result;
    }

    private void copy(SourceTable table, Path file, Consumer<QuarantinedRow> quarantine, Counts counts)
            throws IOException, SQLException {
        try (CsvRecordReader reader = CsvRecordReader.open(file);
             DuckDBAppender rows = connection.createAppender(RawLayout.RAW_SCHEMA, table.tableName());
             DuckDBAppender rejects = connection.createAppender(RawLayout.RAW_SCHEMA, RawLayout.QUARANTINE_TABLE)) {
            if (reader.next() == null) {
                LOG.warn("{} has no header line and no rows", file);
                return;
            }
            Quarantine sink = new Quarantine(table, rejects, quarantine, counts);
            BlankLines blankLines = new BlankLines();
            CsvRecord record;
            while ((record = reader.next()) != null) {
                if (record.isBlank()) {
                    blankLines.add(record.line());
                    continue;
                }
                blankLines.quarantineAll(sink, table);
                Optional<String> problem = record.malformation().map(m -> reasonFor(m, table));
                List<String> fields = null;
                if (problem.isEmpty()) {
                    fields = record.fields();
                    problem = table.problemWith(fields);
                }
                if (problem.isPresent()) {
                    sink.add(record.line(), record.rawText(), problem.get());
                } else {
                    append(rows, table, record.line(), fields);
                    counts.loaded++;
                }
            }
            // Blank lines at the end of the file are not rows: they are left out.
        }
    }

    /**
     * One transaction per file: the appender's chunk flushes then do not each commit (and sync the log), and
     * a failed load rolls back whole.
     */
    private void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot begin the load transaction: " + e.getMessage(), e);
        }
    }

    private void end(boolean complete, Path file) {
        try {
            if (complete) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            if (complete) {
                throw new IllegalStateException("cannot commit the load of " + file + ": " + e.getMessage(), e);
            }
            LOG.warn("cannot roll back the failed load of {}: {}", file, e.getMessage());
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("cannot return to auto-commit after loading {}: {}", file, e.getMessage());
            }
        }
    }

    private void append(DuckDBAppender rows, SourceTable table, long line, List<String> fields) throws SQLException {
        rows.beginRow();
        rows.append(run.value());
        rows.append(table.fileName());
        rows.append(line);
        for (String field : fields) {
            rows.append(field.isEmpty() ? null : field);
        }
        rows.endRow();
    }

    /** The reason for a malformed record, naming the column as the source contract's reasons do. */
    private static String reasonFor(Malformation malformation, SourceTable table) {
        List<String> header = table.header();
        String column = malformation.fieldIndex() < header.size()
                ? header.get(malformation.fieldIndex())
                : "field " + (malformation.fieldIndex() + 1) + " of " + header.size();
        return column + ": " + malformation.description();
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
        private final DuckDBAppender rejects;
        private final Consumer<QuarantinedRow> consumer;
        private final Counts counts;

        Quarantine(SourceTable table, DuckDBAppender rejects, Consumer<QuarantinedRow> consumer, Counts counts) {
            this.table = table;
            this.rejects = rejects;
            this.consumer = consumer;
            this.counts = counts;
        }

        void add(long line, String rawText, String reason) throws SQLException {
            rejects.beginRow();
            rejects.append(run.value());
            rejects.append(table.fileName());
            rejects.append(line);
            rejects.append(rawText);
            rejects.append(reason);
            rejects.endRow();
            counts.quarantined++;
            consumer.accept(new QuarantinedRow(table.fileName(), line, rawText, reason));
        }
    }

    /** Blank lines seen since the last row: rows only if another row follows them. */
    private static final class BlankLines {
        private long firstLine;
        private long count;

        void add(long line) {
            if (count == 0) {
                firstLine = line;
            }
            count++;
        }

        void quarantineAll(Quarantine sink, SourceTable table) throws SQLException {
            for (long i = 0; i < count; i++) {
                sink.add(firstLine + i, "", "blank line: expected " + table.columns().size() + " fields, found none");
            }
            count = 0;
        }
    }
}
