package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.tools.Cli;
import org.olistdw.tools.bench.BenchFigures.Bare;
import org.olistdw.tools.bench.BenchFigures.Machine;
import org.olistdw.tools.bench.BenchFigures.Query;
import org.olistdw.tools.bench.BenchFigures.Run;
import org.olistdw.tools.bench.BenchFigures.Scale;
import org.olistdw.tools.bench.BenchFigures.Step;
import org.olistdw.tools.bench.BenchFigures.Timing;

/**
 * {@code olist bench} end to end on a tiny scale (every figure present, the JSON and the page's section
 * written, the sample reused the second time), and the arithmetic of its report on figures made by hand.
 */
class BenchCommandTest {

    @TempDir
    static Path work;

    private static Path out;
    private static Path page;
    private static Cli first;
    private static JsonNode firstJson;

    @BeforeAll
    static void benchATinyScale() throws Exception {
        out = work.resolve("bench");
        page = work.resolve("performance.md");
        Files.writeString(page, "# Performance\n\nWritten by hand, kept.\n");
        first = bench();
        firstJson = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
    }

    private static Cli bench(String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "--scales", "0.01", "--runs", "2", "--out",
                out.toString(), "--docs", page.toString(), "--memory-limit", "1GB"));
        args.addAll(List.of(more));
        return Cli.runOnTestStore(args.toArray(String[]::new));
    }

    @Test
    void run_processes_get_the_compiler_options_of_the_bench_process_and_no_other() {
        assertThat(BenchCommand.compilerOptions(List.of("-Xlog:cds=off", "-XX:SharedArchiveFile=/x/olist.jar.jsa",
                "-XX:TieredStopAtLevel=1", "-Xmx2g", "-Dolist.log.dir=/tmp/logs", "-XX:TieredStopAtLevel=4")))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4");
        assertThat(BenchCommand.compilerOptions(List.of("-XX:-TieredCompilation", "-XX:+UseSerialGC")))
                .containsExactly("-XX:-TieredCompilation");
        assertThat(BenchCommand.compilerOptions(List.of("-Xlog:cds=off", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-DisplayVMOutput", "-XX:CompilerDirectivesFile=/x/bin/compiler-directives.json", "-Xmx2g")))
                .containsExactly("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                        "-XX:CompilerDirectivesFile=/x/bin/compiler-directives.json");
        assertThat(BenchCommand.compilerOptions(List.of("-Xmx2g"))).isEmpty();
    }

    @Test
    void run_processes_get_the_garbage_collector_of_the_bench_process_and_no_other_option() {
        assertThat(BenchCommand.collectorOptions(List.of("-Xlog:cds=off", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx2g", "-XX:+UseStringDeduplication"))).containsExactly("-XX:+UseSerialGC");
        assertThat(BenchCommand.collectorOptions(List.of("-XX:-UseG1GC", "-XX:+UseParallelGC")))
                .containsExactly("-XX:-UseG1GC", "-XX:+UseParallelGC");
        assertThat(BenchCommand.collectorOptions(List.of("-Xmx2g", "-XX:TieredStopAtLevel=1"))).isEmpty();
    }

    @Test
    void the_bench_measures_the_run_the_bare_engine_and_every_dashboard_query_on_both_engines() {
        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode scale = firstJson.path("scales").get(0);
        assertThat(scale.path("scale").asDouble()).isEqualTo(0.01);
        JsonNode run = scale.path("run");
        assertThat(run.path("processWallMs").asLong()).isPositive();
        assertThat(run.path("peakRssBytes").asLong()).isPositive();
        assertThat(run.path("warehouseBytes").asLong())
                .isEqualTo(out.resolve("scale-0.01").resolve("warehouse.duckdb").toFile().length());
        List<String> kinds = new ArrayList<>();
        run.path("steps").forEach(step -> kinds.add(step.path("kind").asText()));
        assertThat(kinds).contains("extract", "load", "transform", "validate", "check", "publish");
        assertThat(run.path("sourceRows").asLong()).isPositive();
        assertThat(scale.path("bare").path("totalMs").asLong()).isPositive();
        JsonNode queries = scale.path("queries");
        assertThat(queries.size()).isGreaterThanOrEqualTo(8);
        queries.forEach(query -> {
            assertThat(query.path("rows").asLong()).as(query.path("name").asText()).isPositive();
            assertThat(query.path("duckdbWarm").path("p50").asDouble()).isPositive();
            assertThat(query.path("postgresWarm").path("p50").asDouble()).isPositive();
        });
        JsonNode machine = firstJson.path("machine");
        assertThat(machine.path("cores").asInt()).isPositive();
        assertThat(machine.path("duckdbVersion").asText()).startsWith("v");
        assertThat(machine.path("postgresVersion").asText()).isNotBlank();
        assertThat(first.out()).contains("scale", "PG/Duck", "figures: ");
    }

    @Test
    void every_pipeline_run_is_a_process_with_its_own_postgresql_whose_tree_memory_and_startup_are_measured() {
        JsonNode scale = firstJson.path("scales").get(0);
        assertThat(scale.path("runWallMs")).hasSize(3);
        assertThat(scale.path("bareTotalMs")).hasSize(3);
        JsonNode run = scale.path("run");
        assertThat(run.path("treePeakBytes").asLong()).isGreaterThan(run.path("peakRssBytes").asLong() / 2);
        JsonNode startup = run.path("startup");
        assertThat(startup.path("toMainMs").asLong()).isPositive();
        assertThat(startup.path("postgresStartMs").asLong()).isPositive();
        assertThat(startup.path("pipelineMs").asLong()).isPositive();
        assertThat(out.resolve("scale-0.01").resolve("postgres")).isDirectory();
    }

    @Test
    void the_benchmark_section_with_the_targets_is_written_to_the_markdown_file() throws Exception {
        Path section = out.resolve("performance-section.md");

        assertThat(first.out()).contains("benchmark section: " + section.toAbsolutePath());
        assertThat(Files.readString(section))
                .contains("| target | measured | met |")
                .contains("| scale 1: full run at most 8 s, JVM start included | not measured | not measured |")
                .contains("| scale 0.01: our run at most 1.5x the bare engine | ")
                .contains("| scale | runs | to main | PostgreSQL start |");
    }

    @Test
    void the_page_keeps_what_is_written_by_hand_and_a_second_bench_replaces_its_section_and_reuses_the_sample()
            throws Exception {
        Cli second = bench("--no-incremental");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        String text = Files.readString(page);
        assertThat(text).startsWith("# Performance\n\nWritten by hand, kept.\n");
        assertThat(text.split(java.util.regex.Pattern.quote(BenchCommand.DOCS_BEGIN), -1)).hasSize(2);
        assertThat(text).contains("## Benchmark: `olist bench`", "| cores |", "### Dashboard queries at scale 0.01");
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(firstJson.path("scales").get(0).path("generateMs").asLong()).isPositive();
        assertThat(json.path("scales").get(0).path("generateMs").asLong()).isEqualTo(-1);
        assertThat(json.path("scales").get(0).path("incremental").isNull()).isTrue();
        assertThat(text).doesNotContain("### Runs over changed sources");
    }

    @Test
    void runs_over_changed_and_unchanged_sources_follow_the_full_runs() throws Exception {
        JsonNode incremental = firstJson.path("scales").get(0).path("incremental");

        assertThat(incremental.path("changedWallMs")).hasSize(3);
        assertThat(incremental.path("unchangedWallMs")).hasSize(3);
        assertThat(incremental.path("changed").path("processWallMs").asLong()).isPositive();
        assertThat(incremental.path("unchanged").path("processWallMs").asLong()).isPositive();
        Path scale = out.resolve("scale-0.01");
        assertThat(scale.resolve("sample-next").resolve("olist_orders_dataset.csv")).isRegularFile();
        assertThat(Files.readString(scale.resolve("changed-2.out"))).contains("succeeded");
        assertThat(Files.readString(scale.resolve("unchanged-1.out"))).contains("no change since run");
        assertThat(Files.readString(out.resolve("performance-section.md")))
                .contains("### Runs over changed sources")
                .contains("| scale 0.01: a run with no change at most 10 % of a full run | ");
    }

    @Test
    void ratios_overheads_and_growth_are_computed_from_the_figures() {
        // queries: PostgreSQL 40 ms vs DuckDB 10 ms (4x) and 9 ms vs 1 ms (9x): geometric mean sqrt(36) = 6
        Query fourTimes = new Query("a", 1, t(20), t(10), t(80), t(40));
        Query nineTimes = new Query("b", 1, t(2), t(1), t(18), t(9));
        Run small = run(10_000, 1_000, 2_000, 3_000);
        // load 2 s + transform 3 s = 5 s against a bare load+transform of 1 + 1.5 s = 2.5 s: 2x; run 10 s / bare 4 s
        Scale one = new Scale(1, -1, small, new Bare(1_000, 1_500, 4_000), 100, List.of(fourTimes, nineTimes));

        assertThat(one.geometricMeanRatio()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(one.overhead()).isEqualTo(2.5);
        assertThat(one.loadTransformOverhead()).isEqualTo(2.0);
        assertThat(one.worstWarmP95()).isEqualTo(10.0);
        // 10 s for 1,000 rows, then 50 s for 10,000 rows: 10 ms then 5 ms per row, growth 0.5
        Scale ten = new Scale(10, -1, run(50_000, 10_000, 20_000, 25_000), new Bare(1, 1, 1), 1, List.of(fourTimes));
        assertThat(BenchReport.growth(one, ten)).isEqualTo(0.5);
        assertThat(BenchReport.markdown(new BenchFigures.Bench(new Machine(2, 1L << 34, "cpu", "Linux", "jdk",
                "v1", "17"), "now", 3, "olist bench --scales 1,10", List.of(one, ten))))
                .contains("| scale 1: full run at most 8 s, JVM start included | 10.00 s (median of 1) | **no** |")
                .contains("| scale 10: full run at most 60 s, JVM start included | 50.00 s (median of 1) | yes |")
                .contains("| scale 100: completes within 16 GiB peak memory (JVM and PostgreSQL) | not measured |"
                        + " not measured |")
                .contains("| scale 1: our run at most 1.5x the bare engine | 10.00 s / 4.00 s = 2.50x | **no** |")
                .contains("| scale 1: every dashboard query p95 at most 50 ms (warm) | slowest p95 10.0 ms | yes |")
                .contains("| cost grows no worse than linearly, scale 1 → 10 | run time per source row x0.50 | yes |")
                .contains("**6.0x**");
    }

    @Test
    void the_shares_of_runs_over_changed_sources_are_taken_of_the_median_full_run() {
        // full run 10 s; no change 0.8 s = 8 % (met, at most 10 %); 1 % + 1 % 3 s = 30 % (not met, at most 20 %)
        BenchFigures.Incremental incremental = new BenchFigures.Incremental(1, 1, run(3_000, 10, 1_000, 500),
                run(800, 0, 0, 0), List.of(3_000L, 3_500L, 2_900L), List.of(800L, 700L, 900L));
        Scale one = new Scale(1, -1, run(10_000, 1_000, 2_000, 3_000), new Bare(1, 1, 1), 1, List.of(),
                List.of(10_000L), List.of(1L), incremental);

        String page = BenchReport.markdown(new BenchFigures.Bench(new Machine(2, 1L << 34, "cpu", "Linux", "jdk",
                "v1", "17"), "now", 3, "olist bench --scales 1", List.of(one)));

        assertThat(page)
                .contains("| scale 1: a run with no change at most 10 % of a full run | 0.80 s / 10.00 s = 8 % | yes |")
                .contains("| scale 1: a run with 1 % new and 1 % changed orders at most 20 % of a full run"
                        + " | 3.00 s / 10.00 s = 30 % | **no** |")
                .contains("| 1 | 10.00 s | 0.80 s (0.80 s, 0.70 s, 0.90 s) | 8 % | 1 % + 1 % | 3.00 s, 3.50 s, 2.90 s"
                        + " | 30 % |");
    }

    @Test
    void the_bench_database_url_keeps_host_port_and_parameters() {
        assertThat(BenchCommand.withDatabase("jdbc:postgresql://127.0.0.1:5432/olist_operational", "olist_bench"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/olist_bench");
        assertThat(BenchCommand.withDatabase("jdbc:postgresql://db:6543/ops?sslmode=require", "olist_bench"))
                .isEqualTo("jdbc:postgresql://db:6543/olist_bench?sslmode=require");
    }

    private static Timing t(double p50) {
        return new Timing(p50, p50, p50);
    }

    private static Run run(long wallMs, long rows, long loadMs, long transformMs) {
        return new Run(wallMs, 500, wallMs, 1 << 20, 1 << 20, rows, List.of(
                new Step("load", "orders", rows, loadMs, loadMs, 1 << 20),
                new Step("transform", "core.fact_orders", rows, transformMs, transformMs, 1 << 20)));
    }
}
