package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.Severity;
import org.olistdw.pipeline.quality.RuleCatalog;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The invariants of the star schema on generated data at scale 0.05. The warehouse is built twice: once from
 * the generated files, then from the same files with some addresses, products and sellers changed and two
 * sellers left out, so that the slowly changing dimensions carry closed versions and the facts point to
 * versions that are no longer current. The invariants are quality rules of the shipped catalogue, measured by
 * every run ({@link #INVARIANT_RULES}: by the check query each replaced). Then:
 * <ul>
 *   <li>every one of those rules passed, nothing failed, in the quality results both runs recorded;</li>
 *   <li>item and payment money and counted revenue equal, to the cent, a second reading of the CSV files in
 *       Java, and so do the order counts by status;</li>
 *   <li>each rule does fail, naming the offending rows, when a copy of the warehouse is corrupted the way it
 *       guards against.</li>
 * </ul>
 */
class InvariantsTest {

    private static final String SCALE = "0.05";
    private static final String SEED = "20240517";

    @TempDir
    static Path work;

    private static Path warehouse;
    private static final List<RunId> runs = new ArrayList<>();
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
        runs.add(TestStores.ops().pipelineRuns().recent(1).get(0).id());

        changeDimensions(generated, changed);
        Cli second = Cli.run(EndToEndTest.args("run", "--source", changed.toString(), "--warehouse",
                warehouse.toString(), "--work-dir", work.toString()));
        assertThat(second.exitCode()).as(second.toString()).isZero();
        runs.add(TestStores.ops().pipelineRuns().recent(1).get(0).id());

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
    // (a) every rule that took over an invariant passed in both runs

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

    /**
     * The rules that took over each query of the former {@code sql/duckdb/checks}, by the file they replace:
     * every invariant those files asserted is asserted by one of these, and each of these asserts one thing.
     */
    static final Map<String, List<String>> INVARIANT_RULES = invariantRules();

    private static Map<String, List<String>> invariantRules() {
        List<String> sources = List.of("orders", "order_items", "order_payments", "order_reviews", "customers",
                "products", "sellers", "geolocation", "category_translation");
        List<String> facts = List.of("fact_orders", "fact_order_items", "fact_payments", "fact_reviews", "fact_deliveries");
        Map<String, List<String>> rules = new LinkedHashMap<>();
        List<String> staging = new ArrayList<>();
        sources.forEach(source -> staging.addAll(List.of("staging_" + source + "_rows_match_raw",
                "staging_" + source + "_lines_match_raw")));
        rules.put("raw_staging_row_counts.sql", staging);
        rules.put("dim_category_grain.sql", List.of("dim_category_key_unique", "dim_category_name_unique",
                "dim_category_keys_present", "dim_category_unknown_member_once",
                "dim_category_one_row_per_source_category"));
        rules.put("dim_date_grain.sql", List.of("dim_date_key_unique", "dim_date_calendar_date_unique",
                "dim_date_key_is_yyyymmdd", "dim_date_unknown_member_once", "dim_date_one_row_per_day_of_the_data"));
        rules.put("dim_geography_grain.sql", List.of("dim_geography_key_unique", "dim_geography_zip_prefix_unique",
                "dim_geography_key_is_the_prefix", "dim_geography_unknown_member_once",
                "dim_geography_one_row_per_source_prefix"));
        List<String> versions = new ArrayList<>();
        for (String dimension : List.of("dim_customer", "dim_product", "dim_seller")) {
            versions.addAll(List.of(dimension + "_key_unique", dimension + "_keys_present",
                    dimension + "_one_current_version", dimension + "_current_flag_matches_valid_to",
                    dimension + "_windows_not_empty", dimension + "_versions_chain_from_1900",
                    dimension + "_unknown_member_once_and_current", dimension + "_source_keys_have_a_current_version"));
        }
        rules.put("dimension_versions.sql", versions);
        List<String> grains = new ArrayList<>();
        facts.forEach(fact -> grains.add(fact + "_grain_unique"));
        facts.subList(0, 4).forEach(fact -> grains.add(fact + "_one_row_per_source_key"));
        grains.add("fact_deliveries_one_row_per_delivered_order");
        rules.put("fact_grain.sql", grains);
        List<String> atPurchase = new ArrayList<>(List.of("fact_orders_customer_version_valid_at_purchase",
                "fact_order_items_product_version_valid_at_purchase", "fact_order_items_seller_version_valid_at_purchase",
                "fact_order_items_category_of_its_product_version", "fact_orders_date_keys_are_their_dates"));
        facts.subList(1, 5).forEach(fact -> atPurchase.add(fact + "_keys_follow_their_order"));
        rules.put("fact_versions_at_purchase.sql", atPurchase);
        List<String> keys = new ArrayList<>();
        Map<String, List<String>> factKeys = Map.of(
                "fact_orders", List.of("customer_key", "delivery_geography_key", "purchase_date_key", "approved_date_key",
                        "delivered_carrier_date_key", "delivered_customer_date_key", "estimated_delivery_date_key"),
                "fact_order_items", List.of("customer_key", "product_key", "seller_key", "category_key",
                        "purchase_date_key", "shipping_limit_date_key"),
                "fact_payments", List.of("customer_key", "purchase_date_key"),
                "fact_reviews", List.of("customer_key", "purchase_date_key", "creation_date_key", "answer_date_key"),
                "fact_deliveries", List.of("customer_key", "delivery_geography_key", "purchase_date_key",
                        "approved_date_key", "delivered_carrier_date_key", "delivered_customer_date_key",
                        "estimated_delivery_date_key"));
        for (String fact : facts) {
            keys.add(fact + "_keys_present");
            factKeys.get(fact).forEach(key -> keys.add(fact + "_" + key + "_resolves"));
        }
        keys.addAll(List.of("dim_customer_geography_key_resolves", "dim_seller_geography_key_resolves",
                "dim_product_category_key_resolves", "mart_customer_analytics_customer_key_is_current_version",
                "mart_product_performance_category_key_present", "mart_product_performance_category_key_resolves",
                "mart_seller_scorecard_seller_key_present", "mart_seller_scorecard_seller_key_resolves"));
        rules.put("foreign_keys.sql", keys);
        rules.put("mart_grain.sql", List.of("mart_customer_analytics_person_unique",
                "mart_customer_analytics_one_row_per_counting_person", "mart_customer_cohorts_grain_unique",
                "mart_customer_cohorts_months_run_to_the_last_counted_month",
                "mart_customer_cohorts_activity_month_matches_its_offset", "mart_delivery_metrics_grain_unique",
                "mart_delivery_metrics_rows_have_deliveries", "mart_executive_dashboard_period_unique",
                "mart_executive_dashboard_periods_span_the_purchases", "mart_geographic_analysis_state_unique",
                "mart_geographic_analysis_region_unique", "mart_geographic_analysis_levels_consistent",
                "mart_monthly_revenue_month_unique", "mart_monthly_revenue_months_span_the_item_purchases",
                "mart_payment_mix_grain_unique", "mart_payment_mix_rows_have_payments",
                "mart_product_performance_grain_unique", "mart_product_performance_rows_have_items",
                "mart_seller_scorecard_seller_unique", "mart_seller_scorecard_one_row_per_seller",
                "mart_delivery_by_state_state_unique", "mart_orders_heatmap_grain_unique",
                "mart_repeat_buyers_grain_unique", "mart_review_scores_grain_unique", "mart_sales_totals_one_row",
                "mart_product_monthly_grain_unique", "mart_product_totals_grain_unique"));
        rules.put("mart_totals_reconcile.sql", List.of("fact_orders_revenue_flag_follows_the_rule",
                "fact_order_items_revenue_flag_follows_its_order", "mart_monthly_revenue_totals_match_facts",
                "mart_executive_dashboard_totals_match_facts", "mart_geographic_analysis_totals_match_facts",
                "mart_product_performance_totals_match_facts", "mart_seller_scorecard_totals_match_facts",
                "mart_payment_mix_totals_match_facts", "mart_delivery_metrics_totals_match_facts",
                "mart_product_monthly_totals_match_facts", "mart_product_totals_match_monthly"));
        rules.put("money_order_items.sql", List.of("fact_order_items_price_matches_staging",
                "fact_order_items_freight_matches_staging", "fact_order_items_one_row_per_source_key",
                "fact_orders_item_measures_match_items", "fact_orders_items_total_is_price_plus_freight",
                "fact_order_items_item_total_is_price_plus_freight"));
        rules.put("money_payments.sql", List.of("fact_payments_value_matches_staging",
                "fact_payments_one_row_per_source_key", "fact_orders_payment_measures_match_payments",
                "fact_orders_payment_difference_is_payments_minus_items"));
        rules.put("order_status_counts.sql", List.of("fact_orders_status_counts_match_every_layer"));
        rules.put("mart_customer_consistency.sql", List.of("mart_customer_cohorts_one_size_per_cohort",
                "mart_customer_cohorts_month_zero_is_the_whole_cohort", "mart_customer_cohorts_active_within_the_cohort",
                "mart_customer_cohorts_sizes_match_customer_analytics",
                "mart_customer_cohorts_totals_match_customer_analytics", "mart_customer_analytics_totals_match_facts",
                "mart_customer_analytics_customer_key_is_current_version"));
        return Collections.unmodifiableMap(rules);
    }

    @Test
    void every_rule_that_took_over_an_invariant_is_a_shipped_rule_that_blocks_or_warns_and_tolerates_nothing() {
        Map<String, QualityRule> shipped = shippedRules();

        assertThat(INVARIANT_RULES).hasSize(14);
        Set<String> listed = new HashSet<>();
        INVARIANT_RULES.values().forEach(listed::addAll);
        assertThat(listed).as("every rule of kind sql took over an invariant")
                .containsAll(shipped.values().stream().filter(rule -> rule.kind() == RuleKind.SQL)
                        .map(QualityRule::name).toList());
        for (List<String> names : INVARIANT_RULES.values()) {
            for (String name : names) {
                assertThat(shipped).as("shipped rules").containsKey(name);
                assertThat(shipped.get(name).threshold()).as(name).isZero();
                assertThat(shipped.get(name).severity()).as(name).isIn(Severity.CRITICAL, Severity.HIGH);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invariantFiles")
    void every_rule_that_took_over_the_invariants_of_a_check_passed_in_both_runs(String checkFile) {
        for (RunId run : runs) {
            Map<String, CheckResult> results = new LinkedHashMap<>();
            TestStores.ops().qualityResults().results(run).forEach(result -> results.put(result.rule().name(), result));
            for (String rule : INVARIANT_RULES.get(checkFile)) {
                CheckResult result = results.get(rule);
                assertThat(result).as("result of %s in run %s", rule, run.value()).isNotNull();
                assertThat(result.status()).as("%s in run %s: %s", rule, run.value(), result.sample())
                        .isEqualTo(CheckStatus.PASS);
                assertThat(result.rowsFailed()).as("%s in run %s", rule, run.value()).isZero();
                assertThat(result.rowsChecked()).as("%s in run %s", rule, run.value()).isPositive();
            }
        }
    }

    static Stream<String> invariantFiles() {
        return INVARIANT_RULES.keySet().stream();
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
    // every rule fails, naming the offending rows, when its invariant is broken

    /**
     * What a rule must find once the warehouse is corrupted: it fails, and one of its sampled rows holds every
     * entry of {@code row} (values after the probes are substituted).
     */
    record Expected(String rule, Map<String, String> row) {
    }

    /**
     * A deliberate corruption of a copy of the warehouse. The staging views named in {@code stored} are first
     * stored as tables of the same name (a view computes what it reads, so only a stored copy can disagree with
     * its raw table). Each probe is a query run on the copy before the corruption, whose one value replaces
     * {@code ${name}} in the statements and in the expected rows.
     */
    record Corruption(String description, List<String> stored, Map<String, String> probes, List<String> statements,
                      List<Expected> expected) {

        @Override
        public String toString() {
            return expected.stream().map(Expected::rule).distinct().collect(Collectors.joining(", ")) + ": " + description;
        }
    }

    private static Corruption corruption(String description, Map<String, String> probes, List<String> statements,
                                         Expected... expected) {
        return new Corruption(description, List.of(), probes, statements, List.of(expected));
    }

    /** A corruption of the staging view {@code view}, stored as a table first. */
    private static Corruption stagingCorruption(String view, String description, Map<String, String> probes,
                                                List<String> statements, Expected... expected) {
        return new Corruption(description, List.of(view), probes, statements, List.of(expected));
    }

    /** A rule and the entries one of its sampled rows must hold, given as key, value, key, value... */
    private static Expected expect(String rule, String... entries) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            row.put(entries[i], entries[i + 1]);
        }
        return new Expected(rule, row);
    }

    static Stream<Corruption> corruptions() {
        return Stream.of(
                // raw_staging_row_counts.sql
                stagingCorruption("staging.stg_orders", "a staged order line dropped", Map.of(),
                        List.of("delete from staging.stg_orders where _source_line = (select max(_source_line) from staging.stg_orders)"),
                        expect("staging_orders_rows_match_raw", "difference", "-1"),
                        expect("staging_orders_lines_match_raw")),
                stagingCorruption("staging.stg_order_payments", "a staged line held twice in place of another, the count unchanged",
                        Map.of("line", "select max(_source_line) from staging.stg_order_payments"),
                        List.of("update staging.stg_order_payments set _source_line = ${line} - 1 where _source_line = ${line}"),
                        expect("staging_order_payments_lines_match_raw")),
                // dimension_versions.sql
                corruption("a second current version of a person",
                        Map.of("person", "select customer_unique_id from core.dim_customer where customer_key = "
                                + "(select min(customer_key) from core.dim_customer where not is_current)"),
                        List.of("update core.dim_customer set valid_to = null, is_current = true "
                                + "where customer_key = (select min(customer_key) from core.dim_customer where not is_current)"),
                        expect("dim_customer_one_current_version", "customer_unique_id", "${person}", "_key", "${person}",
                                "_occurrences", "2"),
                        expect("dim_customer_versions_chain_from_1900", "customer_unique_id", "${person}",
                                "problem", "it does not begin where the version before ends")),
                corruption("a closed product version stretched over its successor",
                        Map.of("product", "select product_id from core.dim_product where product_key = "
                                + "(select min(product_key) from core.dim_product where not is_current)"),
                        List.of("update core.dim_product set valid_to = valid_to + interval 1 day "
                                + "where product_key = (select min(product_key) from core.dim_product where not is_current)"),
                        expect("dim_product_versions_chain_from_1900", "product_id", "${product}",
                                "problem", "it does not begin where the version before ends")),
                corruption("a second unknown seller", Map.of(),
                        List.of("insert into core.dim_seller select * from core.dim_seller where seller_key = -1"),
                        expect("dim_seller_unknown_member_once_and_current", "unknown_members", "2"),
                        expect("dim_seller_key_unique", "_key", "-1", "_occurrences", "2")),
                corruption("a closed version flagged current",
                        Map.of("key", "select min(seller_key) from core.dim_seller where not is_current"),
                        List.of("update core.dim_seller set is_current = true where seller_key = ${key}"),
                        expect("dim_seller_current_flag_matches_valid_to", "seller_key", "${key}", "is_current", "true")),
                corruption("a product of the products file left without a current version",
                        Map.of("product", "select min(product_id) from core.dim_product where product_key <> -1"),
                        List.of("delete from core.dim_product where product_id = '${product}'"),
                        expect("dim_product_source_keys_have_a_current_version", "product_id", "${product}")),
                // dim_date_grain.sql, dim_geography_grain.sql, dim_category_grain.sql
                corruption("a day deleted from the calendar",
                        Map.of("day", "select cast(min(calendar_date) + 1 as varchar) from core.dim_date"),
                        List.of("delete from core.dim_date where calendar_date = date '${day}'"),
                        expect("dim_date_one_row_per_day_of_the_data", "problem", "missing from the calendar",
                                "calendar_date", "${day}")),
                corruption("a date key that is not its day",
                        Map.of("key", "select max(date_key) from core.dim_date"),
                        List.of("update core.dim_date set date_key = date_key * 100 where date_key = ${key}"),
                        expect("dim_date_key_is_yyyymmdd", "date_key", "${key}00")),
                corruption("a zip prefix repeated",
                        Map.of("key", "select max(geography_key) from core.dim_geography"),
                        List.of("insert into core.dim_geography select * from core.dim_geography where geography_key = ${key}"),
                        expect("dim_geography_key_unique", "_key", "${key}", "_occurrences", "2"),
                        expect("dim_geography_zip_prefix_unique", "geography_key", "${key}", "_occurrences", "2")),
                corruption("a category renamed",
                        Map.of("name", "select product_category_name from core.dim_category where category_key = "
                                + "(select min(category_key) from core.dim_category where category_key > 0)"),
                        List.of("update core.dim_category set product_category_name = product_category_name || ' (renamed)' "
                                + "where category_key = (select min(category_key) from core.dim_category where category_key > 0)"),
                        expect("dim_category_one_row_per_source_category", "problem", "missing from the dimension",
                                "product_category_name", "${name}"),
                        expect("dim_category_one_row_per_source_category", "problem", "named by no source file",
                                "product_category_name", "${name} (renamed)")),
                corruption("the unknown category removed", Map.of(),
                        List.of("delete from core.dim_category where category_key = -1"),
                        expect("dim_category_unknown_member_once", "unknown_members", "0")),
                // fact_grain.sql
                corruption("an order item repeated",
                        Map.of("order", "select min(order_id) from core.fact_order_items"),
                        List.of("insert into core.fact_order_items select * from core.fact_order_items "
                                + "where order_id = '${order}' and order_item_id = 1"),
                        expect("fact_order_items_grain_unique", "order_id", "${order}", "_key", "${order}, 1",
                                "_occurrences", "2")),
                corruption("an order deleted",
                        Map.of("order", "select min(order_id) from core.fact_orders"),
                        List.of("delete from core.fact_orders where order_id = '${order}'"),
                        expect("fact_orders_one_row_per_source_key", "problem", "missing from the fact",
                                "order_id", "${order}")),
                corruption("a delivery dropped",
                        Map.of("order", "select max(order_id) from core.fact_deliveries"),
                        List.of("delete from core.fact_deliveries where order_id = '${order}'"),
                        expect("fact_deliveries_one_row_per_delivered_order", "problem", "missing from the fact",
                                "order_id", "${order}")),
                corruption("a review that is not in the reviews file",
                        Map.of("review", "select min(review_id) from core.fact_reviews"),
                        List.of("update core.fact_reviews set review_id = review_id || '-x' where review_id = '${review}'"),
                        expect("fact_reviews_one_row_per_source_key", "problem", "not in the file",
                                "review_id", "${review}-x")),
                // foreign_keys.sql
                corruption("an item's product version deleted",
                        Map.of("key", "select min(product_key) from core.fact_order_items where product_key <> -1"),
                        List.of("delete from core.dim_product where product_key = ${key}"),
                        expect("fact_order_items_product_key_resolves", "product_key", "${key}", "_key", "${key}")),
                corruption("a scorecard seller pointing to no version",
                        Map.of("seller", "select min(seller_id) from mart.mart_seller_scorecard where seller_key <> -1"),
                        List.of("update mart.mart_seller_scorecard set seller_key = 999999999 where seller_id = '${seller}'"),
                        expect("mart_seller_scorecard_seller_key_resolves", "seller_id", "${seller}", "_key", "999999999")),
                // fact_versions_at_purchase.sql
                corruption("an order moved to its person's current version",
                        Map.of("current", "select current_version.customer_key from core.dim_customer as closed_version "
                                + "inner join core.dim_customer as current_version "
                                + "on closed_version.customer_unique_id = current_version.customer_unique_id "
                                + "and current_version.is_current where closed_version.customer_key = "
                                + "(select min(fact_orders.customer_key) from core.fact_orders inner join core.dim_customer "
                                + "using (customer_key) where not dim_customer.is_current)"),
                        List.of("update core.fact_orders set customer_key = ${current} where customer_key = "
                                + "(select min(fact_orders.customer_key) from core.fact_orders inner join core.dim_customer "
                                + "using (customer_key) where not dim_customer.is_current)"),
                        expect("fact_orders_customer_version_valid_at_purchase",
                                "problem", "not a version of the person valid at the purchase", "customer_key", "${current}")),
                corruption("an item pointing to the unknown seller though its seller has a version",
                        Map.of("order", "select min(order_id) from core.fact_order_items where seller_key <> -1"),
                        List.of("update core.fact_order_items set seller_key = -1 where order_id = '${order}'"),
                        expect("fact_order_items_seller_version_valid_at_purchase",
                                "problem", "unknown though a version is valid at the purchase", "order_id", "${order}")),
                corruption("an item whose category is not its product's",
                        Map.of("order", "select min(order_id) from core.fact_order_items where category_key <> -1"),
                        List.of("update core.fact_order_items set category_key = -1 where order_id = '${order}'"),
                        expect("fact_order_items_category_of_its_product_version", "order_id", "${order}",
                                "category_key", "-1")),
                corruption("a payment carrying another customer than its order's",
                        Map.of("order", "select min(order_id) from core.fact_payments where customer_key <> -1"),
                        List.of("update core.fact_payments set customer_key = -1 where order_id = '${order}'"),
                        expect("fact_payments_keys_follow_their_order", "order_id", "${order}", "customer_key", "-1")),
                corruption("an order's purchase date key a day off",
                        Map.of("order", "select min(order_id) from core.fact_orders"),
                        List.of("update core.fact_orders set purchase_date_key = purchase_date_key + 1 where order_id = '${order}'"),
                        expect("fact_orders_date_keys_are_their_dates", "order_id", "${order}")),
                // money_order_items.sql, money_payments.sql
                corruption("an item price changed by one cent",
                        Map.of("order", "select min(order_id) from core.fact_order_items"),
                        List.of("update core.fact_order_items set price = price + 0.01 "
                                + "where order_id = '${order}' and order_item_id = 1"),
                        expect("fact_order_items_price_matches_staging", "difference", "0.01"),
                        expect("fact_orders_item_measures_match_items", "order_id", "${order}")),
                corruption("a payment changed by one cent",
                        Map.of("order", "select min(order_id) from core.fact_payments"),
                        List.of("update core.fact_payments set payment_value = payment_value - 0.01 "
                                + "where order_id = '${order}' and payment_sequential = 1"),
                        expect("fact_payments_value_matches_staging", "difference", "-0.01"),
                        expect("fact_orders_payment_measures_match_payments", "order_id", "${order}")),
                corruption("an order's payment difference off by one cent",
                        Map.of("order", "select min(order_id) from core.fact_orders"),
                        List.of("update core.fact_orders set payment_difference = payment_difference + 0.01 "
                                + "where order_id = '${order}'"),
                        expect("fact_orders_payment_difference_is_payments_minus_items", "order_id", "${order}")),
                // order_status_counts.sql
                corruption("a delivered order recorded as canceled",
                        Map.of("order", "select min(order_id) from core.fact_orders where order_status = 'delivered'"),
                        List.of("update core.fact_orders set order_status = 'canceled' where order_id = '${order}'"),
                        expect("fact_orders_status_counts_match_every_layer", "order_status", "canceled"),
                        expect("fact_orders_status_counts_match_every_layer", "order_status", "delivered")),
                // mart_totals_reconcile.sql
                corruption("a month of revenue off by one cent",
                        Map.of("revenue", "select cast(sum(items_total) as varchar) from core.fact_orders "
                                + "where counts_as_revenue and purchase_date_key <> -1"),
                        List.of("update mart.mart_monthly_revenue set revenue = revenue + 0.01 "
                                + "where purchase_month = (select max(purchase_month) from mart.mart_monthly_revenue)"),
                        expect("mart_monthly_revenue_totals_match_facts", "measure", "revenue", "fact_total", "${revenue}")),
                corruption("a payment type moved out of the counted orders", Map.of(),
                        List.of("delete from mart.mart_payment_mix where payment_type = 'voucher'"),
                        expect("mart_payment_mix_totals_match_facts", "measure", "payment_value"),
                        expect("mart_payment_mix_totals_match_facts", "measure", "payments")),
                corruption("a review score added to a product's months", Map.of(),
                        List.of("update mart.mart_product_monthly set review_score_sum = review_score_sum + 1 "
                                + "where product_id = (select min(product_id) from mart.mart_product_monthly)"),
                        expect("mart_product_monthly_totals_match_facts", "measure", "review_score_sum")),
                corruption("a product's total GMV a cent off its months",
                        Map.of("product", "select min(product_id) from mart.mart_product_totals"),
                        List.of("update mart.mart_product_totals set gross_merchandise_value = gross_merchandise_value"
                                + " + 0.01 where product_id = '${product}'"),
                        expect("mart_product_totals_match_monthly", "product_id", "${product}")),
                corruption("an item counted as revenue against its order's flag",
                        Map.of("order", "select min(order_id) from core.fact_order_items where counts_as_revenue"),
                        List.of("update core.fact_order_items set counts_as_revenue = false where order_id = '${order}'"),
                        expect("fact_order_items_revenue_flag_follows_its_order", "order_id", "${order}",
                                "counts_as_revenue", "false")),
                // mart_grain.sql
                corruption("a day missing from the executive dashboard",
                        Map.of("day", "select cast(min(period_start) + 1 as varchar) from mart.mart_executive_dashboard "
                                + "where period_grain = 'day'"),
                        List.of("delete from mart.mart_executive_dashboard where period_grain = 'day' "
                                + "and period_start = date '${day}'"),
                        expect("mart_executive_dashboard_periods_span_the_purchases", "problem", "missing",
                                "period_grain", "day", "period_start", "${day}")),
                corruption("a month missing from the monthly revenue",
                        Map.of("month", "select cast(cast(min(purchase_month) + interval 1 month as date) as varchar) "
                                + "from mart.mart_monthly_revenue"),
                        List.of("delete from mart.mart_monthly_revenue where purchase_month = date '${month}'"),
                        expect("mart_monthly_revenue_months_span_the_item_purchases", "problem", "missing",
                                "purchase_month", "${month}")),
                corruption("a seller repeated in the scorecard",
                        Map.of("seller", "select min(seller_id) from mart.mart_seller_scorecard"),
                        List.of("insert into mart.mart_seller_scorecard select * from mart.mart_seller_scorecard "
                                + "where seller_id = '${seller}'"),
                        expect("mart_seller_scorecard_seller_unique", "_key", "${seller}", "_occurrences", "2")),
                corruption("a state repeated in the delivery map",
                        Map.of("state", "select min(state) from mart.mart_delivery_by_state"),
                        List.of("insert into mart.mart_delivery_by_state select * from mart.mart_delivery_by_state "
                                + "where state = '${state}'"),
                        expect("mart_delivery_by_state_state_unique", "_key", "${state}", "_occurrences", "2")),
                corruption("a second row of sales totals", Map.of(),
                        List.of("insert into mart.mart_sales_totals select * from mart.mart_sales_totals"),
                        expect("mart_sales_totals_one_row", "total_rows", "2")),
                corruption("a seller missing from the scorecard",
                        Map.of("seller", "select max(seller_id) from mart.mart_seller_scorecard"),
                        List.of("delete from mart.mart_seller_scorecard where seller_id = '${seller}'"),
                        expect("mart_seller_scorecard_one_row_per_seller", "problem", "missing", "seller_id", "${seller}")),
                corruption("a person missing from the customer analytics",
                        Map.of("person", "select min(customer_unique_id) from mart.mart_customer_analytics"),
                        List.of("delete from mart.mart_customer_analytics where customer_unique_id = '${person}'"),
                        expect("mart_customer_analytics_one_row_per_counting_person",
                                "problem", "person with a counted order missing", "customer_unique_id", "${person}"),
                        expect("mart_customer_analytics_totals_match_facts", "measure", "people")),
                corruption("a product performance row without an item",
                        Map.of("key", "select min(category_key) from mart.mart_product_performance"),
                        List.of("update mart.mart_product_performance set items = 0 where category_key = ${key}"),
                        expect("mart_product_performance_rows_have_items", "category_key", "${key}", "items", "0")),
                // mart_customer_consistency.sql
                corruption("a cohort that lost a customer in month 0",
                        Map.of("cohort", "select cast(min(cohort_month) as varchar) from mart.mart_customer_cohorts"),
                        List.of("update mart.mart_customer_cohorts set active_customers = active_customers - 1 "
                                + "where months_since_first_order = 0 and cohort_month = date '${cohort}'"),
                        expect("mart_customer_cohorts_month_zero_is_the_whole_cohort", "cohort_month", "${cohort}",
                                "months_since_first_order", "0")),
                corruption("a cohort given another size on one of its rows",
                        Map.of("cohort", "select cast(min(cohort_month) as varchar) from mart.mart_customer_cohorts"),
                        List.of("update mart.mart_customer_cohorts set cohort_customers = cohort_customers + 1 "
                                + "where months_since_first_order = 1 and cohort_month = date '${cohort}'"),
                        expect("mart_customer_cohorts_one_size_per_cohort", "cohort_month", "${cohort}")),
                corruption("a person of the customer analytics pointing to a closed version",
                        Map.of("person", "select min(customer_unique_id) from mart.mart_customer_analytics "
                                + "inner join core.dim_customer using (customer_unique_id) where not dim_customer.is_current"),
                        List.of("update mart.mart_customer_analytics set customer_key = (select min(customer_key) "
                                + "from core.dim_customer where customer_unique_id = '${person}' and not is_current) "
                                + "where customer_unique_id = '${person}'"),
                        expect("mart_customer_analytics_customer_key_is_current_version", "customer_unique_id", "${person}",
                                "key_is_current", "false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void the_rule_fails_naming_the_offending_rows_once_its_invariant_is_broken(Corruption corruption) throws Exception {
        Path copy = work.resolve("corrupted-" + Integer.toHexString(corruption.toString().hashCode()) + ".duckdb");
        Files.deleteIfExists(copy);
        Files.copy(warehouse, copy);
        Map<String, String> probes = new LinkedHashMap<>();
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + copy.toAbsolutePath(), new Properties());
                Statement s = c.createStatement()) {
            for (String view : corruption.stored()) {
                String name = view.substring(view.indexOf('.') + 1);
                s.execute("alter view " + view + " rename to " + name + "_computed");
                s.execute("create table " + view + " as select * from " + view + "_computed");
            }
            for (Map.Entry<String, String> probe : corruption.probes().entrySet()) {
                try (ResultSet rs = s.executeQuery(probe.getValue())) {
                    assertThat(rs.next()).as(probe.getValue()).isTrue();
                    assertThat(rs.getString(1)).as("probe %s: %s", probe.getKey(), probe.getValue()).isNotNull();
                    probes.put(probe.getKey(), rs.getString(1));
                }
            }
            for (String statement : corruption.statements()) {
                String sql = substitute(statement, probes);
                assertThat(s.executeUpdate(sql)).as("rows changed by %s", sql).isPositive();
            }
        }
        try {
            Map<String, QualityRule> shipped = shippedRules();
            List<QualityRule> rules = corruption.expected().stream().map(Expected::rule).distinct()
                    .map(name -> Objects.requireNonNull(shipped.get(name), name)).toList();
            Map<String, RuleMeasurement> measured = DuckDbWarehouse.measure(copy, rules,
                    new CheckContext(LocalDate.now(), List.of(), 50));
            for (Expected expected : corruption.expected()) {
                RuleMeasurement measurement = measured.get(expected.rule());
                Map<String, String> row = new LinkedHashMap<>();
                expected.row().forEach((key, value) -> row.put(key, substitute(value, probes)));
                assertThat(CheckResult.judge(shipped.get(expected.rule()), measurement, Duration.ZERO).status())
                        .as("verdict on %s after %s: %s", expected.rule(), corruption.description(), measurement)
                        .isIn(CheckStatus.FAIL, CheckStatus.WARN);
                assertThat(measurement.sample()).as("rows sampled by %s after %s", expected.rule(),
                        corruption.description()).anySatisfy(sampled -> assertThat(sampled).containsAllEntriesOf(row));
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String substitute(String text, Map<String, String> probes) {
        String result = text;
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            result = result.replace("${" + probe.getKey() + "}", probe.getValue());
        }
        return result;
    }

    private static Map<String, QualityRule> shippedRules() {
        Map<String, QualityRule> byName = new LinkedHashMap<>();
        RuleCatalog.shipped().forEach(rule -> byName.put(rule.name(), rule));
        return byName;
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
