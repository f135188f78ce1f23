package org.olistdw.runner;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code olist} command; its subcommands do the work. */
@Command(name = "olist",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds the Olist analytical warehouse (DuckDB) and records every run in the operational store (PostgreSQL).",
            ""},
        subcommands = {GenerateCommand.class, RunCommand.class, RunsCommand.class, QualityCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the run failed (recorded as failed; the previous warehouse stays published)",
            "  2  wrong command line",
            "  3  environment problem (PostgreSQL unreachable, directory not writable, ...)",
            "",
            "Environment: OLIST_WORK_DIR, OLIST_OPS_URL, OLIST_OPS_USER, OLIST_OPS_PASSWORD, OLIST_JAVA_OPTS (bin/olist)."})
final class OlistCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OlistCommand());
        cl.setExitCodeExceptionMapper(e -> {
            if (e instanceof CommandLine.ParameterException) {
                return ExitCodes.USAGE; // also when a command finds its arguments wrong while running
            }
            return e instanceof EnvironmentProblem ? ExitCodes.ENVIRONMENT : ExitCodes.RUN_FAILED;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("olist: " + Console.oneLine(e));
            org.slf4j.LoggerFactory.getLogger(OlistCommand.class).error("command failed", e);
            err.flush();
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cl;
    }
}
