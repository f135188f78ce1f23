package org.olistdw.runner;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code olist} command; its subcommands, added by {@link OlistCommandLine}, do the work. */
@Command(name = "olist",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds the Olist analytical warehouse (DuckDB) and records every run in the operational store (PostgreSQL).",
            ""},
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
}
