package org.olistdw.tools.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the core star schema of a published DuckDB warehouse (every {@code core.dim_*} and
 * {@code core.fact_*} table) and its marts (every {@code mart.*} table, which the dashboard queries read)
 * into the schemas {@code core} and {@code mart} of a PostgreSQL database, so that the dashboard queries can
 * be timed on the same data in both engines.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>the schemas {@code core} and {@code mart} are dropped and created again, so a copy replaces any
 *       earlier one;</li>
 *   <li>each table has the columns of the DuckDB table, in order, with the PostgreSQL type of their DuckDB
 *       type ({@code VARCHAR} becomes {@code text collate "C"}, so that text compares and sorts byte-wise as
 *       in DuckDB whatever the database's locale); a type without a mapping fails the copy naming the
 *       column;</li>
 *   <li>rows move as CSV: DuckDB writes each table to a file in the scratch directory and PostgreSQL reads it
 *       through {@code COPY ... FROM STDIN}, streamed, so no table is ever held in memory; the file is deleted
 *       afterwards; the rows PostgreSQL reports must equal DuckDB's count or the copy fails;</li>
 *   <li>each dimension {@code dim_<entity>} gets a primary key on its surrogate key {@code <entity>_key};
 *       each fact gets an index on each of the columns the dashboard queries join and filter it on, where it
 *       has them: {@code order_id}, {@code purchase_date_key}, {@code customer_key}, {@code product_key},
 *       {@code seller_key}, {@code category_key};</li>
 *   <li>every table is then vacuumed and analyzed, so the first query finds statistics and a visibility map
 *       as a settled database would have them, and pays no hint-bit writes.</li>
 * </ul>
 * The PostgreSQL connection is left in the auto-commit mode it had.
 */
public final class PostgresStar {

    /** The fact columns that get an index, when the fact has them: the order and the join keys. */
    private static final List<String> FACT_INDEXED_COLUMNS = List.of(
            "order_id", "purchase_date_key", "customer_key", "product_key", "seller_key", "category_key");

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStar.class);
    private static final String SCHEMA = "core";
    private static final String MART_SCHEMA = "mart";
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("VARCHAR", "text collate \"C\""),
            Map.entry("BOOLEAN", "boolean"),
            Map.entry("TINYINT", "smallint"),
            Map.entry("SMALLINT", "smallint"),
            Map.entry("INTEGER", "integer"),
            Map.entry("BIGINT", "bigint"),
            Map.entry("HUGEINT", "numeric(38,0)"),
            Map.entry("UTINYINT", "smallint"),
            Map.entry("USMALLINT", "integer"),
            Map.entry("UINTEGER", "bigint"),
            Map.entry("UBIGINT", "numeric(20,0)"),
            Map.entry("FLOAT", "real"),
            Map.entry("DOUBLE", "double precision"),
            Map.entry("DATE", "date"),
            Map.entry("TIME", "time"),
            Map.entry("TIMESTAMP", "timestamp"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "timestamptz"),
            Map.entry("UUID", "uuid"));

    /**
     * One table copied.
     *
     * @param table   its name in its schema ({@code core} or {@code mart}), e.g. {@code fact_orders}
     * @param rows    rows copied
     * @param elapsed time to export it from DuckDB and load it into PostgreSQL
     */
    public record TableCopy(String table, long rows, Duration elapsed) {

        /** {@link #elapsed()} in seconds. */
        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    /**
     * What a copy did.
     *
     * @param tables  every table of the star schema copied, dimensions first, in name order
     * @param marts   every mart copied, in name order
     * @param indexing time to add the keys and indexes and to vacuum and analyze
     * @param elapsed the whole copy, from opening the warehouse to the last analyze
     */
    public record Result(List<TableCopy> tables, List<TableCopy> marts, Duration indexing, Duration elapsed) {

        /** Rows copied over every table of the star schema (the marts not included). */
        public long rows() {
            return tables.stream().mapToLong(TableCopy::rows).sum();
        }

        /** {@link #elapsed()} in seconds. */
        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    private record Column(String name, String duckdbType) {
    }

    private record Table(String schema, String name, List<Column> columns) {

        boolean isDimension() {
            return schema.equals(SCHEMA) && name.startsWith("dim_");
        }

        boolean isFact() {
            return schema.equals(SCHEMA) && name.startsWith("fact_");
        }

        boolean has(String column) {
            return columns.stream().anyMatch(c -> c.name().equals(column));
        }
    }

    private PostgresStar() {
    }

    /**
     * Copies the star schema of {@code warehouse} into {@code postgres}, with CSV files written to the
     * system's temporary directory.
     *
     * @see #copy(Path, Connection, Path)
     */
    public static Result copy(Path warehouse, Connection postgres) throws SQLException, IOException {
        return copy(warehouse, postgres, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Copies the star schema of {@code warehouse}, opened read-only, into the schema {@code core} of the
     * database {@code postgres} is connected to, replacing it.
     *
     * @param warehouse a published DuckDB warehouse file
     * @param postgres  a connection to the PostgreSQL database to fill; left open
     * @param scratch   a directory for the CSV file of the table being copied (one at a time)
     * @return per table the rows and time, the time spent on keys, indexes and statistics, and the total
     * @throws IllegalStateException when the warehouse has no star schema, a column has a type without a
     *                               PostgreSQL mapping, or a table arrives with another row count
     */
    public static Result copy(Path warehouse, Connection postgres, Path scratch) throws SQLException, IOException {
        long started = System.nanoTime();
        if (!Files.isRegularFile(warehouse)) {
            throw new IllegalStateException("no warehouse file at " + warehouse.toAbsolutePath());
        }
        Files.createDirectories(scratch);
        boolean autoCommit = postgres.getAutoCommit();
        postgres.setAutoCommit(true);
        try (Connection duckdb = openReadOnly(warehouse)) {
            List<Table> tables = tables(duckdb, SCHEMA).stream().filter(t -> t.isDimension() || t.isFact()).toList();
            if (tables.isEmpty()) {
                throw new IllegalStateException("no core.dim_* or core.fact_* tables in " + warehouse.toAbsolutePath());
            }
            List<Table> marts = tables(duckdb, MART_SCHEMA);
            for (String schema : List.of(SCHEMA, MART_SCHEMA)) {
                execute(postgres, "drop schema if exists " + schema + " cascade");
                execute(postgres, "create schema " + schema);
            }
            CopyManager copyManager = postgres.unwrap(PGConnection.class).getCopyAPI();
            List<TableCopy> copies = new ArrayList<>();
            for (Table table : tables) {
                copies.add(copyTable(table, duckdb, postgres, copyManager, scratch));
            }
            List<TableCopy> martCopies = new ArrayList<>();
            for (Table mart : marts) {
                martCopies.add(copyTable(mart, duckdb, postgres, copyManager, scratch));
            }
            long indexingStarted = System.nanoTime();
            for (Table table : tables) {
                addKeys(table, postgres);
            }
            for (Table table : tables) {
                execute(postgres, "vacuum analyze " + qualified(table));
            }
            for (Table mart : marts) {
                execute(postgres, "vacuum analyze " + qualified(mart));
            }
            Duration indexing = Duration.ofNanos(System.nanoTime() - indexingStarted);
            Result result = new Result(List.copyOf(copies), List.copyOf(martCopies), indexing,
                    Duration.ofNanos(System.nanoTime() - started));
            LOG.info("copied the star schema and the marts of {} into PostgreSQL: {} tables, {} rows, and {} marts in {} s"
                            + " (keys and statistics {} s)", warehouse, copies.size(), result.rows(), martCopies.size(),
                    String.format(Locale.ROOT, "%.2f", result.seconds()),
                    String.format(Locale.ROOT, "%.2f", indexing.toNanos() / 1e9));
            return result;
        } finally {
            postgres.setAutoCommit(autoCommit);
        }
    }

    /**
     * The PostgreSQL type of a DuckDB type as {@code information_schema.columns.data_type} names it.
     *
     * @param column     the column, named in the message of a failure, e.g. {@code core.dim_date.date_key}
     * @param duckdbType e.g. {@code VARCHAR}, {@code DECIMAL(12,2)}
     * @throws IllegalStateException when the type has no mapping
     */
    static String postgresType(String column, String duckdbType) {
        String type = duckdbType.strip().toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return "numeric(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        String mapped = TYPES.get(type);
        if (mapped == null) {
            throw new IllegalStateException("cannot copy " + column + " into PostgreSQL: DuckDB type " + duckdbType
                    + " has no PostgreSQL mapping (known: DECIMAL(p,s), "
                    + TYPES.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        return mapped;
    }

    private static Connection openReadOnly(Path warehouse) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), properties);
    }

    /** The base tables of {@code schema} with their columns, in name order (so dimensions come before facts). */
    private static List<Table> tables(Connection duckdb, String schema) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = duckdb.prepareStatement("""
                select columns.table_name, columns.column_name, columns.data_type
                from information_schema.columns as columns
                inner join information_schema.tables as tables
                    on columns.table_catalog = tables.table_catalog
                    and columns.table_schema = tables.table_schema
                    and columns.table_name = tables.table_name
                where columns.table_schema = ?
                    and tables.table_type = 'BASE TABLE'
                order by columns.table_name, columns.ordinal_position
                """)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(new Column(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return columns.entrySet().stream()
                .map(e -> new Table(schema, e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private static TableCopy copyTable(Table table, Connection duckdb, Connection postgres, CopyManager copyManager,
                                       Path scratch) throws SQLException, IOException {
        long started = System.nanoTime();
        String definition = table.columns().stream()
                .map(c -> quote(c.name()) + " " + postgresType(table.schema() + "." + table.name() + "." + c.name(), c.duckdbType()))
                .collect(Collectors.joining(",\n    ", "create table " + qualified(table) + " (\n    ", "\n)"));
        execute(postgres, definition);
        String columnList = table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        long expected = count(duckdb, "select count(*) from " + qualified(table));
        Path csv = Files.createTempFile(scratch, table.name() + "-", ".csv");
        try {
            execute(duckdb, "copy (select " + columnList + " from " + qualified(table) + ") to '"
                    + csv.toAbsolutePath().toString().replace("'", "''")
                    + "' (format csv, header true, delimiter ',', quote '\"', escape '\"', nullstr '')");
            long loaded;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
                loaded = copyManager.copyIn("copy " + qualified(table) + " (" + columnList
                        + ") from stdin (format csv, header true, delimiter ',', quote '\"', escape '\"', null '')", in);
            }
            if (loaded != expected) {
                throw new IllegalStateException("copying " + qualified(table) + " into PostgreSQL loaded " + loaded
                        + " rows, DuckDB has " + expected);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("copied {} into PostgreSQL: {} rows in {} ms", qualified(table), loaded, elapsed.toMillis());
            return new TableCopy(table.name(), loaded, elapsed);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The dimension's primary key on {@code <entity>_key}, or the fact's indexes. */
    private static void addKeys(Table table, Connection postgres) throws SQLException {
        if (table.isDimension()) {
            String key = table.name().substring("dim_".length()) + "_key";
            if (!table.has(key)) {
                throw new IllegalStateException("dimension " + qualified(table) + " has no surrogate key column " + key);
            }
            execute(postgres, "alter table " + qualified(table) + " add primary key (" + quote(key) + ")");
            return;
        }
        for (String column : FACT_INDEXED_COLUMNS) {
            if (table.has(column)) {
                execute(postgres, "create index " + quote(table.name() + "_" + column + "_idx") + " on "
                        + qualified(table) + " (" + quote(column) + ")");
            }
        }
    }

    private static String qualified(Table table) {
        return table.schema() + "." + quote(table.name());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
