package org.olistdw.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.ops.postgres.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist runs}: recent runs from the operational store. */
@Command(name = "runs",
        mixinStandardHelpOptions = true,
        description = {"Lists recent runs from PostgreSQL with status, mode, duration and row counts.",
            "mode: full, incremental (unchanged files carried over) or no_change (nothing loaded or built);",
            "files: read + carried over; keys/orders: the keys new, changed or gone in the files read, against the",
            "published warehouse, and the orders they touch (incremental runs)."})
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many runs (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON (an array of runs, newest first) for scripts.")
    private boolean json;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Wiring wiring = Wiring.connect(work.workDir, ops)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunSummary summary : wiring.runSummaries(limit)) {
                rows.add(describe(summary));
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else {
                printTable(out, rows);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> describe(RunSummary summary) {
        PipelineRun run = summary.run();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("runId", run.id().value());
        row.put("pipeline", run.pipelineName());
        row.put("status", run.status().code());
        row.put("startedAt", run.startedAt().toString());
        row.put("completedAt", run.completedAt().map(Object::toString).orElse(null));
        row.put("durationMs", run.duration().map(Duration::toMillis).orElse(null));
        row.put("tasks", summary.tasks());
        row.put("tasksFailed", summary.tasksFailed());
        row.put("mode", summary.mode().map(RunMode::code).orElse(null));
        row.put("filesLoaded", summary.filesLoaded());
        row.put("filesCarriedOver", summary.filesCarriedOver());
        row.put("rowsRead", summary.rowsRead());
        row.put("rowsLoaded", summary.rowsLoaded());
        row.put("rowsQuarantined", summary.rowsQuarantined());
        row.put("keysTouched", summary.keysTouched().orElse(null));
        row.put("ordersAffected", summary.ordersAffected().orElse(null));
        row.put("error", run.errorMessage().orElse(null));
        return row;
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            out.println("no runs recorded yet");
            return;
        }
        out.printf("%6s  %-9s  %-11s  %-19s  %10s  %5s  %12s  %12s  %11s  %12s  %s%n",
                "run", "status", "mode", "started", "duration", "files", "rows read", "loaded", "quarantined",
                "keys/orders", "error");
        for (Map<String, Object> row : rows) {
            Object ms = row.get("durationMs");
            String started = WHEN.format(java.time.Instant.parse((String) row.get("startedAt")).atZone(ZoneId.systemDefault()));
            out.printf("%6s  %-9s  %-11s  %-19s  %10s  %5s  %12s  %12s  %11s  %12s  %s%n",
                    row.get("runId"), row.get("status"), row.get("mode") == null ? "-" : row.get("mode"), started,
                    ms == null ? "-" : Console.duration(Duration.ofMillis((Long) ms)),
                    row.get("filesLoaded") + "+" + row.get("filesCarriedOver"),
                    Console.count((Long) row.get("rowsRead")), Console.count((Long) row.get("rowsLoaded")),
                    Console.count((Long) row.get("rowsQuarantined")),
                    row.get("keysTouched") == null ? "-" : Console.count((Long) row.get("keysTouched")) + "/"
                            + (row.get("ordersAffected") == null ? "-" : Console.count((Long) row.get("ordersAffected"))),
                    row.get("error") == null ? "" : Console.abbreviate((String) row.get("error"), 80));
        }
    }
}
