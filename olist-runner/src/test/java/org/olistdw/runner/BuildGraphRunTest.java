package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;
import org.olistdw.pipeline.OlistPipeline;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;
import org.olistdw.pipeline.quality.RuleCatalog;

/**
 * The same sample run twice through the build graph, one node at a time and four at once, each into a warehouse
 * and an operational database of its own at the same instant: the published warehouses hold the same rows in
 * every table, the quality results are the same, and every node is a recorded task either way.
 */
class BuildGraphRunTest {

    private static final Instant AS_OF = Instant.parse("2018-10-20T06:00:00Z");

    @TempDir
    static Path work;

    private static Run sequential;
    private static Run parallel;

    /** One run: its report, its warehouse file and the store it was recorded in. */
    private record Run(RunReport report, Path warehouse, PostgresOps ops) {
    }

    @BeforeAll
    static void runOneAtATimeAndFourAtOnce() throws Exception {
        Path sample = work.resolve("sample");
        Samples.generate(0.01, 31, sample);
        sequential = run(sample, "graph_one_at_a_time", 1);
        parallel = run(sample, "graph_four_at_once", 4);
    }

    private static Run run(Path sample, String name, int parallelism) throws SQLException {
        LocalPostgres server = TestStores.postgres();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        String url = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name;
        PostgresOps ops = PostgresOps.connect(url, server.user(), server.password());
        ops.qualityRules().seed(RuleCatalog.shipped());
        Path warehouse = work.resolve(name + ".duckdb");
        Path temp = work.resolve(name + "-tmp");
        OlistPipeline pipeline = new OlistPipeline(DuckDbWarehouse.open(warehouse, new DuckDbSettings("1GB", 2, temp,
                DuckDbSettings.DEFAULT_MODEL_ROOT)), ops.pipelineRuns(), ops.qualityRules(), ops.qualityResults(),
                Clock.fixed(AS_OF, ZoneOffset.UTC), parallelism);
        RunReport report = pipeline.run(sample, RunListener.silent());
        assertThat(report.succeeded()).as(report.failure().orElse("")).isTrue();
        return new Run(report, warehouse, ops);
    }

    @Test
    void four_at_once_publish_the_same_rows_in_every_table_as_one_at_a_time() throws SQLException {
        Properties props = new Properties();
        try (Connection both = DriverManager.getConnection("jdbc:duckdb:", props);
             Statement statement = both.createStatement()) {
            statement.execute("attach '" + sequential.warehouse() + "' as one_at_a_time (read_only)");
            statement.execute("attach '" + parallel.warehouse() + "' as four_at_once (read_only)");
            Map<String, List<String>> tables = tables(statement, "one_at_a_time");
            assertThat(tables(statement, "four_at_once")).isEqualTo(tables);
            assertThat(tables).containsKeys("raw.orders", "staging.stg_orders", "core.fact_orders",
                    "domain.order_violations", "domain.customer_segments", "mart.mart_customer_analytics");
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                // every column but the run's id, which each store numbers on its own
                String columns = table.getValue().stream().filter(column -> !column.matches("_?run_id"))
                        .map(column -> "\"" + column + "\"").collect(Collectors.joining(", "));
                String one = "select " + columns + " from one_at_a_time." + table.getKey();
                String four = "select " + columns + " from four_at_once." + table.getKey();
                long rows = count(statement, one);
                assertThat(count(statement, four)).as("rows of %s", table.getKey()).isEqualTo(rows);
                assertThat(count(statement, one + " except all " + four)).as("rows of %s only one at a time has",
                        table.getKey()).isZero();
                assertThat(count(statement, four + " except all " + one)).as("rows of %s only four at once has",
                        table.getKey()).isZero();
            }
        }
    }

    @Test
    void four_at_once_give_the_same_quality_results_and_validation_as_one_at_a_time() {
        List<CheckResult> one = sequential.ops().qualityResults().results(sequential.report().runId());
        List<CheckResult> four = parallel.ops().qualityResults().results(parallel.report().runId());

        assertThat(one).hasSize(activeRules(sequential));
        assertThat(outcomes(four)).isEqualTo(outcomes(one));
        assertThat(parallel.report().checks()).extracting(result -> result.rule().name())
                .containsExactlyElementsOf(one.stream().map(result -> result.rule().name()).sorted().toList());
        assertThat(parallel.report().quality()).get().usingRecursiveComparison().ignoringFields("run")
                .isEqualTo(sequential.report().quality().orElseThrow());
        assertThat(parallel.report().validation()).isPresent().isEqualTo(sequential.report().validation());
    }

    @Test
    void every_node_is_a_recorded_task_with_the_same_rows_either_way_in_the_order_the_steps_started() {
        List<TaskExecution> one = sequential.ops().pipelineRuns().tasks(sequential.report().runId());
        List<TaskExecution> four = parallel.ops().pipelineRuns().tasks(parallel.report().runId());

        // the same tasks, publishing aside: each run publishes its own file
        assertThat(four).extracting(BuildGraphRunTest::nameOrKind).containsExactlyInAnyOrderElementsOf(
                one.stream().map(BuildGraphRunTest::nameOrKind).toList());
        assertThat(four).allMatch(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(four).extracting(TaskExecution::name)
                .containsExactlyElementsOf(parallel.report().steps().stream()
                        .map(step -> step.kind().taskName(step.name())).toList());
        assertThat(one).extracting(TaskExecution::name)
                .containsExactlyElementsOf(sequential.report().steps().stream()
                        .map(step -> step.kind().taskName(step.name())).toList());
        // one check per active rule, then the quality report and the volume, quality and drift gates
        assertThat(tasksOfKind(four, StepKind.CHECK)).hasSize(activeRules(parallel) + 4);
        assertThat(tasksOfKind(four, StepKind.VALIDATE)).extracting(TaskExecution::name)
                .containsExactlyInAnyOrder("validate:orders", "validate:customer segments");
        for (StepKind kind : List.of(StepKind.TRANSFORM, StepKind.VALIDATE, StepKind.CHECK)) {
            assertThat(rowsByTask(four, kind)).as(kind.code()).isEqualTo(rowsByTask(one, kind));
        }
        assertThat(parallel.report().steps()).extracting(StepResult::status).containsOnly(TaskStatus.SUCCESS);
    }

    /** A task's name, or its kind for the publishing, whose name is the published file. */
    private static String nameOrKind(TaskExecution task) {
        return task.type().equals(StepKind.PUBLISH.code()) ? task.type() : task.name();
    }

    private static int activeRules(Run run) {
        return (int) run.ops().qualityRules().all().stream().filter(rule -> rule.active()).count();
    }

    private static List<TaskExecution> tasksOfKind(List<TaskExecution> tasks, StepKind kind) {
        return tasks.stream().filter(task -> task.type().equals(kind.code())).toList();
    }

    private static Map<String, Long> rowsByTask(List<TaskExecution> tasks, StepKind kind) {
        return tasksOfKind(tasks, kind).stream()
                .collect(Collectors.toMap(TaskExecution::name, TaskExecution::rowsAffected));
    }

    /** What each rule found, by rule: status, rows checked and failed, the sample, the error. */
    private static Map<String, List<Object>> outcomes(List<CheckResult> results) {
        Map<String, List<Object>> outcomes = new LinkedHashMap<>();
        for (CheckResult result : results) {
            outcomes.put(result.rule().name(), List.of(result.status(), result.rowsChecked(), result.rowsFailed(),
                    result.sample(), result.error()));
        }
        return outcomes;
    }

    /** Every table of an attached warehouse, {@code schema.table}, with its columns in table order. */
    private static Map<String, List<String>> tables(Statement statement, String catalog) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (ResultSet columns = statement.executeQuery("select table_schema || '.' || table_name, column_name"
                + " from information_schema.columns where table_catalog = '" + catalog + "'"
                + " order by table_schema, table_name, ordinal_position")) {
            while (columns.next()) {
                tables.computeIfAbsent(columns.getString(1), table -> new ArrayList<>()).add(columns.getString(2));
            }
        }
        return tables;
    }

    private static long count(Statement statement, String select) throws SQLException {
        try (ResultSet result = statement.executeQuery("select count(*) from (" + select + ")")) {
            result.next();
            return result.getLong(1);
        }
    }
}
