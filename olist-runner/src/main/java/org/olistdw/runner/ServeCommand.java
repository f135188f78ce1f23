package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
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
            "restart. Runs until stopped (Ctrl-C). Needs no PostgreSQL."})
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

    @Mixin
    private WorkDirOption work;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        Path published = warehouseFile != null ? warehouseFile : work.workDir.resolve("warehouse.duckdb");
        DashboardServer server = Wiring.dashboards(published, bind, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "olist-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving the dashboards of " + server.warehouse() + " at " + server.address(bind)
                + " (Ctrl-C stops)");
        out.flush();
        server.awaitStop();
        return ExitCodes.OK;
    }
}
