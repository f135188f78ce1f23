package org.olistdw.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.WarehouseVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist versions}: the published warehouse and the versions kept beside it. */
@Command(name = "versions",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the published warehouse (marked *) and the versions kept beside it, newest run first: run, as-of",
            "time, when the file was written, size, and orders, customers and order items, each file opened",
            "read-only. Fails (exit 1) when the published warehouse cannot be opened, naming the problem."})
final class VersionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "The published DuckDB warehouse file (default: <work-dir>/warehouse.duckdb).")
    private Path warehouseFile;

    @Option(names = "--json", description = "Print JSON (an array, the published warehouse first) for scripts.")
    private boolean json;

    @Mixin
    private WorkDirOption work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path published = (warehouseFile != null ? warehouseFile : work.workDir.resolve("warehouse.duckdb"));
        PublishedVersions versions = Wiring.versions(published);
        List<WarehouseVersion> listed = versions.list();
        List<Map<String, Object>> rows = new ArrayList<>();
        listed.forEach(version -> rows.add(describe(version)));
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            printTable(out, versions.location(), listed);
        }
        out.flush();
        Optional<WarehouseVersion> broken = listed.stream()
                .filter(version -> version.current() && version.problem().isPresent()).findFirst();
        if (broken.isPresent()) {
            err.println("olist: the published warehouse " + broken.get().file() + " cannot be opened: "
                    + broken.get().problem().get() + "; roll back to a kept version with `olist rollback`");
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> describe(WarehouseVersion version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("runId", version.run().map(RunId::value).orElse(null));
        row.put("current", version.current());
        row.put("file", version.file());
        row.put("asOf", version.asOf().map(Instant::toString).orElse(null));
        row.put("writtenAt", version.modifiedAt().toString());
        row.put("sizeBytes", version.sizeBytes());
        row.put("orders", version.rows().map(WarehouseVersion.RowCounts::orders).orElse(null));
        row.put("customers", version.rows().map(WarehouseVersion.RowCounts::customers).orElse(null));
        row.put("orderItems", version.rows().map(WarehouseVersion.RowCounts::orderItems).orElse(null));
        row.put("problem", version.problem().orElse(null));
        return row;
    }

    private static void printTable(PrintWriter out, String location, List<WarehouseVersion> listed) {
        if (listed.isEmpty()) {
            out.println("no warehouse published at " + location + " yet, and no version kept");
            return;
        }
        out.printf("  %6s  %-19s  %-19s  %10s  %9s  %9s  %11s  %s%n",
                "run", "as of (UTC)", "written (UTC)", "size", "orders", "customers", "order items", "file");
        for (WarehouseVersion version : listed) {
            Optional<WarehouseVersion.RowCounts> rows = version.rows();
            out.printf("%s %6s  %-19s  %-19s  %10s  %9s  %9s  %11s  %s%n",
                    version.current() ? "*" : " ",
                    version.run().map(RunId::toString).orElse("?"),
                    version.asOf().map(WHEN::format).orElse("-"),
                    WHEN.format(version.modifiedAt()),
                    Console.bytes(version.sizeBytes()),
                    rows.map(r -> Console.count(r.orders())).orElse("-"),
                    rows.map(r -> Console.count(r.customers())).orElse("-"),
                    rows.map(r -> Console.count(r.orderItems())).orElse("-"),
                    version.file() + version.problem().map(problem -> "  (cannot be opened: "
                            + Console.abbreviate(problem, 100) + ")").orElse(""));
        }
    }
}
