package org.olistdw.tools.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Times one query on one engine, cold and warm, the same way for DuckDB and PostgreSQL.
 *
 * <ul>
 *   <li><b>Cold</b>: the first execution on a freshly opened connection; each cold sample opens its own
 *       connection and closes it afterwards. The cold samples run before any warm connection is open, so
 *       an embedded engine (DuckDB) starts each of them from a newly opened database.</li>
 *   <li><b>Warm</b>: executions on one connection, after a first execution that is not timed.</li>
 * </ul>
 * A timed execution covers creating the statement, executing the query, reading every column of every row
 * of the result and closing it; opening a connection is not timed. Every execution must return the same
 * number of rows, or the timing fails. Percentiles are nearest-rank: of {@code n} samples sorted ascending,
 * the p-th percentile is the sample at rank {@code ceil(p / 100 * n)} (1-based), so it is always a measured
 * value; the maximum is the last.
 */
final class QueryTimer {

    /** Opens a new connection to the engine under test; the timer closes it. */
    @FunctionalInterface
    public interface ConnectionSource {

        /** A new, open connection. */
        Connection open() throws SQLException;

        /** Read-only connections to a published DuckDB warehouse file, the way a dashboard opens it. */
        static ConnectionSource duckdbReadOnly(Path warehouse) {
            String url = "jdbc:duckdb:" + warehouse.toAbsolutePath();
            return () -> {
                Properties properties = new Properties();
                properties.setProperty("duckdb.read_only", "true");
                return DriverManager.getConnection(url, properties);
            };
        }

        /** Connections to a PostgreSQL database by JDBC URL, user and password. */
        static ConnectionSource postgres(String jdbcUrl, String user, String password) {
            return () -> DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    /**
     * Nearest-rank percentiles of a series of samples, in milliseconds.
     *
     * @param p50 the median
     * @param p95 the 95th percentile
     * @param max the slowest sample
     */
    public record Percentiles(double p50, double p95, double max) {
    }

    /**
     * The timing of one query.
     *
     * @param rows rows the query returns
     * @param cold percentiles of the cold samples
     * @param warm percentiles of the warm samples
     */
    public record Result(long rows, Percentiles cold, Percentiles warm) {
    }

    private final int samples;

    /**
     * A timer taking {@code samples} cold and {@code samples} warm samples of each query.
     *
     * @throws IllegalArgumentException when {@code samples} is below 1
     */
    public QueryTimer(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, was " + samples);
        }
        this.samples = samples;
    }

    /** Samples taken of each kind, cold and warm. */
    public int samples() {
        return samples;
    }

    /**
     * Times {@code sql} on connections from {@code connections}: the cold samples first, each on a new
     * connection, then the warm ones on one connection after an untimed first execution. Opens
     * {@code samples + 1} connections in all and closes each of them.
     *
     * @throws IllegalStateException when two executions return different numbers of rows
     */
    public Result time(ConnectionSource connections, String sql) throws SQLException {
        RowCount rows = new RowCount(sql);
        List<Duration> cold = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            try (Connection connection = connections.open()) {
                cold.add(timed(connection, sql, rows));
            }
        }
        List<Duration> warm = new ArrayList<>(samples);
        try (Connection connection = connections.open()) {
            rows.check(execute(connection, sql));
            for (int i = 0; i < samples; i++) {
                warm.add(timed(connection, sql, rows));
            }
        }
        return new Result(rows.value(), percentiles(cold), percentiles(warm));
    }

    /** p50, p95 and maximum of the samples, in milliseconds. */
    static Percentiles percentiles(List<Duration> samples) {
        return new Percentiles(millis(percentile(samples, 50)), millis(percentile(samples, 95)),
                millis(percentile(samples, 100)));
    }

    /**
     * The nearest-rank {@code percent}-th percentile: the sample at 1-based rank
     * {@code ceil(percent / 100 * n)} of the samples sorted ascending.
     *
     * @param percent 1..100
     * @throws IllegalArgumentException on no samples or a percent outside 1..100
     */
    static Duration percentile(List<Duration> samples, int percent) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to take a percentile of");
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile must be 1..100, was " + percent);
        }
        List<Duration> sorted = samples.stream().sorted().toList();
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(rank - 1);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static Duration timed(Connection connection, String sql, RowCount rows) throws SQLException {
        long started = System.nanoTime();
        long read = execute(connection, sql);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        rows.check(read);
        return took;
    }

    /** Executes the query and reads every column of every row; returns the rows read. */
    private static long execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            long rows = 0;
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
            return rows;
        }
    }

    /** The row count of the first execution, which every later one must match. */
    private static final class RowCount {

        private final String sql;
        private long value = -1;

        RowCount(String sql) {
            this.sql = sql;
        }

        void check(long rows) {
            if (value < 0) {
                value = rows;
            } else if (rows != value) {
                throw new IllegalStateException("the query returned " + value + " rows, then " + rows + ": "
                        + firstLine(sql));
            }
        }

        long value() {
            return value;
        }

        private static String firstLine(String sql) {
            String line = sql.strip().lines().findFirst().orElse("");
            return line.length() > 120 ? line.substring(0, 120) + "..." : line;
        }
    }
}
