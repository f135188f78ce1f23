package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.pipeline.quality.CarriedMeasurements;
import org.olistdw.sample.SourceChanges;

/**
 * The same final warehouse two ways: full runs over three successive states of the sources, and a full run
 * followed by runs that carry unchanged files over, over the same states at the same as-of times. The states
 * come from {@link SourceChanges}: new orders, shipped orders delivered and open ones canceled, late and edited
 * reviews, returning buyers and buyers who moved; nothing deleted. Every intermediate, core, mart and domain table
 * must be identical row for row (each row counted, so duplicates count too, and the lines of the source files
 * the intermediate tables carry), and the changes must show in them.
 */
class IncrementalEquivalenceTest {

    private static final Instant[] AS_OF = {Instant.parse("2026-11-02T02:00:00Z"),
        Instant.parse("2026-11-03T02:00:00Z"), Instant.parse("2026-11-04T02:00:00Z"),
        Instant.parse("2026-11-05T02:00:00Z")};

    @TempDir
    static Path work;

    private static Path[] days;
    private static Path full;
    private static Path incremental;
    private static final List<Cli> INCREMENTAL_RUNS = new ArrayList<>();
    private static final List<Cli> FULL_RUNS = new ArrayList<>();
    /** Two orders of day 2 whose item lines swapped places, and nothing else of them changed. */
    private static List<String> movedOrders;

    @BeforeAll
    static void runBothWays() throws Exception {
        days = new Path[3];
        days[0] = Samples.generate(0.01, 37, work.resolve("day-0"));
        SourceChanges.apply(days[0], work.resolve("day-1"), new SourceChanges.Plan(2, 3, 1));
        SourceChanges.apply(work.resolve("day-1"), work.resolve("day-2"), new SourceChanges.Plan(2, 3, 2));
        days[1] = work.resolve("day-1");
        days[2] = work.resolve("day-2");
        movedOrders = swapTwoItemLinesOfUntouchedOrders(days[1], days[2]);
        full = work.resolve("full").resolve("warehouse.duckdb");
        incremental = work.resolve("incremental").resolve("warehouse.duckdb");
        for (int day = 0; day < 3; day++) {
            // late changes of old orders move closed months; they are published without accepting any drift
            Cli byFullRun = Cli.runAt(AS_OF[day], args(full, days[day], "--full"));
            assertThat(byFullRun.exitCode()).as(byFullRun.toString()).isZero();
            FULL_RUNS.add(byFullRun);
            Cli carried = Cli.runAt(AS_OF[day], args(incremental, days[day]));
            assertThat(carried.exitCode()).as(carried.toString()).isZero();
            INCREMENTAL_RUNS.add(carried);
        }
        Cli nothingChanged = Cli.runAt(AS_OF[3], args(incremental, days[2]));
        assertThat(nothingChanged.exitCode()).as(nothingChanged.toString()).isZero();
        INCREMENTAL_RUNS.add(nothingChanged);
    }

    /**
     * Swaps, in day 2's items file, two adjacent lines of two orders with one item each that nothing of day 2
     * changed (no line of their ids, or of their customers' ids, differs from day 1 in the five files of orders and
     * customers), and returns their ids: only their lines move.
     */
    private static List<String> swapTwoItemLinesOfUntouchedOrders(Path before, Path after) throws Exception {
        Pattern id = Pattern.compile("[0-9a-f]{32}");
        Set<String> touched = new HashSet<>();
        for (String file : List.of("olist_orders_dataset.csv", "olist_order_items_dataset.csv",
                "olist_order_payments_dataset.csv", "olist_order_reviews_dataset.csv", "olist_customers_dataset.csv")) {
            Set<String> old = new HashSet<>(Files.readAllLines(before.resolve(file)));
            Set<String> now = new HashSet<>(Files.readAllLines(after.resolve(file)));
            for (String line : union(difference(old, now), difference(now, old))) {
                Matcher ids = id.matcher(line);
                while (ids.find()) {
                    touched.add(ids.group());
                }
            }
        }
        for (String order : Files.readAllLines(after.resolve("olist_orders_dataset.csv"))) {
            String[] fields = order.split(",", -1);
            if (fields.length > 1 && touched.contains(fields[1].replace("\"", ""))) {
                touched.add(fields[0].replace("\"", ""));
            }
        }
        Path items = after.resolve("olist_order_items_dataset.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(items));
        Map<String, Long> itemsPerOrder = lines.stream().skip(1)
                .collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf(',')), Collectors.counting()));
        for (int i = 1; i + 1 < lines.size(); i++) {
            String first = lines.get(i).substring(0, lines.get(i).indexOf(','));
            String second = lines.get(i + 1).substring(0, lines.get(i + 1).indexOf(','));
            if (!first.equals(second) && !touched.contains(first) && !touched.contains(second)
                    && itemsPerOrder.get(first) == 1 && itemsPerOrder.get(second) == 1) {
                String line = lines.get(i);
                lines.set(i, lines.get(i + 1));
                lines.set(i + 1, line);
                Files.write(items, lines);
                return List.of(first, second);
            }
        }
        throw new IllegalStateException("no two adjacent item lines of untouched orders in " + items);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String[] args(Path warehouse, Path source, String... more) {
        List<String> all = new ArrayList<>(List.of("run", "--source", source.toString(), "--warehouse",
                warehouse.toString(), "--work-dir", warehouse.getParent().toString()));
        all.addAll(List.of(TestStores.opsArgs()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void the_runs_after_the_first_carry_the_unchanged_files_over_and_the_last_one_builds_nothing() {
        assertThat(INCREMENTAL_RUNS.get(1).out()).contains("(4 unchanged files carried over from run");
        assertThat(INCREMENTAL_RUNS.get(2).out()).contains("(4 unchanged files carried over from run");
        assertThat(INCREMENTAL_RUNS.get(3).out()).contains("no change since run");
        for (Cli carried : INCREMENTAL_RUNS.subList(1, 3)) {
            assertThat(carried.out()).contains("model tables: 11 patched for the orders in scope, 3 kept as "
                    + "published, ");
        }
        assertThat(INCREMENTAL_RUNS.get(0).out()).doesNotContain("model tables:");
    }

    @Test
    void late_changes_moved_closed_months_which_were_published_with_a_warning_and_no_accepted_drift() {
        List<CheckStatus> late = new ArrayList<>();
        for (Cli carried : INCREMENTAL_RUNS.subList(1, 3)) {
            Matcher run = Pattern.compile("run (\\d+) succeeded").matcher(carried.out());
            assertThat(run.find()).as(carried.out()).isTrue();
            List<CheckResult> results = TestStores.ops().qualityResults().results(new RunId(Long.parseLong(run.group(1))));
            assertThat(status(results, "published_closed_months_unchanged")).isEqualTo(CheckStatus.PASS);
            late.add(status(results, "published_closed_months_moved_by_late_changes"));
        }
        assertThat(late).as("cancellations of open orders moved a closed month beyond the tolerance")
                .contains(CheckStatus.WARN);
    }

    @Test
    void the_checks_of_the_runs_over_changed_files_measure_what_the_full_runs_measured_some_carried_over() {
        for (int day = 1; day < 3; day++) {
            Matcher carried = Pattern.compile("checks carried over: (\\d+) rules read only tables unchanged since run")
                    .matcher(INCREMENTAL_RUNS.get(day).out());
            assertThat(carried.find()).as(INCREMENTAL_RUNS.get(day).out()).isTrue();
            assertThat(Integer.parseInt(carried.group(1))).isPositive();
            Map<String, CheckResult> byFullRun = byRule(results(FULL_RUNS.get(day)));
            Map<String, CheckResult> byCarryingRun = byRule(results(INCREMENTAL_RUNS.get(day)));
            assertThat(byCarryingRun.keySet()).isEqualTo(byFullRun.keySet());
            for (CheckResult full : byFullRun.values()) {
                if (!CarriedMeasurements.dependsOnTablesAlone(full.rule())) {
                    continue; // the volume history, the replaced warehouse and the validation are the runs' own
                }
                CheckResult incremental = byCarryingRun.get(full.rule().name());
                assertThat(List.of(incremental.status(), incremental.rowsChecked(), incremental.rowsFailed()))
                        .as("%s on day %d", full.rule().name(), day)
                        .isEqualTo(List.of(full.status(), full.rowsChecked(), full.rowsFailed()));
            }
        }
    }

    private static List<CheckResult> results(Cli run) {
        Matcher id = Pattern.compile("run (\\d+) succeeded").matcher(run.out());
        assertThat(id.find()).as(run.out()).isTrue();
        return TestStores.ops().qualityResults().results(new RunId(Long.parseLong(id.group(1))));
    }

    private static Map<String, CheckResult> byRule(List<CheckResult> results) {
        return results.stream().collect(Collectors.toMap(result -> result.rule().name(), result -> result));
    }

    private static CheckStatus status(List<CheckResult> results, String rule) {
        return results.stream().filter(result -> result.rule().name().equals(rule)).findFirst().orElseThrow().status();
    }

    @Test
    void every_intermediate_core_mart_and_domain_table_is_the_same_row_for_row_both_ways() throws SQLException {
        try (Connection both = DriverManager.getConnection("jdbc:duckdb:"); Statement s = both.createStatement()) {
            s.execute("attach '" + full + "' as a (read_only)");
            s.execute("attach '" + incremental + "' as b (read_only)");
            List<String> tables = strings(s, "select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_catalog = 'a' and table_schema in ('intermediate', 'core', 'mart', 'domain') order by 1");
            assertThat(tables).hasSizeGreaterThanOrEqualTo(28).contains("core.fact_orders", "core.dim_customer",
                    "mart.mart_monthly_revenue", "domain.order_violations", "domain.customer_segments");
            for (String table : tables) {
                long rows = TestStores.count(both, "select count(*) from a." + table);
                assertThat(TestStores.count(both, "select count(*) from b." + table)).as(table).isEqualTo(rows);
                assertThat(TestStores.count(both, "select count(*) from (select * from a." + table
                        + " except all select * from b." + table + ")"))
                        .as("rows of %s built by full runs only", table).isZero();
                assertThat(TestStores.count(both, "select count(*) from (select * from b." + table
                        + " except all select * from a." + table + ")"))
                        .as("rows of %s built incrementally only", table).isZero();
            }
        }
    }

    @Test
    void the_runs_over_changed_files_patched_the_order_level_tables_for_the_orders_in_scope_alone() throws Exception {
        List<String> orderLevel = List.of("core.fact_deliveries", "core.fact_order_items", "core.fact_orders",
                "core.fact_payments", "core.fact_reviews", "intermediate.int_order_enriched",
                "intermediate.int_order_fingerprints", "intermediate.int_order_items", "intermediate.int_order_payments", "intermediate.int_order_reviews",
                "intermediate.int_orders");
        try (Connection c = TestStores.openWarehouse(incremental); Statement s = c.createStatement()) {
            assertThat(strings(s, "select model from raw.model_inputs where built_as = 'patched' order by 1"))
                    .containsExactlyElementsOf(orderLevel);
            assertThat(strings(s, "select distinct built_as from raw.model_inputs where model like 'mart.%'"))
                    .containsExactly("built");
            // the two orders whose item lines only swapped places: no change, but in scope for their lines
            assertThat(strings(s, "select order_id || ' ' || bool_and(lines_only) from raw.affected_orders where "
                    + "order_id in ('" + String.join("', '", movedOrders) + "') group by order_id order by 1"))
                    .containsExactlyInAnyOrder(movedOrders.get(0) + " true", movedOrders.get(1) + " true");
            assertThat(TestStores.count(c, "select count(*) from raw.scope_order_id where order_id in ('"
                    + String.join("', '", movedOrders) + "')")).isEqualTo(2);
            long inScope = TestStores.count(c, "select count(*) from raw.scope_order_id");
            assertThat(inScope).isPositive()
                    .isLessThan(TestStores.count(c, "select count(*) from core.fact_orders") / 4);
        }
        try (Connection c = TestStores.openWarehouse(full); Statement s = c.createStatement()) {
            assertThat(strings(s, "select distinct built_as from raw.model_inputs")).containsExactly("built");
        }
    }

    @Test
    void the_changes_of_each_day_reach_the_facts_and_the_dimension_history() throws Exception {
        long ordersInFile = Files.readAllLines(days[2].resolve("olist_orders_dataset.csv")).size() - 1;
        try (Connection c = TestStores.openWarehouse(incremental)) {
            assertThat(TestStores.count(c, "select count(*) from core.fact_orders")).isEqualTo(ordersInFile);
            // Every order the changes delivered or canceled has that status in the facts.
            assertThat(TestStores.count(c, "select count(*) from core.fact_orders where order_status = 'delivered'"))
                    .isEqualTo(countInFile(days[2], ",delivered,"));
            assertThat(TestStores.count(c, "select count(*) from core.fact_orders where order_status = 'canceled'"))
                    .isEqualTo(countInFile(days[2], ",canceled,"));
            // Buyers who moved have a version closed and one opened at the as-of time of the run that saw it.
            assertThat(TestStores.count(c, "select count(*) from core.dim_customer where valid_from = timestamp '"
                    + AS_OF[1].toString().replace('T', ' ').replace("Z", "") + "'")).isPositive();
            assertThat(TestStores.count(c, "select count(*) from core.dim_customer where valid_from = timestamp '"
                    + AS_OF[2].toString().replace('T', ' ').replace("Z", "") + "'")).isPositive();
        }
    }

    private static long countInFile(Path dir, String text) throws Exception {
        return Files.readAllLines(dir.resolve("olist_orders_dataset.csv")).stream().filter(l -> l.contains(text))
                .count();
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
