package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.pipeline.quality.RuleCatalog;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Generate at a small scale, run the whole pipeline through the command line against a real PostgreSQL
 * and a real DuckDB, and check every count against a second, independent reading of the CSV files.
 */
class EndToEndTest {

    @TempDir
    static Path work;

    private static Path sample;
    private static Path warehouse;
    private static Cli run;
    private static PipelineRun recorded;
    private static final Map<SourceTable, List<List<String>>> csv = new EnumMap<>(SourceTable.class);

    @BeforeAll
    static void generateAndRun() throws Exception {
        sample = work.resolve("sample");
        warehouse = work.resolve("warehouse.duckdb");
        Samples.generate(0.01, 7, sample);
        for (SourceTable table : SourceTable.values()) {
            csv.put(table, TestCsv.rows(sample.resolve(table.fileName())));
        }
        run = Cli.run(args("run", "--source", sample.toString(), "--warehouse", warehouse.toString(),
                "--work-dir", work.toString()));
        recorded = TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    static String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(TestStores.opsArgs()));
        return all.toArray(String[]::new);
    }

    @Test
    void the_run_succeeds_and_prints_a_per_step_table() {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("step", "load", "olist_orders_dataset.csv", "core.dim_customer",
                "mart.mart_monthly_revenue", "publish", "succeeded");
        assertThat(Files.exists(warehouse)).isTrue();
    }

    @Test
    void every_file_reconciles_and_its_load_is_recorded_with_size_and_checksum() throws Exception {
        PipelineRuns runs = TestStores.ops().pipelineRuns();
        List<DataLoad> loads = runs.loads(recorded.id());
        assertThat(loads).hasSize(SourceTable.values().length);
        for (SourceTable table : SourceTable.values()) {
            Path file = sample.resolve(table.fileName());
            DataLoad load = loads.stream().filter(l -> l.sourceFile().equals(table.fileName())).findFirst().orElseThrow();
            long rows = csv.get(table).size();
            assertThat(load.rowsRead()).as(table.fileName()).isEqualTo(rows);
            assertThat(load.rowsLoaded()).as(table.fileName()).isEqualTo(rows);
            assertThat(load.rowsQuarantined()).isZero();
            assertThat(load.sizeBytes()).isEqualTo(Files.size(file));
            assertThat(load.sha256()).isEqualTo(sha256(file));
        }
    }

    @Test
    void the_run_and_every_task_are_recorded_in_postgres() {
        PipelineRuns runs = TestStores.ops().pipelineRuns();
        long sourceRows = csv.values().stream().mapToLong(List::size).sum();
        assertThat(recorded.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(recorded.errorMessage()).isEmpty();
        assertThat(recorded.rowsProcessed()).isEqualTo(sourceRows);
        assertThat(recorded.completedAt()).isPresent();
        List<TaskExecution> tasks = runs.tasks(recorded.id());
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(t.completedAt()).isPresent();
        });
        assertThat(tasks).extracting(TaskExecution::name).contains(
                "extract:source directory", "extract:olist_orders_dataset.csv", "load:olist_geolocation_dataset.csv",
                "transform:staging.stg_orders", "transform:core.fact_order_items",
                "transform:mart.mart_monthly_revenue");
        assertThat(tasks.get(tasks.size() - 1).type()).isEqualTo("publish");
        // directory check, 9 file checks, the comparison with the published warehouse, new build, 9 loads, dependency graph, every model, the validation of
        // orders and of customer segments, one check per quality rule checked, quality report, the volume, quality
        // and drift gates, publish
        List<CheckResult> checked = TestStores.ops().qualityResults().results(recorded.id());
        assertThat(checked).isNotEmpty();
        assertThat(tasks).hasSize(1 + 9 + 1 + 1 + 9 + 1 + (int) modelFiles() + 2 + checked.size() + 4 + 1);
        assertThat(tasks).extracting(TaskExecution::name).containsAll(checked.stream()
                .map(result -> "check:" + result.rule().name()).toList());
        assertThat(tasks).extracting(TaskExecution::name).containsSubsequence("transform:core.fact_orders",
                "validate:orders", "check:orders_status_accepted");
        assertThat(tasks).extracting(TaskExecution::name).containsSubsequence("transform:intermediate.int_customer_metrics",
                "validate:customer segments", "transform:mart.mart_customer_analytics");
        assertThat(tasks.subList(tasks.size() - 5, tasks.size() - 1)).extracting(TaskExecution::name)
                .containsExactly("check:quality report", "check:volume gate", "check:quality gate", "check:drift gate");
        // each node started once those writing what it reads had finished
        assertFinishedBefore(tasks, List.of("transform:core.fact_orders", "transform:core.fact_order_items",
                "transform:core.fact_payments", "transform:core.fact_reviews", "transform:core.dim_customer"),
                "validate:orders");
        assertFinishedBefore(tasks, List.of("transform:intermediate.int_customer_metrics"),
                "validate:customer segments");
        assertFinishedBefore(tasks, List.of("validate:customer segments"), "transform:mart.mart_customer_analytics");
        for (CheckResult result : checked) {
            List<String> writers = new ArrayList<>();
            if (!result.rule().target().startsWith("raw.")) {
                writers.add("transform:" + result.rule().target());
            }
            if (result.rule().kind() == RuleKind.ORDER_RULE) {
                writers = List.of("validate:orders", "transform:core.fact_orders");
            }
            String compareTo = result.rule().parameter("compare_to");
            if (compareTo != null && !compareTo.startsWith("raw.")) {
                writers.add("transform:" + compareTo);
            }
            String references = result.rule().parameter("references");
            if (references != null) {
                writers.add("transform:" + references.substring(0, references.lastIndexOf('.')));
            }
            assertFinishedBefore(tasks, writers, "check:" + result.rule().name());
        }
        assertFinishedBefore(tasks, tasks.stream().map(TaskExecution::name).filter(name -> name.startsWith("check:")
                && !List.of("check:quality report", "check:volume gate", "check:quality gate", "check:drift gate")
                .contains(name)).toList(),
                "check:quality report");
        TaskExecution ordersLoad = tasks.stream().filter(t -> t.name().equals("load:olist_orders_dataset.csv"))
                .findFirst().orElseThrow();
        assertThat(ordersLoad.rowsAffected()).isEqualTo(csv.get(SourceTable.ORDERS).size());
    }

    @Test
    void raw_and_staging_hold_one_row_per_source_row() throws Exception {
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            for (SourceTable table : SourceTable.values()) {
                long rows = csv.get(table).size();
                assertThat(TestStores.count(c, "select count(*) from raw." + table.tableName()))
                        .as("raw.%s", table.tableName()).isEqualTo(rows);
                assertThat(TestStores.count(c, "select count(*) from staging.stg_" + table.tableName()))
                        .as("staging.stg_%s", table.tableName()).isEqualTo(rows);
            }
            assertThat(TestStores.count(c, "select count(*) from raw.quarantine")).isZero();
        }
    }

    @Test
    void dimensions_and_intermediates_have_one_row_per_natural_key() throws Exception {
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            assertThat(TestStores.count(c, "select count(*) from core.dim_customer"))
                    .isEqualTo(distinct(SourceTable.CUSTOMERS, "customer_unique_id") + 1);
            assertThat(TestStores.count(c, "select count(*) from core.dim_product"))
                    .isEqualTo(distinct(SourceTable.PRODUCTS, "product_id") + 1);
            assertThat(TestStores.count(c, "select count(*) from core.dim_seller"))
                    .isEqualTo(distinct(SourceTable.SELLERS, "seller_id") + 1);
            assertThat(TestStores.count(c, "select count(*) from core.dim_customer where customer_key = -1")).isOne();
            assertThat(TestStores.count(c, "select count(*) from intermediate.int_customers"))
                    .isEqualTo(distinct(SourceTable.CUSTOMERS, "customer_id"));
            assertThat(TestStores.count(c, "select count(*) from intermediate.int_orders"))
                    .isEqualTo(distinct(SourceTable.ORDERS, "order_id"));
        }
    }

    @Test
    void dim_date_covers_every_day_from_the_first_to_the_last_date_in_the_data() throws Exception {
        List<LocalDate> dates = new ArrayList<>();
        collectDates(dates, SourceTable.ORDERS, "order_purchase_timestamp", "order_approved_at",
                "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date");
        collectDates(dates, SourceTable.ORDER_ITEMS, "shipping_limit_date");
        collectDates(dates, SourceTable.ORDER_REVIEWS, "review_creation_date", "review_answer_timestamp");
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            assertThat(TestStores.count(c, "select count(*) from core.dim_date where date_key <> -1")).isEqualTo(days);
            assertThat(TestStores.count(c, "select count(*) from core.dim_date")).isEqualTo(days + 1);
        }
    }

    @Test
    void fact_order_items_has_one_row_per_order_item() throws Exception {
        Set<String> items = new HashSet<>();
        int order = col(SourceTable.ORDER_ITEMS, "order_id");
        int item = col(SourceTable.ORDER_ITEMS, "order_item_id");
        for (List<String> row : csv.get(SourceTable.ORDER_ITEMS)) {
            items.add(row.get(order).trim() + "#" + Long.parseLong(row.get(item).replace(".0", "")));
        }
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            assertThat(TestStores.count(c, "select count(*) from core.fact_order_items")).isEqualTo(items.size());
        }
    }

    @Test
    void monthly_revenue_has_one_row_per_month_between_the_first_and_last_purchase() throws Exception {
        Map<String, String> purchaseByOrder = index(SourceTable.ORDERS, "order_id", "order_purchase_timestamp");
        int order = col(SourceTable.ORDER_ITEMS, "order_id");
        TreeSet<YearMonth> months = new TreeSet<>();
        for (List<String> row : csv.get(SourceTable.ORDER_ITEMS)) {
            String purchased = purchaseByOrder.get(row.get(order).trim());
            if (purchased != null) {
                months.add(YearMonth.from(LocalDate.parse(purchased.substring(0, 10))));
            }
        }
        long expected = ChronoUnit.MONTHS.between(months.first(), months.last()) + 1;
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            assertThat(TestStores.count(c, "select count(*) from mart.mart_monthly_revenue")).isEqualTo(expected);
        }
    }

    @Test
    void every_invariant_rule_passed_in_the_run_s_recorded_quality_results() {
        List<String> invariants = RuleCatalog.shipped().stream()
                .filter(rule -> rule.kind() == RuleKind.SQL)
                .map(QualityRule::name).toList();
        Map<String, CheckResult> results = new HashMap<>();
        TestStores.ops().qualityResults().results(recorded.id()).forEach(result -> results.put(result.rule().name(), result));

        assertThat(invariants).isNotEmpty();
        for (String rule : invariants) {
            assertThat(results).as("recorded results").containsKey(rule);
            assertThat(results.get(rule).status()).as("%s: %s", rule, results.get(rule).sample())
                    .isEqualTo(CheckStatus.PASS);
            assertThat(results.get(rule).rowsFailed()).as(rule).isZero();
        }
    }

    @Test
    void runs_lists_the_run_as_json_for_scripts() throws Exception {
        Cli runs = Cli.run(args("runs", "--json", "--limit", "5", "--work-dir", work.toString()));
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        JsonNode list = new ObjectMapper().readTree(runs.out());
        JsonNode mine = null;
        for (JsonNode node : list) {
            if (node.get("runId").asLong() == recorded.id().value()) {
                mine = node;
            }
        }
        assertThat(mine).as(runs.out()).isNotNull();
        assertThat(mine.get("status").asText()).isEqualTo("success");
        assertThat(mine.get("rowsRead").asLong()).isEqualTo(recorded.rowsProcessed());
        assertThat(mine.get("rowsQuarantined").asLong()).isZero();
        assertThat(mine.get("durationMs").asLong()).isPositive();

        Cli table = Cli.run(args("runs", "--work-dir", work.toString()));
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("status", "success", Long.toString(recorded.id().value()));
    }

    /** Every task in {@code before} completed before {@code after} started (in store time). */
    private static void assertFinishedBefore(List<TaskExecution> tasks, List<String> before, String after) {
        TaskExecution later = tasks.stream().filter(t -> t.name().equals(after)).findFirst().orElseThrow();
        for (String name : before) {
            TaskExecution earlier = tasks.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no task " + name + " before " + after));
            assertThat(earlier.completedAt()).as("%s completed before %s started", name, after)
                    .hasValueSatisfying(done -> assertThat(done).isBeforeOrEqualTo(later.startedAt()));
        }
    }

    /** The SQL models in the repository's sql/duckdb folders (macros are not models). */
    private static long modelFiles() {
        Path root = Path.of("..", "sql", "duckdb");
        try (var files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".sql"))
                    .filter(f -> !Set.of("macros", "scopes").contains(f.getParent().getFileName().toString()))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long distinct(SourceTable table, String column) {
        int i = col(table, column);
        return csv.get(table).stream().map(r -> r.get(i).trim()).distinct().count();
    }

    private static Map<String, String> index(SourceTable table, String key, String value) {
        int k = col(table, key);
        int v = col(table, value);
        Map<String, String> map = new HashMap<>();
        for (List<String> row : csv.get(table)) {
            map.putIfAbsent(row.get(k).trim(), row.get(v));
        }
        return map;
    }

    private static void collectDates(List<LocalDate> into, SourceTable table, String... columns) {
        for (String column : columns) {
            int i = col(table, column);
            Function<String, LocalDate> date = s -> LocalDate.parse(s.trim().substring(0, 10));
            csv.get(table).stream().map(r -> r.get(i)).filter(s -> !s.isBlank()).map(date).forEach(into::add);
        }
    }

    private static int col(SourceTable table, String column) {
        int i = table.header().indexOf(column);
        assertThat(i).as("%s has column %s", table, column).isNotNegative();
        return i;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
