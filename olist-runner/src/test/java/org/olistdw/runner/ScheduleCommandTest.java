package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.ScheduledAttempt;

/**
 * {@code olist schedule} end to end, on a real DuckDB and the test PostgreSQL: retries, the failure and recovery
 * alerts fed to a shell command, the attempts recorded, and SIGTERM sent to a scheduler in a process of its own.
 */
class ScheduleCommandTest {

    private static final String SELLERS = "olist_sellers_dataset.csv";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    static Path work;

    private static Path sample;

    @BeforeAll
    static void generate() {
        sample = Samples.generate(0.005, 29, work.resolve("sample"));
    }

    @Test
    void a_slot_that_fails_after_its_retries_alerts_failure_and_the_next_successful_slot_alerts_recovery()
            throws IOException {
        Path source = TestStores.copyOfSample(sample, work, "source-missing-sellers");
        Files.delete(source.resolve(SELLERS));
        Path dir = Files.createDirectories(work.resolve("alerting"));
        Path alerts = dir.resolve("alerts.jsonl");
        Path warehouse = dir.resolve("warehouse.duckdb");
        // The hook records what it is fed and, as an operator would, puts the missing file back.
        String hook = "cat >> '" + alerts + "'; echo alert handled; cp '" + sample.resolve(SELLERS) + "' '"
                + source + "/'";

        Cli cli = Cli.run(args(dir, "schedule", "--every", "1s", "--run-now", "--max-runs", "2", "--retries", "1",
                "--backoff", "100ms", "--alert-command", hook, "--source", source.toString(),
                "--warehouse", warehouse.toString()));

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        List<JsonNode> fed = jsonLines(alerts);
        assertThat(fed).as(cli.toString()).hasSize(2);
        JsonNode failure = fed.get(0);
        assertThat(failure.get("event").asText()).isEqualTo("failure");
        assertThat(failure.get("status").asText()).isEqualTo("failed");
        assertThat(failure.get("attempt").asInt()).isEqualTo(2);
        assertThat(failure.get("attempts").asInt()).isEqualTo(2);
        assertThat(failure.get("exit_code").asInt()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(failure.get("message").asText()).contains("missing source file " + SELLERS);
        assertThat(failure.get("warehouse").asText()).isEqualTo(warehouse.toString());
        JsonNode recovery = fed.get(1);
        assertThat(recovery.get("event").asText()).isEqualTo("recovery");
        assertThat(recovery.get("status").asText()).isEqualTo("success");
        assertThat(recovery.get("exit_code").asInt()).isZero();
        assertThat(recovery.get("attempt").asInt()).isEqualTo(1);
        assertThat(recovery.get("slot").asText()).isNotEqualTo(failure.get("slot").asText());
        assertThat(Files.readAllLines(dir.resolve("logs").resolve("alerts.log"))).containsExactly("alert handled",
                "alert handled");

        List<ScheduledAttempt> recorded = TestStores.ops().scheduledAttempts().recent(50).stream()
                .filter(attempt -> attempt.warehouse().equals(warehouse.toString())).toList();
        assertThat(recorded).extracting(ScheduledAttempt::succeeded).containsExactly(true, false, false);
        assertThat(recorded).extracting(ScheduledAttempt::attempt).containsExactly(1, 2, 1);
        assertThat(recorded.get(2).slot()).isEqualTo(recorded.get(1).slot());
        assertThat(recorded.get(0).run()).isPresent();
        assertThat(cli.err()).contains("schedule: attempt 1 failed", "schedule: attempt 2 failed",
                "alert: failure", "alert: recovery", "retry at");
        assertThat(warehouse).exists();
    }

    @Test
    void a_run_that_succeeds_raises_no_alert_and_max_runs_ends_with_its_exit_code() throws IOException {
        Path dir = Files.createDirectories(work.resolve("quiet"));
        Path alerts = dir.resolve("alerts.jsonl");

        Cli cli = Cli.run(args(dir, "schedule", "--cron", "0 2 * * *", "--time-zone", "America/Sao_Paulo",
                "--run-now", "--max-runs", "1", "--alert-command", "cat >> '" + alerts + "'",
                "--source", sample.toString(), "--warehouse", dir.resolve("warehouse.duckdb").toString()));

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(alerts).doesNotExist();
        assertThat(cli.err()).contains("schedule: cron 0 2 * * * (America/Sao_Paulo)", "schedule: attempt 1 succeeded");
    }

    @Test
    void options_that_make_no_schedule_are_refused_with_a_reason() {
        Path dir = work.resolve("refused");
        Cli both = Cli.run(args(dir, "schedule", "--cron", "0 2 * * *", "--every", "1h", "--source",
                sample.toString()));
        Cli badCron = Cli.run(args(dir, "schedule", "--cron", "0 25 * * *", "--source", sample.toString()));
        Cli badEvery = Cli.run(args(dir, "schedule", "--every", "soon", "--source", sample.toString()));
        Cli badZone = Cli.run(args(dir, "schedule", "--cron", "@daily", "--time-zone", "Mars/Olympus",
                "--source", sample.toString()));

        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(badCron.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCron.err()).contains("--cron", "hour");
        assertThat(badEvery.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badEvery.err()).contains("--every: 'soon' is not a duration");
        assertThat(badZone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badZone.err()).contains("unknown time zone 'Mars/Olympus'");
    }

    @Test
    void sigterm_stops_a_scheduler_after_its_run_in_progress_and_it_exits_zero() throws Exception {
        Path dir = Files.createDirectories(work.resolve("stopped"));
        Path warehouse = dir.resolve("warehouse.duckdb");
        Path err = dir.resolve("schedule.err");
        Process child = olist(dir, err, "schedule", "--every", "1h", "--run-now", "--source", sample.toString(),
                "--warehouse", warehouse.toString());
        try {
            awaitText(child, err, "schedule: run due at");

            child.destroy(); // SIGTERM

            assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("ended within " + PATIENCE)
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        String printed = Files.readString(err);
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).contains("SIGTERM received", "schedule: stopped");
        List<ScheduledAttempt> recorded = TestStores.ops().scheduledAttempts().recent(50).stream()
                .filter(attempt -> attempt.warehouse().equals(warehouse.toString())).toList();
        assertThat(recorded).as(printed).hasSize(1);
        assertThat(recorded.get(0).succeeded()).as(printed).isTrue();
        assertThat(warehouse).exists();
    }

    @Test
    void sigterm_ends_a_waiting_scheduler_at_once() throws Exception {
        Path dir = Files.createDirectories(work.resolve("waiting"));
        Path err = dir.resolve("schedule.err");
        Process child = olist(dir, err, "schedule", "--cron", "0 2 1 1 *", "--source", sample.toString(),
                "--warehouse", dir.resolve("warehouse.duckdb").toString());
        try {
            awaitText(child, err, "schedule: next run due at");

            child.destroy();

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        String printed = Files.readString(err);
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).contains("schedule: stopped").doesNotContain("attempt 1");
        assertThat(dir.resolve("warehouse.duckdb")).doesNotExist();
    }

    private static String[] args(Path dir, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of("--work-dir", dir.toString()));
        all.addAll(List.of(TestStores.opsArgs()));
        return all.toArray(String[]::new);
    }

    private static Process olist(Path dir, Path err, String... command) throws IOException {
        return OlistProcess.builder(dir.resolve("logs"), List.of(args(dir, command)))
                .redirectOutput(dir.resolve("schedule.out").toFile()).redirectError(err.toFile()).start();
    }

    private static void awaitText(Process child, Path file, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            assertThat(child.isAlive()).as("still running; printed: %s", Files.exists(file)
                    ? Files.readString(file) : "").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("'" + text + "' not printed within " + PATIENCE);
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(json.readTree(line));
            }
        }
        return nodes;
    }
}
