package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/**
 * The kinds of rule behind the gates before publishing (source_key, source_volume, published_drift), measured on
 * small tables written for each test in a real build, against counts and rows worked out by hand.
 */
class GateKindsTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;

    private static final LocalDate AS_OF = LocalDate.of(2019, 1, 2);

    @BeforeAll
    static void startABuild() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // source_key
    // --------------------------------------------------------------------------------------------------------

    /** Lines 2..8: o1 twice alike (2, 4), o2 once, o3 delivered then canceled (5, 6), o4 without then with a status (7, 8). */
    private static void ordersWithRepeatedKeys() {
        sql("create or replace table raw.t_orders (_run_id bigint, _source_file varchar, _source_line bigint,"
                        + " order_id varchar, order_status varchar, purchased_at varchar)",
                "insert into raw.t_orders values"
                        + " (1, 'orders.csv', 2, 'o1', 'delivered', '2017-01-05'),"
                        + " (1, 'orders.csv', 3, 'o2', 'shipped', '2017-01-06'),"
                        + " (1, 'orders.csv', 4, 'o1', 'delivered', '2017-01-05'),"
                        + " (1, 'orders.csv', 5, 'o3', 'delivered', '2017-02-01'),"
                        + " (1, 'orders.csv', 6, 'o3', 'canceled', '2017-02-01'),"
                        + " (1, 'orders.csv', 7, 'o4', null, '2017-03-01'),"
                        + " (1, 'orders.csv', 8, 'o4', 'shipped', '2017-03-01')");
    }

    @Test
    void source_key_exact_counts_each_line_that_repeats_an_earlier_one_and_names_the_line_it_repeats() {
        ordersWithRepeatedKeys();

        RuleMeasurement measured = measure(rule(RuleKind.SOURCE_KEY, "raw.t_orders", "columns", "order_id",
                "duplicates", "exact"));

        // 7 lines; only line 4 repeats another (line 2) in every column; o3 and o4 differ, so they are no exact repeat
        assertThat(measured.rowsChecked()).isEqualTo(7);
        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("_key", "o1", "line", "4", "repeats_line", "2",
                "order_id", "o1", "order_status", "delivered", "purchased_at", "2017-01-05"));
    }

    @Test
    void source_key_conflicting_counts_every_line_of_a_key_whose_lines_differ_and_names_the_values_that_differ() {
        ordersWithRepeatedKeys();

        RuleMeasurement measured = measure(rule(RuleKind.SOURCE_KEY, "raw.t_orders", "columns", "order_id",
                "duplicates", "conflicting"));

        // o1's two lines are alike: no conflict. o3: status delivered on line 5, canceled on 6. o4: status null on
        // line 7 (left out of the sample, as every null), shipped on 8. 4 of 7 lines, by key then line.
        assertThat(measured.rowsChecked()).isEqualTo(7);
        assertThat(measured.rowsFailed()).isEqualTo(4);
        assertThat(measured.sample()).containsExactly(
                Map.of("_key", "o3", "line", "5", "differs", "order_status=delivered", "order_id", "o3",
                        "order_status", "delivered", "purchased_at", "2017-02-01"),
                Map.of("_key", "o3", "line", "6", "differs", "order_status=canceled", "order_id", "o3",
                        "order_status", "canceled", "purchased_at", "2017-02-01"),
                Map.of("_key", "o4", "line", "7", "differs", "order_status=null", "order_id", "o4",
                        "purchased_at", "2017-03-01"),
                Map.of("_key", "o4", "line", "8", "differs", "order_status=shipped", "order_id", "o4",
                        "order_status", "shipped", "purchased_at", "2017-03-01"));
    }

    @Test
    void source_key_on_a_file_whose_every_line_is_there_twice_finds_exact_repeats_and_no_conflict() {
        sql("create table raw.t_items (_run_id bigint, _source_file varchar, _source_line bigint,"
                        + " order_id varchar, order_item_id varchar, price varchar)",
                "insert into raw.t_items values"
                        + " (1, 'items.csv', 2, 'o1', '1', '10.00'), (1, 'items.csv', 3, 'o1', '2', '5.00'),"
                        + " (1, 'items.csv', 4, 'o1', '1', '10.00'), (1, 'items.csv', 5, 'o1', '2', '5.00')");

        RuleMeasurement exact = measure(rule(RuleKind.SOURCE_KEY, "raw.t_items", "columns", "order_id, order_item_id",
                "duplicates", "exact"));
        RuleMeasurement conflicting = measure(rule(RuleKind.SOURCE_KEY, "raw.t_items",
                "columns", "order_id, order_item_id", "duplicates", "conflicting"));

        // lines 4 and 5 repeat lines 2 and 3: 2 of 4
        assertThat(exact.rowsChecked()).isEqualTo(4);
        assertThat(exact.rowsFailed()).isEqualTo(2);
        assertThat(exact.sample()).containsExactly(
                Map.of("_key", "o1, 1", "line", "4", "repeats_line", "2", "order_id", "o1", "order_item_id", "1",
                        "price", "10.00"),
                Map.of("_key", "o1, 2", "line", "5", "repeats_line", "3", "order_id", "o1", "order_item_id", "2",
                        "price", "5.00"));
        assertThat(conflicting.rowsChecked()).isEqualTo(4);
        assertThat(conflicting.rowsFailed()).isZero();
        assertThat(conflicting.sample()).isEmpty();
    }

    @Test
    void source_key_takes_only_exact_or_conflicting() {
        sql("create table raw.t_keys (_run_id bigint, _source_file varchar, _source_line bigint, id varchar)");

        assertThatThrownBy(() -> measure(rule(RuleKind.SOURCE_KEY, "raw.t_keys", "columns", "id",
                "duplicates", "all")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'duplicates' must be 'exact' or 'conflicting', was 'all'");
    }

    // --------------------------------------------------------------------------------------------------------
    // source_volume
    // --------------------------------------------------------------------------------------------------------

    @Test
    void source_volume_fails_an_empty_table_even_without_history_and_passes_rows_without_history() {
        sql("create table raw.t_empty (id varchar)", "create table raw.t_three (id varchar)",
                "insert into raw.t_three values ('a'), ('b'), ('c')");

        RuleMeasurement empty = measure(rule(RuleKind.SOURCE_VOLUME, "raw.t_empty", "max_drop_percent", "50"));
        RuleMeasurement first = measure(rule(RuleKind.SOURCE_VOLUME, "raw.t_three", "max_drop_percent", "50"));

        assertThat(empty.rowsChecked()).isEqualTo(1);
        assertThat(empty.rowsFailed()).isEqualTo(1);
        assertThat(empty.sample()).containsExactly(Map.of("rows", "0", "max_drop_percent", "50",
                "note", "no rows loaded"));
        assertThat(first.rowsFailed()).isZero();
        assertThat(first.sample()).containsExactly(Map.of("rows", "3", "max_drop_percent", "50",
                "note", "no earlier successful run to compare with"));
    }

    @Test
    void source_volume_tolerates_a_drop_of_exactly_the_limit_and_fails_a_larger_one() {
        sql("create table raw.t_volume (id varchar)", "insert into raw.t_volume values ('a'), ('b'), ('c')");
        QualityRule rule = rule(RuleKind.SOURCE_VOLUME, "raw.t_volume", "max_drop_percent", "50");

        RuleMeasurement half = build.checks().measure(rule, new CheckContext(AS_OF, List.of(6L), 10));
        RuleMeasurement more = build.checks().measure(rule, new CheckContext(AS_OF, List.of(7L), 10));
        RuleMeasurement grown = build.checks().measure(rule, new CheckContext(AS_OF, List.of(2L), 10));

        // 3 of 6: a drop of 50.00 %, tolerated; 3 of 7: (7 - 3) / 7 = 57.14 %, beyond; 3 of 2: -50.00 %, a growth
        assertThat(half.rowsFailed()).isZero();
        assertThat(half.sample()).containsExactly(Map.of("rows", "3", "last_successful_rows", "6",
                "max_drop_percent", "50", "drop_percent", "50.00"));
        assertThat(more.rowsFailed()).isEqualTo(1);
        assertThat(more.sample()).containsExactly(Map.of("rows", "3", "last_successful_rows", "7",
                "max_drop_percent", "50", "drop_percent", "57.14"));
        assertThat(grown.rowsFailed()).isZero();
        assertThat(grown.sample()).containsExactly(Map.of("rows", "3", "last_successful_rows", "2",
                "max_drop_percent", "50", "drop_percent", "-50.00"));
    }

    // --------------------------------------------------------------------------------------------------------
    // published_drift
    // --------------------------------------------------------------------------------------------------------

    /** The build's fingerprints of its months' sources, as the model intermediate.int_month_sources makes them. */
    private static void monthSources(String... rows) {
        sql("create or replace table intermediate.int_month_sources (month date, history_fingerprint hugeint,"
                + " lifecycle_fingerprint hugeint)");
        for (String row : rows) {
            sql("insert into intermediate.int_month_sources values " + row);
        }
    }

    @Test
    void published_drift_compares_every_closed_month_on_five_figures_and_reports_those_beyond_the_tolerance() {
        monthSources();
        // published: 2016-12, 2017-01, 2017-02 closed; 2017-03 the newest, still open
        sql("delete from raw.published_month_figures", "delete from raw.published_month_sources",
                "insert into raw.published_month_figures values"
                        + " (date '2016-12-01', 5, 50.00, 40.00, 5, 2),"
                        + " (date '2017-01-01', 200, 1000.00, 800.00, 190, 50),"
                        + " (date '2017-02-01', 100, 500.00, 400.00, 95, 30),"
                        + " (date '2017-03-01', 10, 60.00, 50.00, 10, 5)",
                "create or replace table mart.t_dashboard (period_grain varchar, period_start date, orders bigint,"
                        + " revenue decimal(18, 2), gross_merchandise_value decimal(18, 2), customers bigint,"
                        + " active_sellers bigint)",
                // the build has no 2016-12; 2017-01: orders +1 (tolerated: 1), revenue +5.00 (tolerated: 0.5 % of
                // 1000.00), GMV +5.00 (beyond 0.5 % of 800.00 = 4.00); 2017-02: orders -2 (beyond 1); 2017-03, the
                // open month, and 2017-04, a new one, are not compared; day rows are not read
                "insert into mart.t_dashboard values"
                        + " ('day', date '2017-01-01', 9999, 9999.00, 9999.00, 9999, 9999),"
                        + " ('month', date '2017-01-01', 201, 1005.00, 805.00, 190, 50),"
                        + " ('month', date '2017-02-01', 98, 500.00, 400.00, 95, 30),"
                        + " ('month', date '2017-03-01', 50, 600.00, 500.00, 40, 9),"
                        + " ('month', date '2017-04-01', 7, 70.00, 60.00, 7, 3)");

        RuleMeasurement measured = measure(rule(RuleKind.PUBLISHED_DRIFT, "mart.t_dashboard",
                "max_change_percent", "0.5", "min_change", "1"));

        // 3 closed months x 5 figures; 2016-12 lost its 5 figures, 2017-01 its GMV, 2017-02 its orders
        assertThat(measured.rowsChecked()).isEqualTo(15);
        assertThat(measured.rowsFailed()).isEqualTo(7);
        assertThat(measured.sample()).containsExactly(
                drift("2016-12", "orders", "5", "0", "-5", "-100.00"),
                drift("2016-12", "revenue", "50.00", "0.00", "-50.00", "-100.00"),
                drift("2016-12", "gross_merchandise_value", "40.00", "0.00", "-40.00", "-100.00"),
                drift("2016-12", "customers", "5", "0", "-5", "-100.00"),
                drift("2016-12", "active_sellers", "2", "0", "-2", "-100.00"),
                drift("2017-01", "gross_merchandise_value", "800.00", "805.00", "5.00", "0.63"),
                drift("2017-02", "orders", "100", "98", "-2", "-2.00"));
        sql("delete from raw.published_month_figures");
        assertThat(measure(rule(RuleKind.PUBLISHED_DRIFT, "mart.t_dashboard", "max_change_percent", "0.5",
                "min_change", "1")).rowsChecked()).as("nothing published, nothing compared").isZero();
    }

    @Test
    void published_drift_tells_months_moved_by_late_changes_of_their_orders_from_rewritten_ones() {
        // four closed months, each with 10 orders published and 8 in the build (beyond 1 and 0.5 %):
        // 2017-01 same history, other lifecycle: its orders moved on (canceled), a late change;
        // 2017-02 other history: an order or item was rewritten; 2017-03 same history and lifecycle: the models
        // changed; 2017-04 no published fingerprint (a warehouse from before them): unexplained; 2017-05 open
        sql("delete from raw.published_month_figures", "delete from raw.published_month_sources",
                "insert into raw.published_month_figures values"
                        + " (date '2017-01-01', 10, 100.00, 80.00, 10, 3), (date '2017-02-01', 10, 100.00, 80.00, 10, 3),"
                        + " (date '2017-03-01', 10, 100.00, 80.00, 10, 3), (date '2017-04-01', 10, 100.00, 80.00, 10, 3),"
                        + " (date '2017-05-01', 10, 100.00, 80.00, 10, 3)",
                "insert into raw.published_month_sources values (date '2017-01-01', 1, 10), (date '2017-02-01', 2, 20),"
                        + " (date '2017-03-01', 3, 30)",
                "create or replace table mart.t_dashboard (period_grain varchar, period_start date, orders bigint,"
                        + " revenue decimal(18, 2), gross_merchandise_value decimal(18, 2), customers bigint,"
                        + " active_sellers bigint)",
                "insert into mart.t_dashboard values"
                        + " ('month', date '2017-01-01', 8, 100.00, 80.00, 10, 3), ('month', date '2017-02-01', 8, 100.00, 80.00, 10, 3),"
                        + " ('month', date '2017-03-01', 8, 100.00, 80.00, 10, 3), ('month', date '2017-04-01', 8, 100.00, 80.00, 10, 3),"
                        + " ('month', date '2017-05-01', 8, 100.00, 80.00, 10, 3)");
        monthSources("(date '2017-01-01', 1, 11)", "(date '2017-02-01', 99, 20)", "(date '2017-03-01', 3, 30)",
                "(date '2017-04-01', 4, 40)");

        RuleMeasurement unexplained = measure(rule(RuleKind.PUBLISHED_DRIFT, "mart.t_dashboard",
                "max_change_percent", "0.5", "min_change", "1", "moves", "unexplained"));
        RuleMeasurement byDefault = measure(rule(RuleKind.PUBLISHED_DRIFT, "mart.t_dashboard",
                "max_change_percent", "0.5", "min_change", "1"));
        RuleMeasurement late = measure(rule(RuleKind.PUBLISHED_DRIFT, "mart.t_dashboard",
                "max_change_percent", "0.5", "min_change", "1", "moves", "late_changes"));

        assertThat(unexplained.rowsChecked()).isEqualTo(20);
        assertThat(unexplained.sample()).containsExactly(drift("2017-02", "orders", "10", "8", "-2", "-20.00"),
                drift("2017-03", "orders", "10", "8", "-2", "-20.00"), drift("2017-04", "orders", "10", "8", "-2", "-20.00"));
        assertThat(byDefault.sample()).isEqualTo(unexplained.sample());
        assertThat(late.rowsChecked()).isEqualTo(20);
        assertThat(late.sample()).containsExactly(drift("2017-01", "orders", "10", "8", "-2", "-20.00"));
        assertThatThrownBy(() -> measure(rule(RuleKind.PUBLISHED_DRIFT, "mart.t_dashboard", "max_change_percent",
                "0.5", "min_change", "1", "moves", "some"))).hasMessageContaining("parameter 'moves' must be");
    }

    // --------------------------------------------------------------------------------------------------------

    private static Map<String, String> drift(String month, String figure, String published, String build,
                                             String change, String changePercent) {
        return Map.of("month", month, "figure", figure, "published", published, "build", build, "change", change,
                "change_percent", changePercent);
    }

    private static RuleMeasurement measure(QualityRule rule) {
        return build.checks().measure(rule, new CheckContext(AS_OF, List.of(), 10));
    }

    private static QualityRule rule(RuleKind kind, String target, String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new QualityRule(kind.code() + "_rule", RuleType.CONSISTENCY, kind, target, map, Severity.CRITICAL,
                BigDecimal.ZERO, true, "");
    }

    private static void sql(String... statements) {
        try (Statement statement = build.connection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
