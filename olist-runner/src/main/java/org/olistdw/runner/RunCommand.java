package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.pipeline.OlistPipeline;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;
import org.olistdw.pipeline.build.ModelOrigin;
import org.olistdw.pipeline.build.RejectLimit;
import org.olistdw.pipeline.source.SourceHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /**
     * How many files were carried over and from which runs, e.g. {@code " (4 unchanged files carried over from
     * run 7)"} or {@code " (7 unchanged files carried over: 4 from run 7, 3 from run 9)"}; empty when none was.
     */
    private static String carriedOver(RunReport report) {
        Map<Long, Long> byRun = report.loads().stream().flatMap(load -> load.carriedOverFrom().stream())
                .collect(Collectors.groupingBy(RunId::value, TreeMap::new, Collectors.counting()));
        if (byRun.isEmpty()) {
            return "";
        }
        if (byRun.size() == 1) {
            return " (" + report.filesCarriedOver() + " unchanged files carried over from run "
                    + byRun.keySet().iterator().next() + ")";
        }
        return " (" + report.filesCarriedOver() + " unchanged files carried over: " + byRun.entrySet().stream()
                .map(entry -> entry.getValue() + " from run " + entry.getKey()).collect(Collectors.joining(", ")) + ")";
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final List<RunExtension> extensions;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions options;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    /**
     * A run command whose runs the extensions follow (each is also a mixin of the command; see {@link RunExtension})
     * and take their start from {@code clock}.
     */
    RunCommand(List<RunExtension> extensions, Clock clock) {
        this.extensions = List.copyOf(extensions);
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        options.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path published = options.published(work.workDir);
        SourceHashes hashes = hashAhead(options, work.workDir);
        try (Wiring wiring = Wiring.connectForRun(work.workDir, ops)) {
            RunReport report = runOnce(wiring, options, work.workDir, published, out, err, extensions, clock,
                    hashes);
            if (!report.succeeded()) {
                err.println("olist: " + failureLine(report));
                err.flush();
                return ExitCodes.RUN_FAILED;
            }
            return ExitCodes.OK;
        }
    }

    /** The file in the work directory that remembers the source files' hashes between runs. */
    static final String SOURCE_HASHES = "source-hashes.tsv";

    /**
     * Starts hashing the source files, to be called before connecting the stores: the hashes that tell the
     * unchanged files are then computed while PostgreSQL starts, or taken from {@value #SOURCE_HASHES} in the
     * work directory for files whose stat has not changed since they were hashed. None for a {@code --full} run,
     * which compares no file.
     */
    static SourceHashes hashAhead(RunOptions options, Path workDir) {
        return options.full ? SourceHashes.none()
                : SourceHashes.startIn(options.source, workDir.resolve(SOURCE_HASHES));
    }

    /** The one line that says a run failed and why, e.g. {@code run 7 failed: <cause>}. */
    static String failureLine(RunReport report) {
        return "run " + report.runId() + " failed: " + report.failure().orElse("unknown cause");
    }

    /**
     * One run over a connected {@code wiring}: takes the lock on {@code published}, runs with the console's
     * progress on {@code err} and the extensions following, prints the report and the reject warnings on
     * {@code out}, and releases the lock.
     *
     * @param hashes the source files' hashes computed ahead, if any
     * @return the run's report, succeeded or not
     * @throws EnvironmentProblem when the warehouse is locked by another run, or the environment fails the run
     */
    static RunReport runOnce(Wiring wiring, RunOptions options, Path workDir, Path published, PrintWriter out,
                             PrintWriter err, List<RunExtension> extensions, Clock clock, SourceHashes hashes) {
        RejectLimit rejectLimit = options.rejectLimit();
        try (WarehouseLease lease = wiring.lock(published, Duration.ofSeconds(options.lockLease))) {
            int threads = Wiring.duckDbThreads(options.threads, options.parallelism);
            OlistPipeline pipeline = wiring.pipeline(published, options.memoryLimit, threads,
                    RunOptions.tempDir(workDir), options.parallelism, options.keepVersions, lease, clock)
                    .withRejectLimit(rejectLimit)
                    .withFullReload(options.full).withSourceHashes(hashes);
            List<RunListener> listeners = new ArrayList<>();
            listeners.add(lease);
            listeners.add(new ConsoleProgress(err, System.console() != null));
            for (RunExtension extension : extensions) {
                listeners.add(extension.beginRun());
            }
            RunReport report = pipeline.run(options.source, new EveryListener(listeners), options.acceptance());
            audit(wiring, report, published, options);
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
            return report;
        }
    }

    /**
     * Records the run in the audit trail under the operating-system user: which warehouse, from which source, how
     * it ended. A trail that cannot be written is logged, and does not change the run's outcome.
     */
    private static void audit(Wiring wiring, RunReport report, Path published, RunOptions options) {
        Map<String, String> details = new HashMap<>();
        details.put("warehouse", published.toString());
        details.put("source", options.source.toAbsolutePath().toString());
        details.put("status", report.status().name().toLowerCase(Locale.ROOT));
        details.put("files_carried_over", Long.toString(report.filesCarriedOver()));
        report.unchangedSince().ifPresent(run -> details.put("no_change_since_run", run.toString()));
        details.put("full", Boolean.toString(options.full));
        try {
            wiring.auditLog().append(AuditEntry.of(AuditEvent.RUN, UsersCommand.actor(), "pipeline_run",
                    report.runId().toString(), report.succeeded(), details));
        } catch (RuntimeException e) {
            LOG.warn("run {} could not be recorded in the audit trail: {}", report.runId(), e.getMessage());
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
                carriedOver(report));
        report.keysTouched().ifPresent(keys -> out.printf("keys touched: %s (%s new, %s changed, %s gone) in %d changed "
                + "files, %s orders affected%n", Console.count(keys.touched()), Console.count(keys.added()),
                Console.count(keys.changed()), Console.count(keys.gone()), report.keyChanges().size(),
                report.ordersAffected().map(Console::count).orElse("-")));
        Map<ModelOrigin, Long> tables = report.modelTables();
        if (tables.containsKey(ModelOrigin.PATCHED) || tables.containsKey(ModelOrigin.KEPT)) {
            out.printf("model tables: %s patched for the orders in scope, %s kept as published, %s built whole%n",
                    tables.getOrDefault(ModelOrigin.PATCHED, 0L), tables.getOrDefault(ModelOrigin.KEPT, 0L),
                    tables.getOrDefault(ModelOrigin.BUILT, 0L));
        }
        report.validation().ifPresent(v -> out.printf("validation: %s orders through the domain model, %s rule"
                + " violations%s%n", Console.count(v.orders()), Console.count(v.violations()), v.byRule().isEmpty() ? ""
                : " (" + v.byRule().entrySet().stream().map(e -> e.getKey().code() + " " + Console.count(e.getValue()))
                        .collect(Collectors.joining(", ")) + ")"));
        report.checksCarried().filter(carried -> carried.rules() > 0).ifPresent(carried -> out.printf(
                "checks carried over: %d rules read only tables unchanged since run %s and keep its measurements%n",
                carried.rules(), carried.from()));
        report.quality().ifPresent(q -> out.printf("quality: score %s %%, %d checks: %d passed, %d warned, %d failed,"
                        + " %d errors (%d critical); details: olist quality report --run %s%n", q.score().toPlainString(),
                q.checks(), q.passed(), q.warned(), q.failed(), q.errors(), q.criticalFailures(), report.runId()));
        out.printf("warehouse: %s%s%n", report.warehouse(), report.succeeded() ? "" : " (unchanged)");
        out.flush();
    }
}
