package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.olistdw.analytics.duckdb.CsvRecordReader.CsvRecord;
import org.olistdw.pipeline.source.CsvRecords.Malformation;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The data rows of a source file, read and checked against the contract on a thread of their own, handed
 * over in file order in small batches through a bounded queue: the reader never runs more than a few
 * batches ahead, so memory stays bounded, and reading overlaps with appending.
 *
 * <p>The rows are the records of {@link CsvRecordReader}: the header line is skipped, blank lines at the end of
 * the file are not rows, and a blank line followed by a row is a row, with a problem.
 */
final class CheckedRows implements AutoCloseable {

    /**
     * One data row: its fields when it satisfies the contract, otherwise why not.
     *
     * @param line    the line where it starts
     * @param rawText its text as in the file
     * @param fields  its fields, when it has no problem
     * @param problem why it cannot be read, naming the column, or {@code null}
     */
    record CheckedRow(long line, String rawText, List<String> fields, String problem) {
    }

    static final int BATCH_SIZE = 1024;
    private static final int BATCHES_AHEAD = 8;

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final SourceTable table;
    private final Path file;
    private final Thread reader;
    private boolean finished;

    private CheckedRows(SourceTable table, Path file) {
        this.table = table;
        this.file = file;
        this.reader = new Thread(this::readAll, "load-" + table.tableName());
        this.reader.setDaemon(true);
    }

    /** Starts reading {@code file} in the background. */
    static CheckedRows start(SourceTable table, Path file) {
        CheckedRows rows = new CheckedRows(table, file);
        rows.reader.start();
        return rows;
    }

    /**
     * The next rows in file order, or {@code null} when there are no more.
     *
     * @throws IOException when the file cannot be read
     */
    @SuppressWarnings("unchecked")
    List<CheckedRow> nextBatch() throws IOException {
        if (finished) {
            return null;
        }
        Object next;
        try {
            next = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + file, e);
        }
        if (next instanceof List<?> batch) {
            return (List<CheckedRow>) batch;
        }
        finished = true;
        if (next instanceof Failure failure) {
            Throwable cause = failure.cause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (cause instanceof UncheckedIOException io) {
                throw new IOException(io.getMessage(), io.getCause());
            }
            throw new IllegalStateException("cannot read " + file + ": " + cause, cause);
        }
        return null;
    }

    /** Stops the background reader if the rows were not all taken. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() {
        try (CsvRecordReader records = CsvRecordReader.open(file, table.columns().size())) {
            check(records);
            batches.put(End.INSTANCE);
        } catch (InterruptedException e) {
            // The consumer stopped early; nobody is waiting for the rest.
        } catch (IOException | RuntimeException | Error e) {
            try {
                batches.put(new Failure(e));
            } catch (InterruptedException stopped) {
                // The consumer stopped early; nobody is waiting for the failure.
            }
        }
    }

    private void check(CsvRecordReader records) throws IOException, InterruptedException {
        List<CheckedRow> batch = new ArrayList<>(BATCH_SIZE);
        CsvRecord record;
        while ((record = records.next()) != null) {
            batch.add(record.isBlank()
                    ? new CheckedRow(record.line(), "", null,
                            "blank line: expected " + table.columns().size() + " fields, found none")
                    : checked(record));
            if (batch.size() >= BATCH_SIZE) {
                batches.put(batch);
                batch = new ArrayList<>(BATCH_SIZE);
            }
        }
        if (!batch.isEmpty()) {
            batches.put(batch);
        }
    }

    private CheckedRow checked(CsvRecord record) {
        Optional<Malformation> malformation = record.malformation();
        if (malformation.isPresent()) {
            return new CheckedRow(record.line(), record.rawText(), null, reasonFor(malformation.get()));
        }
        List<String> fields = record.fields();
        Optional<String> problem = table.problemWith(fields);
        return problem.isPresent()
                ? new CheckedRow(record.line(), record.rawText(), null, problem.get())
                : new CheckedRow(record.line(), record.rawText(), fields, null);
    }

    /** The reason for a malformed record, naming the column as the source contract's reasons do. */
    private String reasonFor(Malformation malformation) {
        List<String> header = table.header();
        String column = malformation.fieldIndex() < header.size()
                ? header.get(malformation.fieldIndex())
                : "field " + (malformation.fieldIndex() + 1) + " of " + header.size();
        return column + ": " + malformation.description();
    }

    private enum End { INSTANCE }

    private record Failure(Throwable cause) {
    }
}
