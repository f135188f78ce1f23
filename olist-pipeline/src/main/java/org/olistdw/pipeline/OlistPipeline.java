package org.olistdw.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskId;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.pipeline.source.SourceFile;
import org.olistdw.pipeline.source.SourceFileProblem;
import org.olistdw.pipeline.source.SourceInspector;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.CustomerSegmentation;
import org.olistdw.pipeline.build.Layer;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.OrderValidation;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.olistdw.pipeline.quality.QualityChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ELT run: extract (check every source file against its contract), load (raw tables with lineage,
 * unreadable rows to quarantine), transform (every SQL model in dependency order), validate (after the core
 * models, every order reconstituted as a domain aggregate with its rule violations recorded, and every
 * customer segmented by the domain's RFM service, before the marts that read them), check (every active
 * quality rule, with its evidence recorded) and publish (make the new build the warehouse readers open,
 * atomically) unless a critical rule failed.
 *
 * <p>Guarantees: the run and each of its steps are recorded in the operational store as they happen;
 * every source row read is either loaded or quarantined, and a file whose counts do not reconcile fails
 * the run; a run that fails at any step is recorded as failed with a one-line cause and leaves the
 * previously published warehouse untouched.
 */
public final class OlistPipeline {

    /** The pipeline name recorded with every run. */
    public static final String NAME = "olist-elt";

    private static final Logger LOG = LoggerFactory.getLogger(OlistPipeline.class);
    private static final int MAX_CAUSE_LENGTH = 600;

    private final Warehouse warehouse;
    private final PipelineRuns runs;
    private final QualityRules rules;
    private final QualityResults results;
    private final Clock clock;

    /**
     * @param warehouse where the new build is made and published
     * @param runs      where the run, its tasks, loads and quarantined rows are recorded
     * @param rules     the quality rules each build is checked against
     * @param results   where each check's evidence and the run's quality report are recorded
     * @param clock     the time source for recorded timestamps
     */
    public OlistPipeline(Warehouse warehouse, PipelineRuns runs, QualityRules rules, QualityResults results,
                         Clock clock) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.results = Objects.requireNonNull(results, "results");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the pipeline over the nine source files in {@code sourceDir}. Failures caused by the data or
     * the models end the run as failed and are reported, not thrown; a failure of the operational store
     * itself propagates, since it can no longer be recorded.
     */
    public RunReport run(Path sourceDir, RunListener listener) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("source", sourceDir.toAbsolutePath().toString());
        parameters.put("warehouse", warehouse.location());
        RunId run = runs.start(NAME, started, parameters);
        LOG.info("run {} started: source {}, warehouse {}", run, sourceDir.toAbsolutePath(), warehouse.location());
        Execution execution = new Execution(run, listener);
        listener.runStarted(run, SourceTable.values().length * 3 + 3);
        Optional<String> failure = Optional.empty();
        try {
            List<SourceFile> files = execution.extract(sourceDir);
            List<WarehouseBuild> opened = new ArrayList<>(1);
            execution.step(StepKind.LOAD, "new build", () -> {
                opened.add(warehouse.newBuild(run, started));
                return 0L;
            });
            try (WarehouseBuild build = opened.get(0)) {
                for (SourceFile file : files) {
                    execution.load(build, file);
                }
                List<Model> models = new ArrayList<>();
                execution.step(StepKind.TRANSFORM, "dependency graph", () -> {
                    models.addAll(build.models());
                    return models.size();
                });
                for (Model model : models) {
                    if (model.layer() != Layer.MARTS) {
                        execution.step(StepKind.TRANSFORM, model.qualifiedName(), () -> build.build(model));
                    }
                }
                execution.step(StepKind.VALIDATE, "orders", () -> {
                    OrderValidation validation = OrderValidation.of(build);
                    execution.validation = Optional.of(validation);
                    LOG.info("validated {} orders through the domain: {} rule violations {}", validation.orders(),
                            validation.violations(), validation.byRule());
                    return validation.orders();
                });
                execution.step(StepKind.VALIDATE, "customer segments", () -> CustomerSegmentation.of(build));
                for (Model model : models) {
                    if (model.layer() == Layer.MARTS) {
                        execution.step(StepKind.TRANSFORM, model.qualifiedName(), () -> build.build(model));
                    }
                }
                List<CheckResult> checks = new ArrayList<>();
                execution.step(StepKind.CHECK, "quality rules", () -> {
                    LocalDate asOf = LocalDate.ofInstant(started, ZoneOffset.UTC);
                    checks.addAll(new QualityChecker(runs).check(build, rules.all(), asOf));
                    long quarantined = execution.loads.stream().mapToLong(DataLoad::rowsQuarantined).sum();
                    QualityReport report = QualityReport.of(run, asOf, checks, quarantined);
                    results.record(run, checks, report);
                    execution.quality = Optional.of(report);
                    return checks.size();
                });
                execution.step(StepKind.CHECK, "quality gate", () -> {
                    List<CheckResult> blocking = checks.stream().filter(CheckResult::blocksPublishing).toList();
                    if (!blocking.isEmpty()) {
                        throw new QualityGateClosed(blocking);
                    }
                    return checks.size();
                });
                execution.step(StepKind.PUBLISH, warehouse.location(), () -> {
                    build.publish();
                    return 0L;
                });
            }
        } catch (StepFailed e) {
            failure = Optional.of(e.getMessage());
        }
        long rowsRead = execution.loads.stream().mapToLong(DataLoad::rowsRead).sum();
        RunStatus status = failure.isPresent() ? RunStatus.FAILED : RunStatus.SUCCESS;
        runs.finish(run, status, clock.instant(), rowsRead, failure.orElse(null));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (failure.isPresent()) {
            LOG.error("run {} failed after {} ms: {}", run, took.toMillis(), failure.get());
        } else {
            LOG.info("run {} succeeded in {} ms: {} rows read", run, took.toMillis(), rowsRead);
        }
        return new RunReport(run, status, execution.steps, execution.loads, execution.validation, execution.quality,
                failure, warehouse.location(), took);
    }

    /** Thrown inside a run to stop it at the failed step; its message is the run's one-line cause. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    private interface Work {
        long run() throws Exception;
    }

    /** The mutable state of one run, confined to the thread running it. */
    private final class Execution {
        private final RunId run;
        private final RunListener listener;
        private final List<StepResult> steps = new ArrayList<>();
        private final List<DataLoad> loads = new ArrayList<>();
        private Optional<OrderValidation> validation = Optional.empty();
        private Optional<QualityReport> quality = Optional.empty();

        Execution(RunId run, RunListener listener) {
            this.run = run;
            this.listener = listener;
        }

        List<SourceFile> extract(Path sourceDir) {
            step(StepKind.EXTRACT, "source directory", () -> {
                if (!Files.isDirectory(sourceDir)) {
                    throw new SourceFileProblem("source directory does not exist: " + sourceDir.toAbsolutePath());
                }
                List<String> missing = Arrays.stream(SourceTable.values())
                        .map(SourceTable::fileName)
                        .filter(name -> !Files.exists(sourceDir.resolve(name)))
                        .toList();
                if (!missing.isEmpty()) {
                    throw new SourceFileProblem((missing.size() == 1 ? "missing source file " : "missing source files ")
                            + String.join(", ", missing) + " in " + sourceDir.toAbsolutePath());
                }
                return 0L;
            });
            List<SourceFile> files = new ArrayList<>();
            for (SourceTable table : SourceTable.values()) {
                SourceFile[] found = new SourceFile[1];
                step(StepKind.EXTRACT, table.fileName(), () -> {
                    found[0] = SourceInspector.inspect(table, sourceDir);
                    return 0L; // extraction checks bytes, it reads no rows; the size is on the file's load
                });
                files.add(found[0]);
            }
            return files;
        }

        void load(WarehouseBuild build, SourceFile file) {
            step(StepKind.LOAD, file.table().fileName(), () -> {
                try (QuarantineWriter quarantine = new QuarantineWriter(runs, run)) {
                    LoadResult result = build.load(file.table(), file.path(), quarantine);
                    quarantine.flush();
                    if (!result.reconciles() || quarantine.count() != result.rowsQuarantined()) {
                        throw new IllegalStateException(file.table().fileName() + " does not reconcile: read "
                                + result.rowsRead() + ", loaded " + result.rowsLoaded() + ", quarantined "
                                + result.rowsQuarantined() + " (" + quarantine.count() + " reported)");
                    }
                    DataLoad load = new DataLoad(file.table().fileName(), file.path().toString(), file.sizeBytes(),
                            file.sha256(), result.rowsRead(), result.rowsLoaded(), result.rowsQuarantined());
                    runs.recordLoad(run, load);
                    loads.add(load);
                    if (result.rowsQuarantined() > 0) {
                        LOG.warn("{}: {} of {} rows quarantined", file.table().fileName(),
                                result.rowsQuarantined(), result.rowsRead());
                    }
                    return result.rowsRead();
                }
            });
        }

        long step(StepKind kind, String name, Work work) {
            listener.stepStarted(kind, name);
            TaskId task = runs.startTask(run, kind.code() + ":" + name, kind.code(), clock.instant());
            long t0 = System.nanoTime();
            long rows;
            try {
                rows = work.run();
            } catch (Exception e) {
                String cause = oneLine(kind, name, e);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                runs.finishTask(task, TaskStatus.FAILED, clock.instant(), 0, cause);
                StepResult result = new StepResult(kind, name, TaskStatus.FAILED, 0, took, Optional.of(cause));
                steps.add(result);
                listener.stepFinished(result);
                LOG.debug("step {} {} failed", kind.code(), name, e);
                throw new StepFailed(cause, e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            runs.finishTask(task, TaskStatus.SUCCESS, clock.instant(), rows, null);
            StepResult result = new StepResult(kind, name, TaskStatus.SUCCESS, rows, took, Optional.empty());
            steps.add(result);
            listener.stepFinished(result);
            LOG.info("{} {}: {} rows in {} ms", kind.code(), name, rows, took.toMillis());
            return rows;
        }
    }

    /** A critical rule failed or could not run: the build must not be published. */
    private static final class QualityGateClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QualityGateClosed(List<CheckResult> blocking) {
            super(blocking.get(0).summary() + (blocking.size() > 1 ? " (and " + (blocking.size() - 1)
                    + " more critical rule" + (blocking.size() > 2 ? "s" : "") + ")" : "")
                    + "; not published, readers keep the previous warehouse");
        }
    }

    /** The one-line cause of a failed step: what failed, then why, on one line. */
    static String oneLine(StepKind kind, String name, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String cause = e instanceof SourceFileProblem || e instanceof QualityGateClosed
                ? message : kind.code() + " " + name + " failed: " + message;
        cause = cause.replaceAll("\\s*\\R\\s*", " ").strip();
        return cause.length() <= MAX_CAUSE_LENGTH ? cause : cause.substring(0, MAX_CAUSE_LENGTH - 3) + "...";
    }
}
