package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskId;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.domain.orchestration.WarehouseLock;
import org.olistdw.domain.orchestration.WarehouseLocks;
import org.olistdw.domain.orchestration.WarehouseLocks.DeadRun;

/** Locks on warehouses in a real PostgreSQL: one holder at a time, leases that run out, dead runs settled. */
class JdbiWarehouseLocksTest {

    private static final String W = "/data/olist/warehouse.duckdb";
    private static final String OTHER = "/data/other/warehouse.duckdb";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static String url;
    private static PostgresOps ops;
    private static WarehouseLocks locks;
    private static PipelineRuns runs;

    @BeforeAll
    static void connect() {
        url = TestPostgres.freshDatabase("warehouse_locks_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        locks = ops.warehouseLocks();
        runs = ops.pipelineRuns();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void forgetEarlierLocksAndRuns() throws SQLException {
        execute("truncate etl_orchestration.warehouse_locks, etl_orchestration.pipeline_runs cascade");
    }

    @Test
    void a_free_warehouse_is_locked_by_the_first_and_the_second_is_told_who_holds_it() {
        WarehouseLock first = locks.acquire(W, "token-a", "host-a", 101, MINUTE);
        RunId run = runs.start("olist-elt", T0, Map.of("warehouse", W));
        locks.attach(W, "token-a", run);

        WarehouseLock second = locks.acquire(W, "token-b", "host-b", 202, MINUTE);

        assertThat(first.heldBy("token-a")).isTrue();
        assertThat(first.run()).isEmpty();
        assertThat(Duration.between(first.since(), first.leaseUntil())).isEqualTo(MINUTE);
        assertThat(second.heldBy("token-b")).isFalse();
        assertThat(second.run()).contains(run);
        assertThat(second.host()).isEqualTo("host-a");
        assertThat(second.pid()).isEqualTo(101);
        assertThat(second.describe()).startsWith("run " + run + " on host host-a (pid 101) since " + first.since()
                + ", lease until ");
        assertThat(locks.acquire(OTHER, "token-b", "host-b", 202, MINUTE).heldBy("token-b")).isTrue();
    }

    @Test
    void of_many_processes_trying_at_once_exactly_one_gets_the_lock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<WarehouseLock>> attempts = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> locks.acquire(W, "token-" + i, "host", i, MINUTE)))
                    .toList();
            int held = 0;
            for (int i = 0; i < attempts.size(); i++) {
                if (attempts.get(i).get().heldBy("token-" + i)) {
                    held++;
                }
            }
            assertThat(held).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_lease_that_ran_out_is_taken_over_and_its_old_holder_can_neither_renew_nor_release_it() throws Exception {
        locks.acquire(W, "token-a", "host-a", 101, Duration.ofMillis(50));
        assertThat(locks.acquire(W, "token-b", "host-b", 202, MINUTE).heldBy("token-b")).isFalse();
        Thread.sleep(120);

        assertThat(locks.renew(W, "token-a", MINUTE)).isFalse();
        WarehouseLock taken = locks.acquire(W, "token-b", "host-b", 202, MINUTE);
        locks.release(W, "token-a");

        assertThat(taken.heldBy("token-b")).isTrue();
        assertThat(taken.host()).isEqualTo("host-b");
        assertThat(locks.renew(W, "token-b", MINUTE)).isTrue();
        assertThat(locks.acquire(W, "token-c", "host-c", 303, MINUTE).heldBy("token-b")).isTrue();
    }

    @Test
    void renewing_extends_the_lease_and_releasing_frees_the_warehouse() throws Exception {
        WarehouseLock first = locks.acquire(W, "token-a", "host-a", 101, Duration.ofMillis(300));
        Thread.sleep(150);
        assertThat(locks.renew(W, "token-a", Duration.ofMillis(300))).isTrue();
        Thread.sleep(200);
        WarehouseLock stillHeld = locks.acquire(W, "token-b", "host-b", 202, MINUTE);
        assertThat(stillHeld.heldBy("token-a")).isTrue();
        assertThat(stillHeld.leaseUntil()).isAfter(first.leaseUntil());

        locks.release(W, "token-a");

        assertThat(locks.acquire(W, "token-b", "host-b", 202, MINUTE).heldBy("token-b")).isTrue();
    }

    @Test
    void a_run_is_dead_when_no_live_lease_of_another_holder_covers_its_warehouse() throws Exception {
        RunId live = runs.start("olist-elt", T0, Map.of("warehouse", W));
        RunId expired = runs.start("olist-elt", T0, Map.of("warehouse", OTHER));
        RunId unlocked = runs.start("olist-elt", T0, Map.of("warehouse", "/nowhere/else.duckdb"));
        RunId finished = runs.start("olist-elt", T0, Map.of("warehouse", "/nowhere/else.duckdb"));
        runs.finish(finished, RunStatus.SUCCESS, T0.plusSeconds(1), 0, null);
        TaskId first = runs.startTask(unlocked, "extract:source directory", "extract", T0);
        runs.finishTask(first, TaskStatus.SUCCESS, T0.plusSeconds(1), 0, null);
        runs.startTask(unlocked, "load:olist_orders_dataset.csv", "load", T0.plusSeconds(1));
        locks.acquire(W, "token-a", "host-a", 101, MINUTE);
        locks.attach(W, "token-a", live);
        locks.acquire(OTHER, "token-b", "host-b", 202, Duration.ofMillis(20));
        Thread.sleep(60);

        assertThat(locks.deadRuns(null, false)).extracting(DeadRun::run, DeadRun::warehouse, DeadRun::lastStep)
                .containsExactly(
                        tuple(expired, Optional.of(OTHER), Optional.empty()),
                        tuple(unlocked, Optional.of("/nowhere/else.duckdb"),
                                Optional.of("load:olist_orders_dataset.csv")));
        assertThat(locks.deadRuns("token-a", false)).extracting(DeadRun::run).containsExactly(live, expired, unlocked);
        assertThat(locks.deadRuns(null, true)).extracting(DeadRun::run).containsExactly(live, expired, unlocked);
    }

    @Test
    void a_dead_run_settled_as_abandoned_fails_its_unfinished_tasks_and_counts_the_rows_its_loads_read() {
        RunId dead = runs.start("olist-elt", T0, Map.of("warehouse", W));
        TaskId done = runs.startTask(dead, "load:olist_orders_dataset.csv", "load", T0);
        runs.recordLoad(dead, new DataLoad("olist_orders_dataset.csv", "/src/o.csv", 10, "a".repeat(64), 7, 6, 1));
        runs.recordLoad(dead, new DataLoad("olist_customers_dataset.csv", "/src/c.csv", 10, "b".repeat(64), 5, 5, 0));
        runs.finishTask(done, TaskStatus.SUCCESS, T0.plusSeconds(1), 7, null);
        TaskId hanging = runs.startTask(dead, "transform:core.fact_orders", "transform", T0.plusSeconds(2));

        boolean settled = locks.settle(dead, RunStatus.ABANDONED, T0.plusSeconds(90), "abandoned; last step: x");

        assertThat(settled).isTrue();
        PipelineRun run = runs.find(dead).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(run.errorMessage()).contains("abandoned; last step: x");
        assertThat(run.completedAt()).contains(T0.plusSeconds(90));
        assertThat(run.rowsProcessed()).isEqualTo(12);
        assertThat(runs.tasks(dead)).extracting(TaskExecution::id, TaskExecution::status, TaskExecution::errorMessage)
                .containsExactly(tuple(done, TaskStatus.SUCCESS, Optional.empty()),
                        tuple(hanging, TaskStatus.FAILED, Optional.of("abandoned; last step: x")));
        assertThat(locks.settle(dead, RunStatus.SUCCESS, T0.plusSeconds(91), null)).isFalse();
        assertThat(runs.find(dead).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
    }

    @Test
    void a_dead_run_whose_build_was_published_is_settled_as_a_success_with_its_publish_task() {
        RunId dead = runs.start("olist-elt", T0, Map.of("warehouse", W));
        TaskId publish = runs.startTask(dead, "publish:" + W, "publish", T0.plusSeconds(5));

        assertThat(locks.settle(dead, RunStatus.SUCCESS, T0.plusSeconds(30), null)).isTrue();

        PipelineRun run = runs.find(dead).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.errorMessage()).isEmpty();
        assertThat(runs.tasks(dead)).extracting(TaskExecution::id, TaskExecution::status)
                .containsExactly(tuple(publish, TaskStatus.SUCCESS));
        assertThat(locks.deadRuns(null, true)).isEmpty();
    }

    @Test
    void dropping_every_lock_frees_every_warehouse() {
        locks.acquire(W, "token-a", "host-a", 101, MINUTE);
        locks.acquire(OTHER, "token-a", "host-a", 101, MINUTE);

        locks.releaseAll();

        assertThat(locks.acquire(W, "token-b", "host-b", 202, MINUTE).heldBy("token-b")).isTrue();
        assertThat(locks.acquire(OTHER, "token-b", "host-b", 202, MINUTE).heldBy("token-b")).isTrue();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
