package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.pipeline.OlistPipeline;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;
import org.olistdw.pipeline.build.RejectLimit;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.gate.Acceptance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist run}: one full ELT run from a directory of Olist CSV files to a published warehouse. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "One ELT run: check the nine source files, load, build every model, publish atomically.",
            "Rows that cannot be read go to quarantine with file, line and reason. The run, its steps and file",
            "loads are recorded in PostgreSQL. A failed run leaves the previously published warehouse in place."})
final class RunCommand implements Callable<Integer> {

    private final List<RunExtension> extensions;

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "Directory holding the nine Olist CSV files.")
    private Path source;

    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "The published DuckDB warehouse file (default: <work-dir>/warehouse.duckdb).")
    private Path warehouseFile;

    @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = "4GB",
            description = "DuckDB memory limit; work beyond it spills to <work-dir>/tmp (default: ${DEFAULT-VALUE}).")
    private String memoryLimit;

    @Option(names = "--threads", paramLabel = "N", description = "DuckDB worker threads (default: all cores).")
    private Integer threads;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + OlistPipeline.DEFAULT_PARALLELISM,
            description = "Models, steps and checks of the build graph run at once (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--max-reject-percent", paramLabel = "P", defaultValue = "1",
            description = "Largest share of a file's rows the load may quarantine, 0..100; more fails the run"
                    + " (default: ${DEFAULT-VALUE}).")
    private double maxRejectPercent;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "" + PublishedVersions.DEFAULT_KEEP,
            description = "Warehouses to keep, the published one included: publishing keeps the one it replaces "
                    + "under <warehouse>.versions/ and deletes older ones (default: ${DEFAULT-VALUE}; 1 keeps none).")
    private int keepVersions;

    @Option(names = "--lock-lease", paramLabel = "SECONDS", defaultValue = "60",
            description = "The run's lock on the warehouse lasts this long unless renewed (every quarter of it); a run"
                    + " killed while holding it blocks others this long at most (default: ${DEFAULT-VALUE}).")
    private long lockLease;

    @Option(names = Acceptance.ACCEPT_VOLUME_DROP,
            description = "Publish even when a source file is empty or loaded more than the tolerated share fewer rows"
                    + " than in the latest successful run (recorded as accepted).")
    private boolean acceptVolumeDrop;

    @Option(names = Acceptance.ACCEPT_DRIFT,
            description = "Publish even when key figures of months the published warehouse had closed change beyond"
                    + " the tolerance (recorded as accepted).")
    private boolean acceptDrift;

    @Option(names = "--full",
            description = "Read every source file and build the whole warehouse, even what is unchanged since the"
                    + " published warehouse was built.")
    private boolean full;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    /** A run command whose runs the extensions follow (each is also a mixin of the command; see {@link RunExtension}). */
    RunCommand(List<RunExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public Integer call() throws Exception {
        if (keepVersions < 1) {
            throw new ParameterException(spec.commandLine(), "--keep-versions must be at least 1 (the published "
                    + "warehouse itself), was " + keepVersions);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(maxRejectPercent >= 0 && maxRejectPercent <= 100)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-reject-percent must be 0..100, was " + maxRejectPercent);
        }
        RejectLimit rejectLimit = RejectLimit.ofPercent(maxRejectPercent);
        Path workDir = work.workDir;
        Path published = (warehouseFile != null ? warehouseFile : workDir.resolve("warehouse.duckdb")).toAbsolutePath();
        Path tempDir = workDir.resolve("tmp").toAbsolutePath();
        try {
            Files.createDirectories(published.getParent());
            Files.createDirectories(tempDir);
        } catch (java.io.IOException e) {
            throw new EnvironmentProblem("cannot create " + e.getMessage(), e);
        }
        published = Wiring.canonical(published);
        try (Wiring wiring = Wiring.connectForRun(workDir, ops);
             WarehouseLease lease = wiring.lock(published, Duration.ofSeconds(lockLease))) {
            int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            OlistPipeline pipeline = wiring.pipeline(published, memoryLimit, cores, tempDir, parallelism,
                    keepVersions, lease).withRejectLimit(rejectLimit).withFullReload(full);
            List<RunListener> listeners = new ArrayList<>();
            listeners.add(lease);
            listeners.add(new ConsoleProgress(err, System.console() != null));
            for (RunExtension extension : extensions) {
                listeners.add(extension.beginRun());
            }
            RunReport report = pipeline.run(source, new EveryListener(listeners),
                    new Acceptance(acceptVolumeDrop, acceptDrift));
            for (RunExtension extension : extensions) {
                extension.endRun(report, published);
            }
            printReport(out, report);
            report.loads().stream()
                    .filter(load -> load.rowsQuarantined() > 0
                            && !rejectLimit.exceededBy(load.rowsRead(), load.rowsQuarantined()))
                    .forEach(load -> out.println("warning: " + rejectLimit.summary(load.sourceFile(), load.rowsRead(),
                            load.rowsQuarantined())));
            out.flush();
            if (!report.succeeded()) {
                err.println("olist: run " + report.runId() + " failed: " + report.failure().orElse("unknown cause"));
                err.flush();
                return ExitCodes.RUN_FAILED;
            }
            return ExitCodes.OK;
        }
    }

    /** Passes every callback of the run to each listener, in order. */
    private record EveryListener(List<RunListener> listeners) implements RunListener {

        @Override
        public void runStarted(RunId run, int steps) {
            listeners.forEach(listener -> listener.runStarted(run, steps));
        }

        @Override
        public void stepStarted(StepKind kind, String name) {
            listeners.forEach(listener -> listener.stepStarted(kind, name));
        }

        @Override
        public void stepFinished(StepResult result) {
            listeners.forEach(listener -> listener.stepFinished(result));
        }
    }

    static void printReport(PrintWriter out, RunReport report) {
        out.println();
        out.printf("%-9s %-50s %14s %10s  %s%n", "step", "name", "rows (size)", "time", "status");
        out.println("-".repeat(95));
        Map<StepKind, Duration> perKind = new EnumMap<>(StepKind.class);
        Map<String, Long> sizes = new HashMap<>();
        report.loads().forEach(load -> sizes.put(load.sourceFile(), load.sizeBytes()));
        // The checks of the quality rules take one line, where the last of them is; each result is in the store.
        Set<String> rules = report.checks().stream().map(check -> check.rule().name()).collect(Collectors.toSet());
        List<StepResult> ruleChecks = report.steps().stream()
                .filter(step -> step.kind() == StepKind.CHECK && rules.contains(step.name())).toList();
        for (StepResult step : report.steps()) {
            perKind.merge(step.kind(), step.duration(), Duration::plus);
            if (ruleChecks.contains(step)) {
                if (step == ruleChecks.get(ruleChecks.size() - 1)) {
                    boolean allRan = ruleChecks.stream().allMatch(check -> check.status() == TaskStatus.SUCCESS);
                    out.printf("%-9s %-50s %14s %10s  %s%n", step.kind().code(),
                            ruleChecks.size() + " quality rules (rows checked, time summed)",
                            Console.count(ruleChecks.stream().mapToLong(StepResult::rows).sum()),
                            Console.duration(ruleChecks.stream().map(StepResult::duration)
                                    .reduce(Duration.ZERO, Duration::plus)),
                            (allRan ? TaskStatus.SUCCESS : TaskStatus.FAILED).code());
                }
                continue;
            }
            String amount = step.kind() == StepKind.EXTRACT
                    ? (sizes.containsKey(step.name()) ? Console.bytes(sizes.get(step.name())) : "")
                    : Console.count(step.rows());
            out.printf("%-9s %-50s %14s %10s  %s%n", step.kind().code(), Console.abbreviate(step.name(), 50),
                    amount, Console.duration(step.duration()), step.status().code());
        }
        out.println("-".repeat(95));
        for (Map.Entry<StepKind, Duration> e : perKind.entrySet()) {
            out.printf("%-9s %-50s %14s %10s%n", e.getKey().code(), "(total)", "", Console.duration(e.getValue()));
        }
        long loaded = report.loads().stream().mapToLong(DataLoad::rowsLoaded).sum();
        out.println();
        Optional<RunId> unchangedSince = report.unchangedSince();
        if (unchangedSince.isPresent()) {
            out.printf("run %s succeeded in %s: no change since run %s (the nine files, models and rules are the same);"
                    + " nothing loaded or built, its warehouse stays published%n", report.runId(),
                    Console.duration(report.duration()), unchangedSince.get());
            out.flush();
            return;
        }
        out.printf("run %s %s in %s: %s rows read, %s loaded, %s quarantined%s%n", report.runId(),
                report.succeeded() ? "succeeded" : "FAILED", Console.duration(report.duration()),
                Console.count(report.rowsRead()), Console.count(loaded), Console.count(report.rowsQuarantined()),
                report.filesCarriedOver() == 0 ? "" : " (" + report.filesCarriedOver() + " unchanged files carried over"
                        + " from run " + report.loads().stream().flatMap(load -> load.carriedOverFrom().stream())
                        .findFirst().orElseThrow() + ")");
        report.validation().ifPresent(v -> out.printf("validation: %s orders through the domain model, %s rule"
                + " violations%s%n", Console.count(v.orders()), Console.count(v.violations()), v.byRule().isEmpty() ? ""
                : " (" + v.byRule().entrySet().stream().map(e -> e.getKey().code() + " " + Console.count(e.getValue()))
                        .collect(Collectors.joining(", ")) + ")"));
        report.quality().ifPresent(q -> out.printf("quality: score %s %%, %d checks: %d passed, %d warned, %d failed,"
                        + " %d errors (%d critical); details: olist quality report --run %s%n", q.score().toPlainString(),
                q.checks(), q.passed(), q.warned(), q.failed(), q.errors(), q.criticalFailures(), report.runId()));
        out.printf("warehouse: %s%s%n", report.warehouse(), report.succeeded() ? "" : " (unchanged)");
        out.flush();
    }
}
