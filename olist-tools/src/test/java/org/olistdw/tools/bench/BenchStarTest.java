package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.tools.Cli;
import org.olistdw.tools.TestStores;

/**
 * The pieces of {@code olist bench} on real engines: a warehouse built from generated data, its star schema
 * copied into a PostgreSQL database of its own, and every dashboard query answered the same by both.
 */
class BenchStarTest {

    private static final String DATABASE = "bench_star_test";

    @TempDir
    static Path work;

    private static Path warehouse;
    private static String starUrl;
    private static PostgresStar.Result copied;

    @BeforeAll
    static void buildAWarehouseAndCopyItsStarSchemaIntoPostgres() throws Exception {
        Path sample = work.resolve("sample");
        warehouse = work.resolve("warehouse.duckdb");
        Cli generated = Cli.run("generate", "--scale", "0.01", "--seed", "7", "--out", sample.toString());
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        Cli run = Cli.runOnTestStore("run", "--source", sample.toString(), "--warehouse", warehouse.toString(),
                "--work-dir", work.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();

        LocalPostgres server = TestStores.postgres();
        try (Connection operational = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = operational.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        starUrl = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + DATABASE;
        try (Connection star = star()) {
            copied = PostgresStar.copy(warehouse, star, work.resolve("scratch"));
        }
    }

    private static Connection star() throws SQLException {
        LocalPostgres server = TestStores.postgres();
        return DriverManager.getConnection(starUrl, server.user(), server.password());
    }

    static Stream<String> dashboardQueries() {
        return DashboardQueries.load().stream().map(DashboardQuery::name);
    }

    @Test
    void copies_every_dimension_and_fact_of_the_core_schema_with_the_same_row_count() throws Exception {
        try (Connection duckdb = TestStores.openWarehouse(warehouse); Connection postgres = star()) {
            List<String> tables = strings(duckdb, """
                    select table_name from information_schema.tables
                    where table_schema = 'core' and (table_name like 'dim_%' or table_name like 'fact_%')
                    order by table_name""");
            assertThat(tables).contains("dim_category", "dim_customer", "dim_date", "dim_geography", "dim_product",
                    "dim_seller", "fact_deliveries", "fact_order_items", "fact_orders", "fact_payments", "fact_reviews");
            assertThat(strings(postgres, "select table_name from information_schema.tables "
                    + "where table_schema = 'core' order by table_name")).isEqualTo(tables);
            assertThat(copied.tables()).extracting(PostgresStar.TableCopy::table).isEqualTo(tables);
            for (PostgresStar.TableCopy table : copied.tables()) {
                long rows = TestStores.count(duckdb, "select count(*) from core." + table.table());
                assertThat(rows).as(table.table()).isPositive();
                assertThat(TestStores.count(postgres, "select count(*) from core." + table.table()))
                        .as(table.table()).isEqualTo(rows);
                assertThat(table.rows()).as(table.table()).isEqualTo(rows);
            }
            assertThat(copied.rows()).isEqualTo(copied.tables().stream().mapToLong(PostgresStar.TableCopy::rows).sum());
            assertThat(copied.elapsed()).isGreaterThanOrEqualTo(copied.indexing());
        }
    }

    @Test
    void copies_every_column_in_order_under_its_postgres_type() throws Exception {
        try (Connection duckdb = TestStores.openWarehouse(warehouse); Connection postgres = star()) {
            String columns = """
                    select table_name || '.' || column_name from information_schema.columns
                    where table_schema = 'core' and (table_name like 'dim_%' or table_name like 'fact_%')
                    order by table_name, ordinal_position""";
            assertThat(strings(postgres, columns)).isEqualTo(strings(duckdb, columns));
            assertThat(strings(postgres, """
                    select column_name || ' ' || data_type || coalesce(' ' || numeric_precision || ',' || numeric_scale, '')
                        || coalesce(' collate ' || collation_name, '')
                    from information_schema.columns
                    where table_schema = 'core' and table_name = 'fact_order_items'
                        and column_name in ('order_id', 'order_item_id', 'customer_key', 'counts_as_revenue',
                            'order_purchase_timestamp', 'price')
                    order by ordinal_position""")).containsExactly(
                    "order_id text collate C",
                    "order_item_id integer 32,0",
                    "customer_key bigint 64,0",
                    "counts_as_revenue boolean",
                    "order_purchase_timestamp timestamp without time zone",
                    "price numeric 12,2");
        }
    }

    @Test
    void copies_every_money_column_with_the_same_sum_to_the_cent() throws Exception {
        try (Connection duckdb = TestStores.openWarehouse(warehouse); Connection postgres = star()) {
            List<String> decimals = strings(duckdb, """
                    select table_name || '.' || column_name from information_schema.columns
                    where table_schema = 'core' and (table_name like 'dim_%' or table_name like 'fact_%')
                        and data_type like 'DECIMAL%'
                    order by table_name, ordinal_position""");
            assertThat(decimals).contains("fact_order_items.price", "fact_order_items.freight_value",
                    "fact_order_items.item_total_value", "fact_orders.items_total", "fact_payments.payment_value",
                    "fact_deliveries.items_freight");
            for (String column : decimals) {
                String[] parts = column.split("\\.");
                String sql = "select count(" + parts[1] + "), sum(" + parts[1] + ") from core." + parts[0];
                List<String> onDuckDb = rows(duckdb, sql);
                assertThat(rows(postgres, sql)).as(column).isEqualTo(onDuckDb);
            }
        }
    }

    @Test
    void declares_a_primary_key_on_the_surrogate_key_of_every_dimension() throws Exception {
        try (Connection postgres = star()) {
            assertThat(strings(postgres, """
                    select constraints.table_name || '.' || keys.column_name
                    from information_schema.table_constraints as constraints
                    inner join information_schema.key_column_usage as keys
                        on constraints.constraint_schema = keys.constraint_schema
                        and constraints.constraint_name = keys.constraint_name
                    where constraints.table_schema = 'core' and constraints.constraint_type = 'PRIMARY KEY'
                    order by 1""")).containsExactly(
                    "dim_category.category_key", "dim_customer.customer_key", "dim_date.date_key",
                    "dim_geography.geography_key", "dim_product.product_key", "dim_seller.seller_key");
        }
    }

    @Test
    void indexes_the_order_the_purchase_date_and_the_dimension_keys_of_every_fact() throws Exception {
        try (Connection postgres = star()) {
            Map<String, TreeSet<String>> indexed = new TreeMap<>();
            for (String pair : strings(postgres, """
                    select tables.relname || ' ' || columns.attname
                    from pg_index as indexes
                    inner join pg_class as tables on tables.oid = indexes.indrelid
                    inner join pg_namespace as schemas on schemas.oid = tables.relnamespace
                    inner join pg_attribute as columns
                        on columns.attrelid = tables.oid and columns.attnum = any(indexes.indkey)
                    where schemas.nspname = 'core' and not indexes.indisprimary""")) {
                String[] parts = pair.split(" ");
                indexed.computeIfAbsent(parts[0], t -> new TreeSet<>()).add(parts[1]);
            }
            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("fact_deliveries", List.of("customer_key", "order_id", "purchase_date_key"));
            expected.put("fact_order_items", List.of("category_key", "customer_key", "order_id", "product_key",
                    "purchase_date_key", "seller_key"));
            expected.put("fact_orders", List.of("customer_key", "order_id", "purchase_date_key"));
            expected.put("fact_payments", List.of("customer_key", "order_id", "purchase_date_key"));
            expected.put("fact_reviews", List.of("customer_key", "order_id", "purchase_date_key"));
            assertThat(indexed).hasSameSizeAs(expected);
            expected.forEach((table, columns) -> assertThat(indexed.get(table)).as(table).containsExactlyElementsOf(columns));
        }
    }

    @Test
    void every_table_has_statistics_once_copied() throws Exception {
        try (Connection postgres = star()) {
            for (PostgresStar.TableCopy table : copied.tables()) {
                assertThat(TestStores.count(postgres, "select cast(reltuples as bigint) from pg_class "
                        + "where oid = 'core." + table.table() + "'::regclass")).as(table.table()).isEqualTo(table.rows());
            }
        }
    }

    @Test
    void a_second_copy_replaces_the_first() throws Exception {
        PostgresStar.Result again;
        try (Connection postgres = star()) {
            postgres.setAutoCommit(false);
            again = PostgresStar.copy(warehouse, postgres, work.resolve("scratch"));
            assertThat(postgres.getAutoCommit()).as("the connection's auto-commit mode is left as it was").isFalse();
            postgres.rollback();
        }
        assertThat(again.tables()).extracting(PostgresStar.TableCopy::table, PostgresStar.TableCopy::rows)
                .isEqualTo(copied.tables().stream()
                        .map(t -> tuple(t.table(), t.rows())).toList());
        try (Connection postgres = star()) {
            assertThat(TestStores.count(postgres, "select count(*) from core.fact_orders"))
                    .isEqualTo(again.tables().stream().filter(t -> t.table().equals("fact_orders"))
                            .findFirst().orElseThrow().rows());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboardQueries")
    void every_dashboard_query_returns_the_same_rows_on_duckdb_and_on_postgres(String name) throws Exception {
        DashboardQuery query = DashboardQueries.load().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow();
        List<String> onDuckDb;
        List<String> onPostgres;
        try (Connection duckdb = TestStores.openWarehouse(warehouse)) {
            onDuckDb = rowsWithHeader(duckdb, query.duckdbSql());
        }
        try (Connection postgres = star()) {
            onPostgres = rowsWithHeader(postgres, query.postgresSql());
        }
        assertThat(onDuckDb).as("%s returns at least one row", name).hasSizeGreaterThan(1);
        assertThat(onPostgres).as(name).isEqualTo(onDuckDb);
    }

    @Test
    void the_timer_reads_the_same_rows_of_a_dashboard_query_on_both_engines() throws Exception {
        DashboardQuery query = DashboardQueries.load().get(0);
        QueryTimer timer = new QueryTimer(2);
        LocalPostgres server = TestStores.postgres();

        QueryTimer.Result onDuckDb = timer.time(QueryTimer.ConnectionSource.duckdbReadOnly(warehouse), query.duckdbSql());
        QueryTimer.Result onPostgres = timer.time(
                QueryTimer.ConnectionSource.postgres(starUrl, server.user(), server.password()), query.postgresSql());

        long rows;
        try (Connection duckdb = TestStores.openWarehouse(warehouse)) {
            rows = rowsWithHeader(duckdb, query.duckdbSql()).size() - 1;
        }
        assertThat(onDuckDb.rows()).isEqualTo(rows).isPositive();
        assertThat(onPostgres.rows()).isEqualTo(rows);
        assertThat(onPostgres.warm().max()).isPositive();
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = rowsWithHeader(connection, sql);
        return rows.subList(1, rows.size());
    }

    /** The column names, then each row as its values in the same text on both engines, joined by " | ". */
    private static List<String> rowsWithHeader(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            StringJoiner header = new StringJoiner(" | ");
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i));
            }
            rows.add(header.toString());
            while (result.next()) {
                StringJoiner row = new StringJoiner(" | ");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(normalised(result.getObject(i)));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Numbers without trailing zeros, dates and timestamps in ISO form, everything else as its text. */
    private static String normalised(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();
    }
}
