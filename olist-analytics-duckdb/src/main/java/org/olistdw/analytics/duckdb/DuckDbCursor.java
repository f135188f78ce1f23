package org.olistdw.analytics.duckdb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * One query read row by row on a connection of its own: a duplicate of the warehouse's connection (same
 * database, own session) on which DuckDB streams the result chunk by chunk instead of materialising it, so
 * reading a table of any size holds one chunk (2,048 rows) in the JVM; a sort behind the query stays within
 * DuckDB's memory limit, spilling to its temporary directory beyond it. DuckDB streams only one result per
 * connection at a time, so each open cursor has its own duplicate. Closing the cursor closes the result,
 * the statement and the duplicate, never the warehouse's connection.
 *
 * <p>The cursor is positioned on its current row ({@link #row()}) until {@link #advance()} moves it on;
 * {@link #take(String, RowMapper)} reads the rows of one key when the query is sorted by that key first,
 * which is how several sorted cursors are merged into one aggregate at a time.
 */
final class DuckDbCursor implements AutoCloseable {

    /** Reads one row of a cursor into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** DuckDB's name of a timestamp in microseconds without time zone. */
    private static final String PLAIN_TIMESTAMP = "TIMESTAMP";
    /** DuckDB's name of bytes. */
    private static final String BYTES = "BLOB";
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private final DuckDBConnection connection;
    private final PreparedStatement statement;
    private final ResultSet result;
    private final boolean keyAsBytes;
    private boolean onRow;
    private String currentKey;
    private boolean closed;

    private DuckDbCursor(DuckDBConnection connection, PreparedStatement statement, ResultSet result)
            throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.keyAsBytes = BYTES.equals(result.getMetaData().getColumnTypeName(1));
    }

    /**
     * Runs {@code sql} with {@code parameters} on a streaming duplicate of {@code warehouse} and positions the
     * cursor on the first row.
     *
     * @throws IllegalStateException with a one-line reason when the query cannot run
     */
    static DuckDbCursor open(DuckDBConnection warehouse, String sql, Object... parameters) {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(sql, "sql");
        DuckDBConnection duplicate = null;
        PreparedStatement statement = null;
        try {
            duplicate = warehouse.duplicate();
            try (Statement session = duplicate.createStatement()) {
                session.execute("set session jdbc_stream_results = true");
            }
            statement = duplicate.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            DuckDbCursor cursor = new DuckDbCursor(duplicate, statement, statement.executeQuery());
            cursor.advance();
            return cursor;
        } catch (SQLException e) {
            closeQuietly(statement);
            closeQuietly(duplicate);
            throw failure(e);
        }
    }

    /** Whether the cursor is on a row; false once every row is read. */
    boolean hasRow() {
        return onRow;
    }

    /** The current row. */
    ResultSet row() {
        if (!onRow) {
            throw new IllegalStateException("the cursor has no row left");
        }
        return result;
    }

    /**
     * The first column of the current row, as text: the key {@link #take} compares. A first column of bytes is
     * read as {@link #text(ResultSet, int)} reads it.
     */
    String key() {
        if (!onRow) {
            throw new IllegalStateException("the cursor has no row left");
        }
        return currentKey;
    }

    /** Moves to the next row; closes the cursor after the last one. */
    void advance() {
        try {
            onRow = result.next();
            currentKey = !onRow ? null : keyAsBytes ? text(result, 1) : result.getString(1);
        } catch (SQLException e) {
            throw failure(e);
        }
        if (!onRow) {
            close();
        }
    }

    /**
     * The rows, from the current one on, whose first column is {@code key}, each read by {@code mapper}; the
     * cursor is left on the first row of a greater key. The query must be sorted by its first column: rows of
     * a smaller key, which no earlier call took, belong to no key asked for and are skipped.
     */
    <T> List<T> take(String key, RowMapper<T> mapper) {
        Objects.requireNonNull(key, "key");
        List<T> rows = new ArrayList<>();
        try {
            while (onRow) {
                int order = compareKeys(currentKey, key);
                if (order > 0) {
                    break;
                }
                if (order == 0) {
                    rows.add(mapper.map(result));
                }
                advance();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return rows;
    }

    /**
     * Text keys in DuckDB's order: by Unicode code point (the order of their UTF-8 bytes), a null key after
     * every other, as {@code order by} sorts them.
     */
    static int compareKeys(String left, String right) {
        if (left != null && left.equals(right)) {
            return 0;
        }
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    /** The current row read by {@code mapper}, then moves on. */
    <T> T next(RowMapper<T> mapper) {
        try {
            T value = mapper.map(row());
            advance();
            return value;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Closes the result, its statement and the duplicate connection; closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onRow = false;
        closeQuietly(result);
        closeQuietly(statement);
        closeQuietly(connection);
    }

    /** A {@code TIMESTAMP} column, null when null. */
    static LocalDateTime timestamp(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class);
    }

    /** A {@code DECIMAL} column, null when null. */
    static BigDecimal decimal(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column);
    }

    /**
     * The {@code TIMESTAMP} column at {@code position} (from 1), null when null. A plain {@code TIMESTAMP} is read
     * as its microseconds since 1970-01-01 and turned into the same local date and time the driver gives, without
     * the time-zone rules the driver builds for every value; any other type, and the infinities, as the driver
     * reads them.
     */
    static LocalDateTime timestamp(ResultSet row, int position) throws SQLException {
        if (!PLAIN_TIMESTAMP.equals(row.getMetaData().getColumnTypeName(position))) {
            return row.getObject(position, LocalDateTime.class);
        }
        long micros = row.getLong(position);
        if (row.wasNull()) {
            return null;
        }
        if (micros == Long.MAX_VALUE || micros == -Long.MAX_VALUE) {
            return row.getObject(position, LocalDateTime.class);
        }
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO, ZoneOffset.UTC);
    }

    /**
     * The text of the column at {@code position} (from 1), which the query reads as its UTF-8 bytes
     * ({@code encode(customer_id)}); null when null. The driver hands over a {@code BLOB}'s bytes as they
     * are and decodes a {@code VARCHAR} through a character decoder value by value: reading ids of 32 characters
     * as bytes and making them text here takes about a third of the time.
     */
    static String text(ResultSet row, int position) throws SQLException {
        byte[] bytes = row.getBytes(position);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The {@code DECIMAL} column at {@code position} (from 1), null when null. */
    static BigDecimal decimal(ResultSet row, int position) throws SQLException {
        return row.getBigDecimal(position);
    }

    /** An integer column, null when null. */
    static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** A failed query as an unchecked exception with DuckDB's message on one line. */
    static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("cannot read the warehouse: " + RuleQueries.oneLine(e.getMessage()), e);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // closing a cursor that failed or ended; nothing is left to release
        }
    }
}
