package org.olistdw.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;

/** The {@code olist} command of {@code bin/olist}: the runner's commands with generate and bench. */
class DistributionTest {

    @TempDir
    Path work;

    @Test
    void the_help_lists_every_command() {
        Cli help = Cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsSubsequence("Commands:", "  run ", "  runs ", "  quality ", "  generate ",
                "  evolve ", "  bench ", "  help ");
    }

    @Test
    void generate_and_bench_explain_themselves() {
        Cli generate = Cli.run("generate", "--help");
        Cli bench = Cli.run("bench", "--help");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.out()).contains("--scale", "--seed", "--out");
        assertThat(bench.exitCode()).isZero();
        assertThat(bench.out()).contains("--scales", "--runs", "--out", "--docs");
    }

    @Test
    void generate_writes_the_nine_files_and_says_how_much() {
        Path out = work.resolve("sample");

        Cli generated = Cli.run("generate", "--scale", "0.001", "--seed", "3", "--out", out.toString());

        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(Arrays.stream(SourceTable.values())).allMatch(table -> Files.isRegularFile(out.resolve(table.fileName())));
        assertThat(generated.out()).startsWith("wrote ").contains("rows in 9 files");
        assertThat(generated.err()).contains("generating scale 0.001 (seed 3)", "olist_orders_dataset.csv");
    }

    @Test
    void evolve_writes_the_next_state_of_a_generated_sample_and_says_what_changed() {
        Path sample = work.resolve("sample");
        Path next = work.resolve("next");
        Cli.run("generate", "--scale", "0.001", "--seed", "3", "--out", sample.toString());

        Cli evolved = Cli.run("evolve", "--from", sample.toString(), "--out", next.toString(), "--new-orders", "10",
                "--changed-orders", "6");
        Cli same = Cli.run("evolve", "--from", sample.toString(), "--out", sample.toString());

        assertThat(evolved.exitCode()).as(evolved.toString()).isZero();
        assertThat(evolved.out()).startsWith("wrote ").contains(" 10 new orders", " reviews added");
        assertThat(Arrays.stream(SourceTable.values())).allMatch(table -> Files.isRegularFile(next.resolve(table.fileName())));
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("--out must be another directory than --from");
    }

    @Test
    void generate_refuses_a_scale_out_of_range_with_the_usage_exit_code() {
        Cli refused = Cli.run("generate", "--scale", "0", "--out", work.resolve("none").toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--scale must be greater than 0 and at most 1000, was 0.0");
        assertThat(work.resolve("none")).doesNotExist();
    }
}
