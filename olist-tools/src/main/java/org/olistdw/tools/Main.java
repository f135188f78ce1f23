package org.olistdw.tools;

import org.olistdw.runner.OlistCommandLine;
import org.olistdw.tools.bench.BenchCommand;
import org.olistdw.tools.bench.RunMetrics;
import picocli.CommandLine;

/**
 * Entry point of the {@code olist} distribution ({@code bin/olist}): the runner's commands with the tools,
 * {@code generate} and {@code bench}, and the hidden {@code run --metrics} the bench measures its runs with.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(OlistCommandLine.execute(args, Main::commandLine));
    }

    /**
     * A new {@code olist} command line of the distribution for {@code args}: the command they name alone when they
     * name one, else every command ({@link OlistCommandLine.Builder#buildFor}).
     */
    public static CommandLine commandLine(String... args) {
        return OlistCommandLine.builder()
                .subcommand(new GenerateCommand())
                .subcommand(new EvolveCommand())
                .subcommand(new BenchCommand(Main.class.getName()))
                .runExtension(new RunMetrics())
                .buildFor(args);
    }
}
