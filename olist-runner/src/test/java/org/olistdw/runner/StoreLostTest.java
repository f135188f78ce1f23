package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;
import org.olistdw.pipeline.StepKind;
import picocli.CommandLine;

/**
 * PostgreSQL stopped in the middle of a run: the command ends with exit code 3 and one short line saying the
 * operational store stopped answering, and the published warehouse stays as it was, byte for byte.
 */
class StoreLostTest {

    @TempDir
    Path work;

    @Test
    void postgres_stopped_mid_run_ends_with_exit_3_one_line_and_the_published_warehouse_unchanged()
            throws Exception {
        Path sample = Samples.generate(0.005, 5, work.resolve("sample"));
        Path published = work.resolve("published.duckdb");
        LocalPostgres server = LocalPostgres.start(work.resolve("postgres"));
        try {
            String[] args = {"run", "--source", sample.toString(), "--warehouse", published.toString(),
                    "--work-dir", work.toString(), "--ops-url", server.jdbcUrl(), "--ops-user", server.user(),
                    "--ops-password", server.password()};
            Cli good = Cli.run(args);
            assertThat(good.exitCode()).as(good.toString()).isZero();
            String before = sha256(published);

            // the server stops as the first model starts: the run's next write to the store fails
            String[] full = java.util.Arrays.copyOf(args, args.length + 1);
            full[args.length] = "--full";
            Cli lost = Cli.runWith(new StopAtFirst(StepKind.TRANSFORM, server), full);

            assertThat(lost.exitCode()).as(lost.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            String[] errLines = lost.err().strip().split("\\R");
            String last = errLines[errLines.length - 1];
            assertThat(last).startsWith("olist: the operational store (PostgreSQL) stopped answering: ")
                    .hasSizeLessThan(240);
            assertThat(lost.err()).doesNotContain("at org.", "Exception:");
            assertThat(sha256(published)).isEqualTo(before);
        } finally {
            server.close();
        }
    }

    /** A run extension (with no options of its own) that stops the server when the first step of a kind starts. */
    @CommandLine.Command
    private static final class StopAtFirst implements RunExtension {
        private final StepKind kind;
        private final LocalPostgres server;
        private final AtomicBoolean stopped = new AtomicBoolean();

        StopAtFirst(StepKind kind, LocalPostgres server) {
            this.kind = kind;
            this.server = server;
        }

        @Override
        public RunListener beginRun() {
            return new RunListener() {
                @Override
                public void stepStarted(StepKind started, String name) {
                    if (started == kind && stopped.compareAndSet(false, true)) {
                        server.close();
                    }
                }
            };
        }

        @Override
        public void endRun(RunReport report, Path warehouse) {
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
