package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.WarehouseLocks;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;

/** A run's lease on its warehouse against a real PostgreSQL and real DuckDB builds. */
class WarehouseLeaseTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path directory;

    private Path published() throws Exception {
        return Wiring.canonical(directory.resolve("warehouse.duckdb"));
    }

    private WarehouseLocks locks() {
        return TestStores.ops().warehouseLocks();
    }

    @Test
    void the_heartbeat_keeps_the_lease_while_the_run_works_and_closing_releases_it() throws Exception {
        String key = published().toString();
        try (WarehouseLease lease = WarehouseLease.acquire(locks(), key, Duration.ofSeconds(1))) {
            Thread.sleep(2_500);

            assertThat(locks().acquire(key, "other", "elsewhere", 1, MINUTE).heldBy("other")).isFalse();
            assertThatThrownBy(() -> WarehouseLease.acquire(locks(), key, MINUTE))
                    .isInstanceOf(EnvironmentProblem.class)
                    .hasMessageMatching("the warehouse " + java.util.regex.Pattern.quote(key) + " is locked by a run"
                            + " starting on host \\S+ \\(pid " + ProcessHandle.current().pid() + "\\) since \\S+,"
                            + " lease until \\S+; not started");
            lease.requireHeld();
        }
        assertThat(locks().acquire(key, "other", "elsewhere", 1, MINUTE).heldBy("other")).isTrue();
        locks().release(key, "other");
    }

    @Test
    void a_build_whose_run_lost_its_lease_is_not_published() throws Exception {
        Path published = published();
        String key = published.toString();
        try (WarehouseLease lease = WarehouseLease.acquire(locks(), key, MINUTE)) {
            Warehouse guarded = lease.guard(DuckDbWarehouse.open(published,
                    DuckDbSettings.defaults(directory.resolve("tmp"))));
            try (WarehouseBuild build = guarded.newBuild(new RunId(900_001), Instant.now())) {
                expireLease(key);
                assertThat(locks().acquire(key, "other", "elsewhere", 1, MINUTE).heldBy("other")).isTrue();

                assertThatThrownBy(build::publish)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("lost the lock on " + key + ": another run took it over, or its lease ran out");
            }
        }
        assertThat(published).doesNotExist();
        assertThat(locks().acquire(key, "third", "elsewhere", 1, MINUTE).heldBy("other")).as("released only its own")
                .isTrue();
        locks().release(key, "other");
    }

    @Test
    void the_embedded_store_settles_runs_left_running_by_what_is_published_and_drops_dead_locks() throws Exception {
        Path work = directory.resolve("work");
        Files.createDirectories(work);
        Path published = Wiring.canonical(work.resolve("warehouse.duckdb"));
        Instant t0 = Instant.now().minusSeconds(60);
        RunId publishedRun;
        RunId cutShort;
        try (LocalPostgres pg = LocalPostgres.start(work.resolve("postgres"));
             PostgresOps ops = PostgresOps.connect(pg.jdbcUrl(), pg.user(), pg.password())) {
            PipelineRuns runs = ops.pipelineRuns();
            publishedRun = runs.start("olist-elt", t0, Map.of("warehouse", published.toString()));
            runs.startTask(publishedRun, "publish:" + published, "publish", t0.plusSeconds(1));
            try (WarehouseBuild build = DuckDbWarehouse.open(published, DuckDbSettings.defaults(work.resolve("tmp")))
                    .newBuild(publishedRun, t0)) {
                build.publish();
            }
            cutShort = runs.start("olist-elt", t0.plusSeconds(2), Map.of("warehouse", published.toString()));
            runs.startTask(cutShort, "load:olist_orders_dataset.csv", "load", t0.plusSeconds(3));
            ops.warehouseLocks().acquire(published.toString(), "gone", "host", 1, Duration.ofMinutes(10));
        }

        Cli listed = Cli.run("runs", "--json", "--work-dir", work.toString());

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        Map<Long, JsonNode> byRun = new HashMap<>();
        new ObjectMapper().readTree(listed.out()).forEach(run -> byRun.put(run.get("runId").asLong(), run));
        assertThat(byRun.get(publishedRun.value()).get("status").asText()).isEqualTo("success");
        assertThat(byRun.get(publishedRun.value()).get("error").isNull()).isTrue();
        assertThat(byRun.get(cutShort.value()).get("status").asText()).isEqualTo("cancelled");
        assertThat(byRun.get(cutShort.value()).get("error").asText()).isEqualTo(
                "interrupted: the process ended before the run finished; last step: load:olist_orders_dataset.csv");
        try (LocalPostgres pg = LocalPostgres.start(work.resolve("postgres"));
             PostgresOps ops = PostgresOps.connect(pg.jdbcUrl(), pg.user(), pg.password())) {
            assertThat(ops.warehouseLocks().acquire(published.toString(), "next", "host", 2, MINUTE).heldBy("next"))
                    .isTrue();
        }
    }

    private static void expireLease(String warehouse) throws Exception {
        LocalPostgres pg = TestStores.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             PreparedStatement s = c.prepareStatement("update etl_orchestration.warehouse_locks"
                     + " set lease_until = clock_timestamp() - interval '1 second',"
                     + " acquired_at = clock_timestamp() - interval '2 seconds' where warehouse = ?")) {
            s.setString(1, warehouse);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
