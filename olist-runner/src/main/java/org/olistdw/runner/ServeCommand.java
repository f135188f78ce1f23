package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.olistdw.serving.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist serve}: the dashboards over the published warehouse, until the process is stopped. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the six dashboards (executive, customers, products, sellers, delivery, geography) over the",
            "published warehouse, opened read-only; a newly published version or a rollback is served without a",
            "restart. Every page requires a log-in as a user of `olist users` (the first: `olist users add NAME",
            "--admin`); analysts and admins also get a read-only SQL page. Customer ids, zip code prefixes and",
            "cities are shown as pseudonyms (key: <work-dir>/pseudonymisation.key, created on first use). Log-ins,",
            "views and SQL go to the audit trail. Runs until stopped (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "The published DuckDB warehouse file (default: <work-dir>/warehouse.duckdb).")
    private Path warehouseFile;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--idle-timeout", paramLabel = "MINUTES", defaultValue = "30",
            description = "A session unused this many minutes ends (default: ${DEFAULT-VALUE}).")
    private int idleMinutes;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        if (idleMinutes < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--idle-timeout must be 1 minute or more, was " + idleMinutes);
        }
        Path published = warehouseFile != null ? warehouseFile : work.workDir.resolve("warehouse.duckdb");
        // the quality rules page lists the shipped rules before the first run
        Wiring wiring = Wiring.connectWithShippedRules(work.workDir, ops);
        DashboardServer server;
        try {
            server = wiring.dashboards(published, bind, port, Duration.ofMinutes(idleMinutes),
                    work.workDir.resolve("pseudonymisation.key"));
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                wiring.close();
            }
        }, "olist-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving the dashboards of " + server.warehouse() + " at " + server.address(bind)
                + " (Ctrl-C stops)");
        out.flush();
        server.awaitStop();
        return ExitCodes.OK;
    }
}
