package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskId;
import org.olistdw.domain.orchestration.TaskStatus;

class JdbiPipelineRunsTest {

    private static final String SHA_ORDERS = "a".repeat(64);
    private static final String SHA_ITEMS = "0123456789abcdef".repeat(4);
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

    private static String url;
    private static PostgresOps ops;
    private static PipelineRuns runs;

    @BeforeAll
    static void connect() {
        url = TestPostgres.freshDatabase("pipeline_runs_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        runs = ops.pipelineRuns();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void forgetEarlierRuns() throws SQLException {
        execute("truncate etl_orchestration.pipeline_runs cascade");
    }

    @Test
    void runs_left_running_by_a_killed_process_are_closed_as_cancelled_with_their_tasks_failed() {
        RunId finished = runs.start("olist-elt", T0, Map.of());
        runs.finish(finished, RunStatus.SUCCESS, T0.plusSeconds(5), 10, null);
        RunId killed = runs.start("olist-elt", T0.plusSeconds(10), Map.of());
        TaskId done = runs.startTask(killed, "extract:source directory", "extract", T0.plusSeconds(10));
        runs.finishTask(done, TaskStatus.SUCCESS, T0.plusSeconds(11), 0, null);
        TaskId hanging = runs.startTask(killed, "load:olist_orders_dataset.csv", "load", T0.plusSeconds(11));

        List<RunId> closed = runs.cancelInterrupted(T0.plusSeconds(60), "interrupted");

        assertThat(closed).containsExactly(killed);
        PipelineRun run = runs.find(killed).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.errorMessage()).contains("interrupted");
        assertThat(run.completedAt()).contains(T0.plusSeconds(60));
        assertThat(runs.tasks(killed)).extracting(TaskExecution::id, TaskExecution::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(done, TaskStatus.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple(hanging, TaskStatus.FAILED));
        assertThat(runs.find(finished).orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(runs.cancelInterrupted(T0.plusSeconds(61), "again")).isEmpty();
    }

    @Test
    void tasks_started_and_finished_together_read_back_in_the_order_given() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        TaskId before = runs.startTask(run, "transform:core.fact_orders", "transform", T0);
        runs.finishTask(before, TaskStatus.SUCCESS, T0.plusSeconds(1), 5, null);

        List<TaskId> checks = runs.startTasks(run, List.of("check:b_rule", "check:a_rule", "check:c_rule"), "check",
                T0.plusSeconds(2));
        runs.finishTasks(List.of(
                new PipelineRuns.TaskEnd(checks.get(0), TaskStatus.SUCCESS, T0.plusSeconds(3), 7, null),
                new PipelineRuns.TaskEnd(checks.get(1), TaskStatus.SUCCESS, T0.plusSeconds(4), 8, null),
                new PipelineRuns.TaskEnd(checks.get(2), TaskStatus.FAILED, T0.plusSeconds(5), 0, "broken")));

        assertThat(checks).hasSize(3).allMatch(id -> id.value() > before.value());
        assertThat(runs.tasks(run)).extracting(TaskExecution::name, TaskExecution::status, TaskExecution::startedAt,
                        TaskExecution::completedAt, TaskExecution::rowsAffected, TaskExecution::errorMessage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("transform:core.fact_orders", TaskStatus.SUCCESS, T0,
                                Optional.of(T0.plusSeconds(1)), 5L, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("check:b_rule", TaskStatus.SUCCESS, T0.plusSeconds(2),
                                Optional.of(T0.plusSeconds(3)), 7L, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("check:a_rule", TaskStatus.SUCCESS, T0.plusSeconds(2),
                                Optional.of(T0.plusSeconds(4)), 8L, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("check:c_rule", TaskStatus.FAILED, T0.plusSeconds(2),
                                Optional.of(T0.plusSeconds(5)), 0L, Optional.of("broken")));
        assertThat(runs.startTasks(run, List.of(), "check", T0)).isEmpty();
    }

    @Test
    void finishing_tasks_together_refuses_one_already_finished_and_records_none() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<TaskId> tasks = runs.startTasks(run, List.of("check:one", "check:two"), "check", T0);
        runs.finishTask(tasks.get(1), TaskStatus.SUCCESS, T0.plusSeconds(1), 1, null);

        assertThatThrownBy(() -> runs.finishTasks(List.of(
                new PipelineRuns.TaskEnd(tasks.get(0), TaskStatus.SUCCESS, T0.plusSeconds(2), 2, null),
                new PipelineRuns.TaskEnd(tasks.get(1), TaskStatus.SUCCESS, T0.plusSeconds(2), 2, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("task " + tasks.get(1).value() + " has already finished as success");
        assertThat(runs.tasks(run)).extracting(TaskExecution::status)
                .containsExactly(TaskStatus.RUNNING, TaskStatus.SUCCESS);
    }

    @Test
    void a_run_from_start_to_finish_reads_back_exactly() {
        RunId run = runs.start("olist-elt", T0, Map.of("source", "/data/olist", "scale", "1"));
        TaskId load = runs.startTask(run, "load:orders", "load", T0.plusMillis(10));
        runs.recordLoad(run, new DataLoad("olist_orders_dataset.csv", "/data/olist/olist_orders_dataset.csv",
                17_654_914, SHA_ORDERS, 99_441, 99_439, 2));
        runs.recordQuarantine(run, List.of(
                new QuarantinedRow("olist_orders_dataset.csv", 12, "x,\"unclosed", "unterminated quote"),
                new QuarantinedRow("olist_orders_dataset.csv", 7, "a,b", "2 columns, expected 8")));
        runs.finishTask(load, TaskStatus.SUCCESS, T0.plusMillis(850), 99_439, null);
        TaskId items = runs.startTask(run, "load:order_items", "load", T0.plusMillis(900));
        runs.recordLoad(run, new DataLoad("olist_order_items_dataset.csv", "/data/olist/olist_order_items_dataset.csv",
                15_438_671, SHA_ITEMS, 112_650, 112_650, 0));
        runs.finishTask(items, TaskStatus.SUCCESS, T0.plusMillis(1_400), 112_650, null);
        runs.finish(run, RunStatus.SUCCESS, T0.plusMillis(1_500), 212_091, null);

        assertThat(runs.find(run)).contains(new PipelineRun(run, "olist-elt", RunStatus.SUCCESS, T0,
                Optional.of(T0.plusMillis(1_500)), 212_091, Optional.empty()));
        assertThat(runs.find(run).orElseThrow().duration()).contains(Duration.ofMillis(1_500));
        assertThat(runs.tasks(run)).containsExactly(
                new TaskExecution(load, run, "load:orders", "load", TaskStatus.SUCCESS, T0.plusMillis(10),
                        Optional.of(T0.plusMillis(850)), 99_439, Optional.empty()),
                new TaskExecution(items, run, "load:order_items", "load", TaskStatus.SUCCESS, T0.plusMillis(900),
                        Optional.of(T0.plusMillis(1_400)), 112_650, Optional.empty()));
        assertThat(runs.loads(run)).containsExactly(
                new DataLoad("olist_orders_dataset.csv", "/data/olist/olist_orders_dataset.csv",
                        17_654_914, SHA_ORDERS, 99_441, 99_439, 2),
                new DataLoad("olist_order_items_dataset.csv", "/data/olist/olist_order_items_dataset.csv",
                        15_438_671, SHA_ITEMS, 112_650, 112_650, 0));
        assertThat(runs.quarantine(run)).containsExactly(
                new QuarantinedRow("olist_orders_dataset.csv", 7, "a,b", "2 columns, expected 8"),
                new QuarantinedRow("olist_orders_dataset.csv", 12, "x,\"unclosed", "unterminated quote"));
    }

    @Test
    void a_run_still_running_has_no_end_and_no_duration() {
        RunId run = runs.start("olist-elt", T0, Map.of());

        PipelineRun stored = runs.find(run).orElseThrow();

        assertThat(stored.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(stored.completedAt()).isEmpty();
        assertThat(stored.duration()).isEmpty();
    }

    @Test
    void a_failed_run_keeps_its_error_and_so_does_its_failed_task() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        TaskId model = runs.startTask(run, "model:core.dim_customer", "transform", T0.plusSeconds(1));
        runs.finishTask(model, TaskStatus.FAILED, T0.plusSeconds(2), 0, "Binder Error: column customer_uid not found");
        runs.finish(run, RunStatus.FAILED, T0.plusSeconds(3), 1_550_922, "model core.dim_customer failed");

        PipelineRun stored = runs.find(run).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stored.errorMessage()).contains("model core.dim_customer failed");
        assertThat(stored.rowsProcessed()).isEqualTo(1_550_922);
        assertThat(runs.tasks(run)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(task.errorMessage()).contains("Binder Error: column customer_uid not found");
        });
    }

    @Test
    void recent_runs_come_newest_first_and_stop_at_the_limit() {
        RunId first = runs.start("olist-elt", T0, Map.of());
        RunId third = runs.start("olist-elt", T0.plusSeconds(120), Map.of());
        RunId second = runs.start("olist-elt", T0.plusSeconds(60), Map.of());

        assertThat(runs.recent(2)).extracting(PipelineRun::id).containsExactly(third, second);
        assertThat(runs.recent(10)).extracting(PipelineRun::id).containsExactly(third, second, first);
        assertThat(runs.recent(0)).isEmpty();
        assertThatThrownBy(() -> runs.recent(-1)).hasMessage("limit must not be negative, was -1");
    }

    @Test
    void a_data_load_whose_rows_do_not_reconcile_is_rejected_by_the_database() {
        RunId run = runs.start("olist-elt", T0, Map.of());

        assertThatThrownBy(() -> execute("""
                insert into etl_orchestration.data_loads
                    (run_id, source_file, file_path, file_size_bytes, sha256, rows_read, rows_loaded, rows_quarantined)
                values (%d, 'olist_orders_dataset.csv', '/data/o.csv', 10, '%s', 100, 98, 1)"""
                .formatted(run.value(), SHA_ORDERS)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("data_loads_rows_reconcile");
    }

    @Test
    void a_run_cannot_finish_twice_nor_a_missing_run_at_all() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        runs.finish(run, RunStatus.SUCCESS, T0.plusSeconds(1), 0, null);

        assertThatThrownBy(() -> runs.finish(run, RunStatus.FAILED, T0.plusSeconds(2), 0, "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run " + run + " has already finished as success");
        assertThatThrownBy(() -> runs.finish(new RunId(987_654_321), RunStatus.SUCCESS, T0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no pipeline run 987654321");
        assertThatThrownBy(() -> runs.finish(run, RunStatus.RUNNING, T0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void many_quarantined_rows_are_kept_in_file_and_line_order() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<QuarantinedRow> rows = IntStream.rangeClosed(2, 2_501)
                .map(i -> 2_503 - i)
                .mapToObj(line -> new QuarantinedRow("olist_geolocation_dataset.csv", line, "row " + line, "bad zip"))
                .toList();

        runs.recordQuarantine(run, rows);

        List<QuarantinedRow> stored = runs.quarantine(run);
        assertThat(stored).hasSize(2_500);
        assertThat(stored.get(0).lineNumber()).isEqualTo(2);
        assertThat(stored.get(2_499)).isEqualTo(
                new QuarantinedRow("olist_geolocation_dataset.csv", 2_501, "row 2501", "bad zip"));
    }

    @Test
    void a_quarantined_row_holding_a_nul_character_is_kept_with_a_replacement_character() {
        RunId run = runs.start("olist-elt", T0, Map.of());

        runs.recordQuarantine(run, List.of(new QuarantinedRow("olist_products_dataset.csv", 3, "a\0b", "NUL byte")));

        assertThat(runs.quarantine(run)).extracting(QuarantinedRow::rawText).containsExactly("a\uFFFDb");
    }

    @Test
    void a_carried_over_load_names_its_run_and_a_run_keeps_its_mode_and_fingerprint() {
        RunId first = runs.start("olist-elt", T0, Map.of());
        DataLoad read = new DataLoad("a.csv", "/a.csv", 1, SHA_ORDERS, 10, 8, 2);
        runs.recordLoad(first, read);
        runs.recordMode(first, RunMode.FULL, SHA_ITEMS);
        RunId second = runs.start("olist-elt", T0.plusSeconds(60), Map.of());
        runs.recordLoad(second, read.carriedOver("/b/a.csv", first));
        runs.recordLoad(second, new DataLoad("b.csv", "/b/b.csv", 1, SHA_ITEMS, 5, 5, 0));
        runs.recordMode(second, RunMode.INCREMENTAL, SHA_ITEMS);
        RunId undecided = runs.start("olist-elt", T0.plusSeconds(120), Map.of());

        assertThat(runs.loads(first)).containsExactly(read);
        assertThat(runs.loads(second)).extracting(DataLoad::carriedOverFrom)
                .containsExactly(Optional.of(first), Optional.empty());
        assertThat(runs.mode(second)).contains(RunMode.INCREMENTAL);
        assertThat(runs.fingerprint(second)).contains(SHA_ITEMS);
        assertThat(runs.mode(undecided)).isEmpty();
        assertThat(runs.fingerprint(undecided)).isEmpty();
        assertThat(ops.runSummaries(5)).extracting(RunSummary::mode, RunSummary::filesLoaded, RunSummary::filesCarriedOver)
                .containsExactly(tuple(Optional.empty(), 0, 0), tuple(Optional.of(RunMode.INCREMENTAL), 1, 1),
                        tuple(Optional.of(RunMode.FULL), 1, 0));
        assertThatThrownBy(() -> runs.recordMode(first, RunMode.FULL, "not hex"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void the_keys_touched_are_kept_with_each_compared_load_and_summed_per_run() {
        RunId first = runs.start("olist-elt", T0, Map.of());
        runs.recordLoad(first, new DataLoad("a.csv", "/a.csv", 1, SHA_ORDERS, 10, 10, 0));
        RunId second = runs.start("olist-elt", T0.plusSeconds(60), Map.of());
        runs.recordLoad(second, new DataLoad("a.csv", "/a.csv", 1, SHA_ORDERS, 12, 12, 0));
        runs.recordLoad(second, new DataLoad("b.csv", "/b.csv", 1, SHA_ITEMS, 5, 5, 0));
        runs.recordLoad(second, new DataLoad("c.csv", "/c.csv", 1, SHA_ITEMS, 5, 5, 0).carriedOver("/c.csv", first));

        runs.recordKeyChanges(second, "a.csv", new KeyChanges(2, 1, 0));
        runs.recordKeyChanges(second, "b.csv", new KeyChanges(0, 3, 4));
        runs.recordOrdersAffected(second, 5);

        assertThat(runs.keyChanges(second)).containsExactly(Map.entry("a.csv", new KeyChanges(2, 1, 0)),
                Map.entry("b.csv", new KeyChanges(0, 3, 4)));
        assertThat(runs.keyChanges(first)).isEmpty();
        assertThat(runs.ordersAffected(second)).contains(5L);
        assertThat(runs.ordersAffected(first)).isEmpty();
        assertThat(ops.runSummaries(5)).extracting(RunSummary::keysTouched, RunSummary::ordersAffected)
                .containsExactly(tuple(Optional.of(10L), Optional.of(5L)), tuple(Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> runs.recordKeyChanges(first, "b.csv", KeyChanges.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_summaries_total_the_tasks_and_loads_of_each_run() {
        RunId quiet = runs.start("olist-elt", T0, Map.of());
        RunId busy = runs.start("olist-elt", T0.plusSeconds(60), Map.of());
        TaskId ok = runs.startTask(busy, "load:orders", "load", T0.plusSeconds(61));
        runs.finishTask(ok, TaskStatus.SUCCESS, T0.plusSeconds(62), 10, null);
        TaskId bad = runs.startTask(busy, "load:items", "load", T0.plusSeconds(62));
        runs.finishTask(bad, TaskStatus.FAILED, T0.plusSeconds(63), 0, "boom");
        runs.recordLoad(busy, new DataLoad("a.csv", "/a.csv", 1, SHA_ORDERS, 10, 8, 2));
        runs.recordLoad(busy, new DataLoad("b.csv", "/b.csv", 1, SHA_ITEMS, 5, 5, 0));

        List<RunSummary> summaries = ops.runSummaries(5);

        assertThat(summaries).extracting(s -> s.run().id()).containsExactly(busy, quiet);
        assertThat(summaries.get(0)).isEqualTo(new RunSummary(runs.find(busy).orElseThrow(), 2, 1, 2, 15, 13, 2,
                Optional.empty(), 0, Optional.empty(), Optional.empty()));
        assertThat(summaries.get(1)).isEqualTo(new RunSummary(runs.find(quiet).orElseThrow(), 0, 0, 0, 0, 0, 0,
                Optional.empty(), 0, Optional.empty(), Optional.empty()));
    }

    @Test
    void the_last_successful_load_of_a_file_is_that_of_the_latest_successful_run_that_loaded_it() {
        String orders = "olist_orders_dataset.csv";
        Map<String, String> here = Map.of("warehouse", "/w/warehouse.duckdb");
        loaded(T0, RunStatus.SUCCESS, new DataLoad(orders, "/a/orders.csv", 10, SHA_ORDERS, 100, 99, 1));
        RunId second = loaded(T0.plusSeconds(60), RunStatus.SUCCESS,
                new DataLoad(orders, "/b/orders.csv", 20, SHA_ORDERS, 120, 120, 0));
        // later, but failed: not history
        loaded(T0.plusSeconds(120), RunStatus.FAILED, new DataLoad(orders, "/c/orders.csv", 1, SHA_ORDERS, 0, 0, 0));
        // a later successful run of another file only
        loaded(T0.plusSeconds(180), RunStatus.SUCCESS, new DataLoad("olist_sellers_dataset.csv", "/d/sellers.csv", 5,
                SHA_ITEMS, 3, 3, 0));
        // later and successful, but into another warehouse
        RunId elsewhere = runs.start("olist-elt", T0.plusSeconds(200), Map.of("warehouse", "/x/other.duckdb"));
        runs.recordLoad(elsewhere, new DataLoad(orders, "/x/orders.csv", 1, SHA_ORDERS, 9, 9, 0));
        runs.finish(elsewhere, RunStatus.SUCCESS, T0.plusSeconds(201), 9, null);
        // running: not yet successful
        runs.recordLoad(runs.start("olist-elt", T0.plusSeconds(240), here),
                new DataLoad(orders, "/e/orders.csv", 1, SHA_ORDERS, 7, 7, 0));

        assertThat(runs.lastSuccessfulLoad(orders, "/w/warehouse.duckdb")).contains(new PipelineRuns.RecordedLoad(second,
                new DataLoad(orders, "/b/orders.csv", 20, SHA_ORDERS, 120, 120, 0)));
        assertThat(runs.lastSuccessfulLoad("olist_customers_dataset.csv", "/w/warehouse.duckdb")).isEmpty();
        assertThat(runs.lastSuccessfulLoad(orders, "/y/never.duckdb")).isEmpty();
    }

    private RunId loaded(Instant started, RunStatus status, DataLoad load) {
        RunId run = runs.start("olist-elt", started, Map.of("warehouse", "/w/warehouse.duckdb"));
        runs.recordLoad(run, load);
        runs.finish(run, status, started.plusSeconds(5), load.rowsRead(), status == RunStatus.FAILED ? "boom" : null);
        return run;
    }

    @Test
    void recent_row_counts_are_those_of_successful_tasks_of_successful_runs_newest_run_first() {
        String transform = "transform:core.fct_orders";
        ranTask("olist-elt", T0, RunStatus.SUCCESS, transform, TaskStatus.SUCCESS, 100);
        ranTask("olist-elt", T0.plusSeconds(60), RunStatus.FAILED, transform, TaskStatus.SUCCESS, 999);
        ranTask("olist-elt", T0.plusSeconds(120), RunStatus.SUCCESS, transform, TaskStatus.FAILED, 0);
        RunId latest = ranTask("olist-elt", T0.plusSeconds(240), RunStatus.SUCCESS, transform, TaskStatus.SUCCESS, 130);
        // started earlier than the run before it, though recorded after it
        ranTask("olist-elt", T0.plusSeconds(180), RunStatus.SUCCESS, transform, TaskStatus.SUCCESS, 120);
        ranTask("olist-elt", T0.plusSeconds(200), RunStatus.SUCCESS, "transform:core.fct_order_items",
                TaskStatus.SUCCESS, 7);
        RunId running = runs.start("olist-elt", T0.plusSeconds(300), Map.of());
        runs.finishTask(runs.startTask(running, transform, "transform", T0.plusSeconds(300)), TaskStatus.SUCCESS,
                T0.plusSeconds(301), 555, null);

        assertThat(runs.recentRowCounts(transform, 10)).containsExactly(130L, 120L, 100L);
        assertThat(runs.recentRowCounts(transform, 2)).containsExactly(130L, 120L);
        assertThat(runs.recentRowCounts(transform, 0)).isEmpty();
        assertThat(runs.recentRowCounts("transform:core.dim_customer", 5)).isEmpty();
        assertThatThrownBy(() -> runs.recentRowCounts(transform, -1))
                .hasMessage("limit must not be negative, was -1");

        // a second successful task of that name in one run: the one started last comes first
        runs.finishTask(runs.startTask(latest, transform, "transform", T0.plusSeconds(250)), TaskStatus.SUCCESS,
                T0.plusSeconds(251), 131, null);
        assertThat(runs.recentRowCounts(transform, 3)).containsExactly(131L, 130L, 120L);
    }

    /** A run that ran one task to its end and then ended itself. */
    private static RunId ranTask(String pipeline, Instant start, RunStatus runStatus, String task,
                                 TaskStatus taskStatus, long rows) {
        RunId run = runs.start(pipeline, start, Map.of());
        TaskId id = runs.startTask(run, task, "transform", start.plusSeconds(1));
        runs.finishTask(id, taskStatus, start.plusSeconds(2), rows, taskStatus == TaskStatus.FAILED ? "boom" : null);
        runs.finish(run, runStatus, start.plusSeconds(3), rows, runStatus == RunStatus.FAILED ? "boom" : null);
        return run;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
