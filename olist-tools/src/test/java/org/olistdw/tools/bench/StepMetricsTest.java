package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;
import org.olistdw.tools.Cli;
import org.olistdw.tools.TestStores;

/** Per-step process metrics: what the listener measures, and the JSON file of a real run with {@code --metrics}. */
class StepMetricsTest {

    private static final boolean LINUX = Files.isReadable(Path.of("/proc/self/status"));

    @TempDir
    Path work;

    @Test
    void records_each_step_with_its_rows_wall_time_cpu_and_memory() throws Exception {
        StepMetrics metrics = new StepMetrics();

        metrics.runStarted(new RunId(42), 3);
        metrics.stepStarted(StepKind.LOAD, "olist_orders_dataset.csv");
        long spin = 0;
        for (int i = 0; i < 5_000_000; i++) {
            spin += Integer.toString(i).hashCode();
        }
        metrics.stepFinished(new StepResult(StepKind.LOAD, "olist_orders_dataset.csv", TaskStatus.SUCCESS, 99_441,
                Duration.ofMillis(2_540), Optional.empty()));
        metrics.stepStarted(StepKind.TRANSFORM, "core.dim_customer");
        metrics.stepFinished(new StepResult(StepKind.TRANSFORM, "core.dim_customer", TaskStatus.FAILED, 0,
                Duration.ofMillis(15), Optional.of("transform core.dim_customer failed: boom")));
        Path file = work.resolve("out/metrics.json");
        metrics.write(file, 1_234);

        assertThat(spin).isNotZero();
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("run_id").asLong()).isEqualTo(42);
        assertThat(json.get("jvm_uptime_at_start_ms").asLong()).isPositive();
        assertThat(json.get("warehouse_bytes").asLong()).isEqualTo(1_234);
        JsonNode steps = json.get("steps");
        assertThat(steps).hasSize(2);
        JsonNode load = steps.get(0);
        assertThat(load.get("kind").asText()).isEqualTo("load");
        assertThat(load.get("name").asText()).isEqualTo("olist_orders_dataset.csv");
        assertThat(load.get("status").asText()).isEqualTo("success");
        assertThat(load.get("rows").asLong()).isEqualTo(99_441);
        assertThat(load.get("wall_ms").asLong()).isEqualTo(2_540);
        assertThat(load.get("cpu_ms").asLong()).isPositive();
        JsonNode transform = steps.get(1);
        assertThat(transform.get("kind").asText()).isEqualTo("transform");
        assertThat(transform.get("status").asText()).isEqualTo("failed");
        assertThat(transform.get("rows").asLong()).isZero();
        assertThat(transform.get("wall_ms").asLong()).isEqualTo(15);
        assertThat(transform.get("cpu_ms").asLong()).isNotNegative();
        assertThat(json.get("cpu_ms_total").asLong())
                .isEqualTo(load.get("cpu_ms").asLong() + transform.get("cpu_ms").asLong());
        if (LINUX) {
            assertThat(load.get("peak_rss_bytes").asLong()).isPositive();
            assertThat(load.get("rss_bytes").asLong()).isPositive().isLessThanOrEqualTo(load.get("peak_rss_bytes").asLong());
            assertThat(json.get("peak_rss_bytes").asLong()).isGreaterThanOrEqualTo(transform.get("peak_rss_bytes").asLong())
                    .isGreaterThanOrEqualTo(load.get("peak_rss_bytes").asLong());
        }
    }

    @Test
    void reads_memory_lines_of_proc_status_in_bytes_and_minus_one_when_missing() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  812340 kB", "VmRSS:\t  800000 kB",
                "Threads:\t42");

        assertThat(StepMetrics.statusBytes(status, "VmHWM")).isEqualTo(812_340L * 1024);
        assertThat(StepMetrics.statusBytes(status, "VmRSS")).isEqualTo(800_000L * 1024);
        assertThat(StepMetrics.statusBytes(status, "VmSwap")).isEqualTo(-1);
        assertThat(StepMetrics.statusBytes(status, "Threads")).isEqualTo(-1);
        assertThat(StepMetrics.statusBytes(List.of(), "VmHWM")).isEqualTo(-1);
    }

    @Test
    void the_warehouse_size_is_zero_when_there_is_no_file() throws Exception {
        assertThat(StepMetrics.sizeOrZero(work.resolve("absent.duckdb"))).isZero();
        assertThat(StepMetrics.sizeOrZero(Files.writeString(work.resolve("w.duckdb"), "12345"))).isEqualTo(5);
    }

    @Test
    void a_run_with_metrics_writes_every_step_of_the_run_with_the_published_warehouse_size() throws Exception {
        Path sample = work.resolve("sample");
        Path warehouse = work.resolve("warehouse.duckdb");
        Path metricsFile = work.resolve("metrics.json");
        Cli generated = Cli.run("generate", "--scale", "0.01", "--seed", "7", "--out", sample.toString());
        assertThat(generated.exitCode()).as(generated.toString()).isZero();

        Cli run = Cli.runOnTestStore("run", "--source", sample.toString(), "--warehouse", warehouse.toString(),
                "--work-dir", work.toString(), "--metrics", metricsFile.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as("progress still reaches the console").contains("olist_orders_dataset.csv", "publish");
        JsonNode json = new ObjectMapper().readTree(metricsFile.toFile());
        RunId runId = new RunId(json.get("run_id").asLong());
        List<TaskExecution> tasks = TestStores.ops().pipelineRuns().tasks(runId);
        List<String> stepNames = new ArrayList<>();
        json.get("steps").forEach(step -> stepNames.add(step.get("kind").asText() + ":" + step.get("name").asText()));
        assertThat(tasks).isNotEmpty();
        assertThat(stepNames).containsExactlyElementsOf(tasks.stream().map(TaskExecution::name).toList());
        json.get("steps").forEach(step -> {
            TaskExecution task = tasks.stream()
                    .filter(t -> t.name().equals(step.get("kind").asText() + ":" + step.get("name").asText()))
                    .findFirst().orElseThrow();
            assertThat(step.get("rows").asLong()).as(task.name()).isEqualTo(task.rowsAffected());
            assertThat(step.get("status").asText()).isEqualTo("success");
            assertThat(step.get("wall_ms").asLong()).isNotNegative();
            assertThat(step.get("cpu_ms").asLong()).isNotNegative();
        });
        assertThat(json.get("warehouse_bytes").asLong()).isEqualTo(Files.size(warehouse)).isPositive();
        assertThat(json.get("jvm_uptime_at_start_ms").asLong()).isPositive();
        assertThat(json.get("cpu_ms_total").asLong()).isPositive();
        if (LINUX) {
            assertThat(json.get("peak_rss_bytes").asLong()).isPositive();
        }
    }

    @Test
    void the_metrics_option_is_hidden_from_the_help() {
        Cli help = Cli.run("run", "--help");

        assertThat(help.out()).doesNotContain("--metrics");
    }
}
