package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The invariants of the star schema on generated data at scale 0.05. The warehouse is built twice: once from
 * the generated files, then from the same files with some addresses, products and sellers changed and two
 * sellers left out, so that the slowly changing dimensions carry closed versions and the facts point to
 * versions that are no longer current. Then:
 * <ul>
 *   <li>every query of {@code sql/duckdb/checks} returns no rows on the published warehouse;</li>
 *   <li>item and payment money and counted revenue equal, to the cent, a second reading of the CSV files in
 *       Java, and so do the order counts by status;</li>
 *   <li>each check does return rows naming the problem when a copy of the warehouse is corrupted the way the
 *       check guards against.</li>
 * </ul>
 */
class InvariantsTest {

    private static final Path CHECKS = Path.of("..", "sql", "duckdb", "checks");
    private static final String SCALE = "0.05";
    private static final String SEED = "20240517";

    @TempDir
    static Path work;

    private static Path warehouse;
    private static final Map<SourceTable, List<List<String>>> csv = new EnumMap<>(SourceTable.class);

    @BeforeAll
    static void generateAndRunTwice() throws Exception {
        Path generated = work.resolve("sample");
        Path changed = work.resolve("sample-changed");
        warehouse = work.resolve("warehouse.duckdb");

        Samples.generate(Double.parseDouble(SCALE), Long.parseLong(SEED), generated);
        Cli first = Cli.run(EndToEndTest.args("run", "--source", generated.toString(), "--warehouse",
                warehouse.toString(), "--work-dir", work.toString()));
        assertThat(first.exitCode()).as(first.toString()).isZero();

        changeDimensions(generated, changed);
        Cli second = Cli.run(EndToEndTest.args("run", "--source", changed.toString(), "--warehouse",
                warehouse.toString(), "--work-dir", work.toString()));
        assertThat(second.exitCode()).as(second.toString()).isZero();

        for (SourceTable table : SourceTable.values()) {
            csv.put(table, TestCsv.rows(changed.resolve(table.fileName())));
        }
    }

    /**
     * Copies the generated files, then moves every 7th customer row to another city, adds a gram to every 5th
     * product and renames the city of every 3rd seller; the 2nd and 3rd sellers are left out (their versions
     * must be kept as they are).
     */
    private static void changeDimensions(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (SourceTable table : SourceTable.values()) {
            Files.copy(from.resolve(table.fileName()), to.resolve(table.fileName()));
        }
        rewrite(to, SourceTable.CUSTOMERS, (i, row) -> {
            if (i % 7 == 0) {
                set(SourceTable.CUSTOMERS, row, "customer_city", row.get(col(SourceTable.CUSTOMERS, "customer_city")) + " nova");
            }
            return true;
        });
        rewrite(to, SourceTable.PRODUCTS, (i, row) -> {
            String weight = row.get(col(SourceTable.PRODUCTS, "product_weight_g")).trim();
            if (i % 5 == 0 && !weight.isEmpty()) {
                set(SourceTable.PRODUCTS, row, "product_weight_g", new BigDecimal(weight).add(BigDecimal.ONE).toPlainString());
            }
            return true;
        });
        rewrite(to, SourceTable.SELLERS, (i, row) -> {
            if (i % 3 == 0) {
                set(SourceTable.SELLERS, row, "seller_city", row.get(col(SourceTable.SELLERS, "seller_city")) + " centro");
            }
            return i != 1 && i != 2;
        });
    }

    private interface RowChange {
        /** Changes the row in place; false drops it. */
        boolean apply(int index, List<String> row);
    }

    private static void rewrite(Path dir, SourceTable table, RowChange change) throws IOException {
        Path file = dir.resolve(table.fileName());
        List<List<String>> rows = TestCsv.rows(file);
        StringBuilder out = new StringBuilder(line(table.header()));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            if (change.apply(i, row)) {
                out.append(line(row));
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static String line(List<String> fields) {
        List<String> quoted = fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList();
        return String.join(",", quoted) + "\n";
    }

    private static void set(SourceTable table, List<String> row, String column, String value) {
        row.set(col(table, column), value);
    }

    // ---------------------------------------------------------------------------------------------------------
    // (a) every check passes on the published warehouse

    @Test
    void the_dimensions_carry_closed_versions_from_the_first_run() throws Exception {
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            for (String dimension : List.of("dim_customer", "dim_product", "dim_seller")) {
                assertThat(TestStores.count(c, "select count(*) from core." + dimension + " where not is_current"))
                        .as("closed versions in %s", dimension).isPositive();
            }
            assertThat(TestStores.count(c, "select count(*) from core.fact_orders inner join core.dim_customer "
                    + "using (customer_key) where not is_current"))
                    .as("orders pointing to a closed version of their person").isPositive();
        }
    }

    static Stream<String> checks() throws IOException {
        try (Stream<Path> listing = Files.list(CHECKS)) {
            List<String> names = listing.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".sql"))
                    .sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(10);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void the_check_returns_no_rows_on_the_published_warehouse(String check) throws Exception {
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            CheckResult result = runCheck(c, check);
            assertThat(result.columns()).as("columns of %s", check)
                    .containsExactly("problem", "offending_value", "row_count");
            assertThat(result.rows()).as("rows returned by %s", check).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // (b) money, and (c) orders by status, against an independent reading of the CSV files

    @Test
    void item_prices_and_freight_match_the_csv_files_to_the_cent() throws Exception {
        Set<String> orders = orderIds();
        Map<String, List<String>> items = firstLines(SourceTable.ORDER_ITEMS, "order_id", "order_item_id");
        Money all = new Money();
        Money withOrder = new Money();
        int price = col(SourceTable.ORDER_ITEMS, "price");
        int freight = col(SourceTable.ORDER_ITEMS, "freight_value");
        int order = col(SourceTable.ORDER_ITEMS, "order_id");
        for (List<String> row : items.values()) {
            all.add(cents(row.get(price)), cents(row.get(freight)));
            if (orders.contains(row.get(order).trim())) {
                withOrder.add(cents(row.get(price)), cents(row.get(freight)));
            }
        }
        assertThat(all.rows).isPositive();
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            List<Object> facts = row(c, "select count(*), sum(price), sum(freight_value) from core.fact_order_items");
            assertThat(facts.get(0)).as("items in fact_order_items").isEqualTo(all.rows);
            assertThat((BigDecimal) facts.get(1)).as("price in fact_order_items").isEqualByComparingTo(all.first);
            assertThat((BigDecimal) facts.get(2)).as("freight in fact_order_items").isEqualByComparingTo(all.second);

            List<Object> perOrder = row(c, "select sum(item_count), sum(items_price), sum(items_freight) from core.fact_orders");
            assertThat(((Number) perOrder.get(0)).longValue()).as("item_count in fact_orders").isEqualTo(withOrder.rows);
            assertThat((BigDecimal) perOrder.get(1)).as("items_price in fact_orders").isEqualByComparingTo(withOrder.first);
            assertThat((BigDecimal) perOrder.get(2)).as("items_freight in fact_orders").isEqualByComparingTo(withOrder.second);
        }
    }

    @Test
    void payments_match_the_csv_files_to_the_cent() throws Exception {
        Set<String> orders = orderIds();
        Map<String, List<String>> payments = firstLines(SourceTable.ORDER_PAYMENTS, "order_id", "payment_sequential");
        Money all = new Money();
        Money withOrder = new Money();
        int value = col(SourceTable.ORDER_PAYMENTS, "payment_value");
        int order = col(SourceTable.ORDER_PAYMENTS, "order_id");
        for (List<String> row : payments.values()) {
            all.add(cents(row.get(value)), BigDecimal.ZERO);
            if (orders.contains(row.get(order).trim())) {
                withOrder.add(cents(row.get(value)), BigDecimal.ZERO);
            }
        }
        assertThat(all.rows).isPositive();
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            List<Object> facts = row(c, "select count(*), sum(payment_value) from core.fact_payments");
            assertThat(facts.get(0)).as("payments in fact_payments").isEqualTo(all.rows);
            assertThat((BigDecimal) facts.get(1)).as("payment_value in fact_payments").isEqualByComparingTo(all.first);

            List<Object> perOrder = row(c, "select sum(payment_count), sum(payment_value) from core.fact_orders");
            assertThat(((Number) perOrder.get(0)).longValue()).as("payment_count in fact_orders").isEqualTo(withOrder.rows);
            assertThat((BigDecimal) perOrder.get(1)).as("payment_value in fact_orders").isEqualByComparingTo(withOrder.first);
        }
    }

    @Test
    void counted_revenue_matches_the_csv_files_to_the_cent() throws Exception {
        Map<String, String> statusByOrder = statusByOrder();
        Map<String, BigDecimal> totalByOrder = new TreeMap<>();
        int order = col(SourceTable.ORDER_ITEMS, "order_id");
        int price = col(SourceTable.ORDER_ITEMS, "price");
        int freight = col(SourceTable.ORDER_ITEMS, "freight_value");
        for (List<String> row : firstLines(SourceTable.ORDER_ITEMS, "order_id", "order_item_id").values()) {
            totalByOrder.merge(row.get(order).trim(), cents(row.get(price)).add(cents(row.get(freight))), BigDecimal::add);
        }
        long countedOrders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : totalByOrder.entrySet()) {
            String status = statusByOrder.get(entry.getKey());
            if (status != null && !status.equals("canceled") && !status.equals("unavailable")) {
                countedOrders++;
                revenue = revenue.add(entry.getValue());
            }
        }
        assertThat(countedOrders).isPositive();
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            List<Object> facts = row(c, "select count(*), sum(items_total) from core.fact_orders where counts_as_revenue");
            assertThat(facts.get(0)).as("counted orders in fact_orders").isEqualTo(countedOrders);
            assertThat((BigDecimal) facts.get(1)).as("counted revenue in fact_orders").isEqualByComparingTo(revenue);
            assertThat((BigDecimal) row(c, "select sum(revenue) from mart.mart_monthly_revenue").get(0))
                    .as("revenue in mart_monthly_revenue").isEqualByComparingTo(revenue);
            assertThat((BigDecimal) row(c, "select sum(revenue) from mart.mart_executive_dashboard where period_grain = 'month'").get(0))
                    .as("revenue in the month rows of mart_executive_dashboard").isEqualByComparingTo(revenue);
        }
    }

    @Test
    void order_counts_by_status_match_the_csv_files() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        statusByOrder().values().forEach(status -> expected.merge(status, 1L, Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        try (Connection c = TestStores.openWarehouse(warehouse);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select order_status, count(*) from core.fact_orders group by order_status")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(actual).isEqualTo(expected);
    }

    // ---------------------------------------------------------------------------------------------------------
    // every check fails when its invariant is broken

    /** A deliberate corruption of a copy of the warehouse, the check that must catch it, and what it must say. */
    record Corruption(String description, String check, String problem, List<String> statements) {
        Corruption(String description, String check, String problem, String... statements) {
            this(description, check, problem, List.of(statements));
        }

        @Override
        public String toString() {
            return check + ": " + description;
        }
    }

    static Stream<Corruption> corruptions() {
        return Stream.of(
                new Corruption("a staged order line dropped", "raw_staging_row_counts.sql",
                        "staging row count differs from raw",
                        "delete from staging.stg_orders where _source_line = (select max(_source_line) from staging.stg_orders)"),
                new Corruption("a second current version of a person", "dimension_versions.sql",
                        "key without exactly one current version",
                        "update core.dim_customer set valid_to = null, is_current = true "
                                + "where customer_key = (select min(customer_key) from core.dim_customer where not is_current)"),
                new Corruption("a closed product version stretched over its successor", "dimension_versions.sql",
                        "versions of one key overlap",
                        "update core.dim_product set valid_to = valid_to + interval 1 day "
                                + "where product_key = (select min(product_key) from core.dim_product where not is_current)"),
                new Corruption("a second unknown seller", "dimension_versions.sql",
                        "unknown member (-1) missing, repeated or not current",
                        "insert into core.dim_seller select * from core.dim_seller where seller_key = -1"),
                new Corruption("a day deleted from the calendar", "dim_date_grain.sql", "days missing in the calendar",
                        "delete from core.dim_date where calendar_date = (select min(calendar_date) + 1 from core.dim_date)"),
                new Corruption("a zip prefix repeated", "dim_geography_grain.sql", "geography_key repeated",
                        "insert into core.dim_geography select * from core.dim_geography "
                                + "where geography_key = (select max(geography_key) from core.dim_geography)"),
                new Corruption("a category renamed", "dim_category_grain.sql",
                        "category of the source files missing from the dimension",
                        "update core.dim_category set product_category_name = product_category_name || ' (renamed)' "
                                + "where category_key = (select min(category_key) from core.dim_category where category_key > 0)"),
                new Corruption("an order item repeated", "fact_grain.sql", "fact_order_items: grain key repeated",
                        "insert into core.fact_order_items select * from core.fact_order_items "
                                + "where order_id = (select min(order_id) from core.fact_order_items) and order_item_id = 1"),
                new Corruption("an order deleted", "fact_grain.sql", "fact_orders: key of the source missing from the fact",
                        "delete from core.fact_orders where order_id = (select min(order_id) from core.fact_orders)"),
                new Corruption("an item's product version deleted", "foreign_keys.sql",
                        "fact_order_items.product_key does not resolve to dim_product",
                        "delete from core.dim_product where product_key = "
                                + "(select min(product_key) from core.fact_order_items where product_key <> -1)"),
                new Corruption("an order moved to its person's current version", "fact_versions_at_purchase.sql",
                        "fact_orders.customer_key is not the version valid at purchase",
                        "update core.fact_orders set customer_key = (select current_version.customer_key "
                                + "from core.dim_customer as closed_version inner join core.dim_customer as current_version "
                                + "on closed_version.customer_unique_id = current_version.customer_unique_id "
                                + "and current_version.is_current where closed_version.customer_key = fact_orders.customer_key) "
                                + "where customer_key = (select min(fact_orders.customer_key) from core.fact_orders "
                                + "inner join core.dim_customer using (customer_key) where not dim_customer.is_current)"),
                new Corruption("an item price changed by one cent", "money_order_items.sql", "price total differs from staging",
                        "update core.fact_order_items set price = price + 0.01 "
                                + "where order_id = (select min(order_id) from core.fact_order_items) and order_item_id = 1"),
                new Corruption("a payment changed by one cent", "money_payments.sql", "payment total differs from staging",
                        "update core.fact_payments set payment_value = payment_value - 0.01 "
                                + "where order_id = (select min(order_id) from core.fact_payments) and payment_sequential = 1"),
                new Corruption("a delivered order recorded as canceled", "order_status_counts.sql",
                        "order count by status differs between layers",
                        "update core.fact_orders set order_status = 'canceled' "
                                + "where order_id = (select min(order_id) from core.fact_orders where order_status = 'delivered')"),
                new Corruption("a month of revenue off by one cent", "mart_totals_reconcile.sql",
                        "mart_monthly_revenue: revenue total differs from fact_orders",
                        "update mart.mart_monthly_revenue set revenue = revenue + 0.01 "
                                + "where purchase_month = (select max(purchase_month) from mart.mart_monthly_revenue)"),
                new Corruption("a payment type moved out of the counted orders", "mart_totals_reconcile.sql",
                        "mart_payment_mix: payment_value total differs from fact_orders",
                        "delete from mart.mart_payment_mix where payment_type = 'voucher'"),
                new Corruption("a day missing from the executive dashboard", "mart_grain.sql",
                        "mart_executive_dashboard: periods do not run from the first to the last purchase without a gap",
                        "delete from mart.mart_executive_dashboard where period_grain = 'day' and period_start = "
                                + "(select min(period_start) + 1 from mart.mart_executive_dashboard where period_grain = 'day')"),
                new Corruption("a seller repeated in the scorecard", "mart_grain.sql", "mart_seller_scorecard: grain key repeated",
                        "insert into mart.mart_seller_scorecard select * from mart.mart_seller_scorecard "
                                + "where seller_id = (select min(seller_id) from mart.mart_seller_scorecard)"),
                new Corruption("a cohort that lost a customer in month 0", "mart_customer_consistency.sql",
                        "mart_customer_cohorts: month-0 active customers differ from the cohort size",
                        "update mart.mart_customer_cohorts set active_customers = active_customers - 1 "
                                + "where months_since_first_order = 0 "
                                + "and cohort_month = (select min(cohort_month) from mart.mart_customer_cohorts)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void the_check_returns_rows_naming_the_problem_once_its_invariant_is_broken(Corruption corruption) throws Exception {
        Path copy = work.resolve("corrupted-" + Integer.toHexString(corruption.toString().hashCode()) + ".duckdb");
        Files.deleteIfExists(copy);
        Files.copy(warehouse, copy);
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + copy.toAbsolutePath(), new Properties());
                Statement s = c.createStatement()) {
            for (String statement : corruption.statements()) {
                assertThat(s.executeUpdate(statement)).as("rows changed by %s", statement).isPositive();
            }
        }
        try (Connection c = TestStores.openWarehouse(copy)) {
            List<String> rows = runCheck(c, corruption.check()).rows();
            assertThat(rows).as("rows returned by %s after %s", corruption.check(), corruption.description())
                    .isNotEmpty()
                    .anySatisfy(row -> assertThat(row).startsWith(corruption.problem() + " | "));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    record CheckResult(List<String> columns, List<String> rows) {
    }

    /** Runs one check file; each row comes back as its columns joined with " | ". */
    private static CheckResult runCheck(Connection c, String check) throws SQLException {
        String sql;
        try {
            sql = Files.readString(CHECKS.resolve(check)).strip().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> columns = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    fields.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" | ", fields));
            }
        }
        return new CheckResult(columns, rows);
    }

    private static List<Object> row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            return values;
        }
    }

    /** Two running BigDecimal totals and a row count. */
    private static final class Money {
        long rows;
        BigDecimal first = BigDecimal.ZERO;
        BigDecimal second = BigDecimal.ZERO;

        void add(BigDecimal a, BigDecimal b) {
            rows++;
            first = first.add(a);
            second = second.add(b);
        }
    }

    /** A money field as staging types it: decimal(12, 2). */
    private static BigDecimal cents(String field) {
        return new BigDecimal(field.trim()).setScale(2, RoundingMode.HALF_UP);
    }

    /** The rows of a file keyed by (text key, integer key), the first line of each key winning as in the models. */
    private static Map<String, List<String>> firstLines(SourceTable table, String textKey, String integerKey) {
        int text = col(table, textKey);
        int integer = col(table, integerKey);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> row : csv.get(table)) {
            String key = row.get(text).trim() + "#" + new BigDecimal(row.get(integer).trim()).intValueExact();
            rows.putIfAbsent(key, row);
        }
        return rows;
    }

    private static Set<String> orderIds() {
        int order = col(SourceTable.ORDERS, "order_id");
        Set<String> ids = new HashSet<>();
        csv.get(SourceTable.ORDERS).forEach(row -> ids.add(row.get(order).trim()));
        return ids;
    }

    /** The status of each order_id, from its first line, as staging normalises it. */
    private static Map<String, String> statusByOrder() {
        int order = col(SourceTable.ORDERS, "order_id");
        int status = col(SourceTable.ORDERS, "order_status");
        Map<String, String> statuses = new LinkedHashMap<>();
        for (List<String> row : csv.get(SourceTable.ORDERS)) {
            statuses.putIfAbsent(row.get(order).trim(), row.get(status).trim().toLowerCase(Locale.ROOT));
        }
        return statuses;
    }

    private static int col(SourceTable table, String column) {
        int i = table.header().indexOf(column);
        assertThat(i).as("%s has column %s", table, column).isNotNegative();
        return i;
    }
}
