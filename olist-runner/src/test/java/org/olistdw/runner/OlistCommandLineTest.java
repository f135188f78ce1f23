package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;
import org.olistdw.pipeline.StepResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What a distribution can add to the runner's command line: subcommands, and extensions of {@code olist run}. */
class OlistCommandLineTest {

    @TempDir
    Path work;

    /** A subcommand of a distribution: greets, or fails the way it is told to. */
    @Command(name = "greet", mixinStandardHelpOptions = true, description = "Says hello.")
    static final class Greet implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--fail", description = "environment or run")
        private String fail;

        @Override
        public Integer call() {
            if ("environment".equals(fail)) {
                throw new EnvironmentProblem("no greeting here");
            }
            if ("run".equals(fail)) {
                throw new IllegalStateException("greeting broke");
            }
            spec.commandLine().getOut().println("hello");
            return ExitCodes.OK;
        }
    }

    /** An extension of {@code olist run} with a hidden option of its own; writes down what it is told. */
    static final class Recording implements RunExtension {

        @Option(names = "--tag", hidden = true)
        private String tag;

        final List<String> calls = new ArrayList<>();

        @Override
        public RunListener beginRun() {
            calls.add("begin " + tag);
            return new RunListener() {
                @Override
                public void runStarted(RunId run, int steps) {
                    calls.add("runStarted");
                }

                @Override
                public void stepFinished(StepResult result) {
                    calls.add("stepFinished " + result.kind().code() + " " + result.name());
                }
            };
        }

        @Override
        public void endRun(RunReport report, Path warehouse) {
            calls.add("end " + (report.succeeded() ? "succeeded" : "failed") + " " + warehouse.getFileName());
        }
    }

    private static Cli execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void the_help_lists_the_runners_commands_then_the_added_ones_then_help() {
        Cli help = execute(OlistCommandLine.builder().subcommand(new Greet()).build(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsSubsequence("Commands:", "  run ", "  runs ", "  quality ", "  greet ", "  help ");
        assertThat(help.out()).contains("Exit codes:");
    }

    @Test
    void the_runner_alone_offers_its_commands_and_help() {
        CommandLine olist = OlistCommandLine.builder().build();

        assertThat(olist.getSubcommands().keySet()).containsExactly("run", "schedule", "runs", "versions", "rollback",
                "quality", "users", "audit", "serve", "help");
    }

    @Test
    void an_added_command_runs_with_the_runners_exit_codes_and_one_line_errors() {
        CommandLine olist = OlistCommandLine.builder().subcommand(new Greet()).build();

        assertThat(execute(olist, "greet").out()).isEqualTo("hello" + System.lineSeparator());
        Cli environment = execute(OlistCommandLine.builder().subcommand(new Greet()).build(), "greet", "--fail",
                "environment");
        assertThat(environment.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(environment.err()).isEqualTo("olist: no greeting here" + System.lineSeparator());
        Cli failed = execute(OlistCommandLine.builder().subcommand(new Greet()).build(), "greet", "--fail", "run");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(failed.err()).isEqualTo("olist: greeting broke" + System.lineSeparator());
        Cli usage = execute(OlistCommandLine.builder().subcommand(new Greet()).build(), "greet", "--loud");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void a_command_line_for_named_arguments_holds_that_command_alone_and_runs_it_as_the_whole_one_does() {
        OlistCommandLine.Builder builder = OlistCommandLine.builder().subcommand(new Greet());

        assertThat(builder.buildFor("greet", "--fail", "run").getSubcommands().keySet()).containsExactly("greet", "help");
        assertThat(builder.buildFor("runs", "--limit", "3").getSubcommands().keySet()).containsExactly("runs", "help");
        assertThat(builder.buildFor("run").getSubcommands().keySet()).containsExactly("run", "help");
        assertThat(execute(builder.buildFor("greet"), "greet").out()).isEqualTo("hello" + System.lineSeparator());
        Cli failed = execute(builder.buildFor("greet", "--fail", "run"), "greet", "--fail", "run");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(failed.err()).isEqualTo("olist: greeting broke" + System.lineSeparator());
        for (String[] args : List.of(new String[] {"run", "--help"}, new String[] {"quality", "--help"},
                new String[] {"users", "add", "--help"}, new String[] {"greet", "--loud"})) {
            Cli alone = execute(builder.buildFor(args), args);
            Cli whole = execute(builder.build(), args);
            assertThat(alone).as(String.join(" ", args)).isEqualTo(whole);
        }
    }

    @Test
    void a_command_line_for_no_command_name_holds_every_command() {
        OlistCommandLine.Builder builder = OlistCommandLine.builder().subcommand(new Greet());
        List<String> every = List.of("run", "schedule", "runs", "versions", "rollback", "quality", "users", "audit",
                "serve", "greet", "help");

        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "run"},
                new String[] {"rnu"}, new String[] {"--version"})) {
            CommandLine olist = builder.buildFor(args);
            assertThat(olist.getSubcommands().keySet()).as(String.join(" ", args)).containsExactlyElementsOf(every);
        }
        Cli unknown = execute(builder.buildFor("rnu"), "rnu");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("rnu").contains("run");
        assertThat(execute(builder.buildFor("help", "greet"), "help", "greet").out()).contains("Says hello.");
    }

    @Test
    void a_run_extension_takes_its_options_from_run_and_follows_the_run_from_begin_to_end() {
        Recording recording = new Recording();
        CommandLine olist = OlistCommandLine.builder().runExtension(recording).build();
        Path missing = work.resolve("no-such-source");

        Cli run = execute(olist, EndToEndTest.args("run", "--source", missing.toString(), "--warehouse",
                work.resolve("w.duckdb").toString(), "--work-dir", work.toString(), "--tag", "seven"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(run.err()).as("the console's progress still runs").contains("source directory");
        assertThat(recording.calls).first().isEqualTo("begin seven");
        assertThat(recording.calls).contains("runStarted", "stepFinished extract source directory");
        assertThat(recording.calls).last().isEqualTo("end failed w.duckdb");
    }

    @Test
    void a_hidden_option_of_a_run_extension_stays_out_of_the_help() {
        Cli help = execute(OlistCommandLine.builder().runExtension(new Recording()).build(), "run", "--help");

        assertThat(help.out()).contains("--source").doesNotContain("--tag");
    }

    @Test
    void the_log_directory_follows_the_work_dir_argument() {
        assertThat(OlistCommandLine.workDir(new String[] {"run", "--work-dir", "/tmp/w"})).isEqualTo(Path.of("/tmp/w"));
        assertThat(OlistCommandLine.workDir(new String[] {"run", "--work-dir=/tmp/x"})).isEqualTo(Path.of("/tmp/x"));
    }
}
