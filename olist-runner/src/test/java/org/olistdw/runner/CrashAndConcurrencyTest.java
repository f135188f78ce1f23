package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;

/**
 * Runs killed with {@code kill -9} at each stage, and two runs at once on one warehouse, as real processes
 * against one PostgreSQL shared as an external store would be ({@code --ops-url}) and a real DuckDB: the next
 * command records the dead run as it truly ended, and the published warehouse is the previous one byte for byte
 * or the dead run's complete build. The cases run in order on one warehouse, so that each killed run's
 * successor is the next case's run, which takes the lock over and gets past the point where its predecessor
 * died; the run after the last kill runs to the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashAndConcurrencyTest {

    private static final String DATABASE = "crash_test";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Map<Process, Path> ERRORS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path work;

    private static Path sample;
    private static Path warehouse;
    private static String url;
    private static PostgresOps ops;
    private static PipelineRuns runs;

    @BeforeAll
    static void generateAndPublishAFirstWarehouse() throws Exception {
        LocalPostgres pg = TestStores.postgres();
        String server = pg.jdbcUrl().substring(0, pg.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", pg.user(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        url = server + DATABASE;
        ops = PostgresOps.connect(url, pg.user(), pg.password());
        runs = ops.pipelineRuns();
        sample = Samples.generate(0.005, 23, work.resolve("sample"));
        warehouse = work.resolve("warehouse.duckdb");
        Cli first = Cli.run(args("run", "--source", sample.toString(), "--warehouse", warehouse.toString()));
        assertThat(first.exitCode()).as(first.toString()).isZero();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Order(1)
    @Test
    void a_run_killed_while_loading_is_recorded_as_abandoned_with_its_last_step() throws Exception {
        killedAt("load");
    }

    @Order(2)
    @Test
    void a_run_killed_while_transforming_is_recorded_as_abandoned_with_its_last_step() throws Exception {
        killedAt("transform");
    }

    @Order(3)
    @Test
    void a_run_killed_while_checking_is_recorded_as_abandoned_with_its_last_step() throws Exception {
        killedAt("check");
    }

    @Order(4)
    @Test
    void a_run_killed_just_after_its_publish_is_recorded_as_a_success_and_its_warehouse_is_complete()
            throws Exception {
        RunId before = latestRun().id();
        Process child = olist(Map.of(WarehouseLease.PAUSE_VARIABLE, "publish"), "run", "--source", sample.toString(),
                "--warehouse", warehouse.toString(), "--lock-lease", Long.toString(LEASE.toSeconds()), "--full");
        RunId dead = awaitRunAfter(before, child);
        await(child, () -> DuckDbWarehouse.publishedRun(warehouse).filter(dead::equals).isPresent());

        kill(child);
        Cli early = Cli.run(args("runs"));
        Thread.sleep(LEASE.toMillis() + 500);
        Cli next = Cli.run(args("runs"));

        assertThat(early.exitCode()).as(early.toString()).isZero();
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(early.out()).as("a live lease: not yet settled").containsPattern("\\b" + dead + "\\s+running");
        PipelineRun run = runs.find(dead).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.errorMessage()).isEmpty();
        assertThat(run.rowsProcessed()).isPositive();
        assertThat(runs.tasks(dead)).allMatch(task -> task.status() == TaskStatus.SUCCESS)
                .last().extracting(TaskExecution::type).isEqualTo("publish");
        try (Connection reader = TestStores.openWarehouse(warehouse)) {
            assertThat(TestStores.count(reader, "select count(*) from core.fact_orders")).isPositive();
            assertThat(TestStores.count(reader, "select count(*) from mart.mart_monthly_revenue")).isPositive();
            assertThat(TestStores.count(reader, "select max(run_id) from raw.build")).isEqualTo(dead.value());
        }
        nextRunSucceeds();
    }

    @Order(5)
    @Test
    void of_two_runs_at_once_on_one_warehouse_one_publishes_and_the_other_is_refused_naming_the_holder()
            throws Exception {
        int recordedBefore = runs.recent(1000).size();
        String[] run = {"run", "--source", sample.toString(), "--warehouse", warehouse.toString(), "--full"};
        Process a = olist(Map.of(), run);
        Process b = olist(Map.of(), run);
        int exitA = exit(a);
        int exitB = exit(b);

        assertThat(List.of(exitA, exitB)).containsExactlyInAnyOrder(ExitCodes.OK, ExitCodes.ENVIRONMENT);
        Process winner = exitA == ExitCodes.OK ? a : b;
        Process loser = winner == a ? b : a;
        PipelineRun published = latestRun();
        assertThat(published.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(runs.recent(1000)).as("the refused run records no run").hasSize(recordedBefore + 1);
        List<String> refusal = Files.readAllLines(ERRORS.get(loser)).stream().filter(l -> l.startsWith("olist:")).toList();
        assertThat(refusal).hasSize(1);
        assertThat(refusal.get(0)).matches("olist: the warehouse " + java.util.regex.Pattern.quote(
                Wiring.canonical(warehouse).toString()) + " is locked by (run " + published.id() + "|a run starting)"
                + " on host \\S+ \\(pid " + winner.pid() + "\\) since \\S+, lease until \\S+; not started");
        try (Connection reader = TestStores.openWarehouse(warehouse)) {
            assertThat(TestStores.count(reader, "select max(run_id) from raw.build")).isEqualTo(published.id().value());
        }
        assertThat(buildFiles()).isEmpty();
    }

    /** Kills a run once the store shows it started a step of {@code kind}, then checks what the next commands find. */
    private static void killedAt(String kind) throws Exception {
        RunId before = latestRun().id();
        String published = sha256(warehouse);
        Process child = olist(Map.of(), "run", "--source", sample.toString(), "--warehouse", warehouse.toString(),
                "--lock-lease", Long.toString(LEASE.toSeconds()), "--full");
        RunId dead = awaitRunAfter(before, child);
        await(child, () -> runs.tasks(dead).stream().anyMatch(task -> task.type().equals(kind)));

        kill(child);
        Cli early = Cli.run(args("runs"));
        Thread.sleep(LEASE.toMillis() + 500);
        Cli next = Cli.run(args("runs"));

        assertThat(early.out()).as("a live lease: not yet settled").containsPattern("\\b" + dead + "\\s+running");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        PipelineRun run = runs.find(dead).orElseThrow();
        String lastStep = runs.tasks(dead).stream().max(Comparator.comparing(TaskExecution::startedAt)
                .thenComparing(task -> task.id().value())).orElseThrow().name();
        assertThat(run.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(run.errorMessage().orElseThrow()).startsWith("abandoned: ").endsWith("; last step: " + lastStep);
        assertThat(runs.tasks(dead)).noneMatch(task -> task.status() == TaskStatus.RUNNING);
        assertThat(sha256(warehouse)).as("the previous warehouse, byte for byte").isEqualTo(published);
    }

    private static void nextRunSucceeds() throws IOException {
        Cli next = Cli.run(args("run", "--source", sample.toString(), "--warehouse", warehouse.toString()));
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(buildFiles()).as("stale builds cleaned").isEmpty();
    }

    private static String[] args(String... command) {
        LocalPostgres pg = TestStores.postgres();
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of("--work-dir", work.toString(), "--ops-url", url, "--ops-user", pg.user(),
                "--ops-password", pg.password()));
        return all.toArray(String[]::new);
    }

    /** Starts {@code olist} as a process of its own, its output and errors to files beside the warehouse. */
    private static Process olist(Map<String, String> environment, String... command) throws IOException {
        ProcessBuilder builder = OlistProcess.builder(work.resolve("logs"), List.of(args(command)));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(work, "olist-", ".out");
        Path err = Path.of(out + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        ERRORS.put(process, err);
        return process;
    }

    private static int exit(Process process) throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("olist did not end within " + PATIENCE);
        }
        return process.exitValue();
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        assertThat(process.isAlive()).isFalse();
    }

    /** The run the child recorded after {@code before}, once it has. */
    private static RunId awaitRunAfter(RunId before, Process child) throws InterruptedException {
        Optional<RunId>[] found = new Optional[] {Optional.empty()};
        await(child, () -> {
            found[0] = Optional.of(latestRun().id()).filter(id -> id.value() > before.value());
            return found[0].isPresent();
        });
        return found[0].orElseThrow();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Process child, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // not there yet: a file being replaced, a run not yet recorded
            }
            if (!child.isAlive()) {
                throw new AssertionError("olist ended (exit " + child.exitValue() + ") before it got there");
            }
            Thread.sleep(10);
        }
        child.destroyForcibly();
        throw new AssertionError("olist did not get there within " + PATIENCE);
    }

    private static PipelineRun latestRun() {
        return runs.recent(1).get(0);
    }

    private static List<Path> buildFiles() throws IOException {
        try (Stream<Path> files = Files.list(warehouse.getParent())) {
            return files.filter(f -> f.getFileName().toString().contains(".build-")).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
