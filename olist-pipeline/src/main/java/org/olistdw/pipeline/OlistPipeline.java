package org.olistdw.pipeline;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.pipeline.BuildGraph.Node;
import org.olistdw.pipeline.BuildGraph.Work;
import org.olistdw.pipeline.ChangeDetection.Changes;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.build.ModelOrigin;
import org.olistdw.pipeline.build.OrderValidation;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.build.RejectLimit;
import org.olistdw.pipeline.build.RuleMeasures;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.olistdw.pipeline.gate.Acceptance;
import org.olistdw.pipeline.gate.PublishBlocked;
import org.olistdw.pipeline.gate.PublishGates;
import org.olistdw.pipeline.quality.CarriedMeasurements;
import org.olistdw.pipeline.quality.QualityChecker;
import org.olistdw.pipeline.source.SourceFile;
import org.olistdw.pipeline.source.SourceFileProblem;
import org.olistdw.pipeline.source.SourceHashes;
import org.olistdw.pipeline.source.SourceInspector;
import org.olistdw.pipeline.source.SourceScan;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ELT run: extract (check every source file against its contract), load (raw tables with lineage,
 * unreadable rows to quarantine), then the {@linkplain BuildGraph build graph}: every SQL model (transform),
 * the validation of every order through the domain's aggregate and the segmentation of every customer by its
 * RFM service (validate), and every active quality rule with its evidence (check), each node once the tables
 * it reads are built, several at once; then the quality report and the gates ({@link PublishGates}: source
 * volumes, critical rules, drift of the published warehouse's closed months), and publish (make the new build the
 * warehouse readers open, atomically) unless a gate closed.
 *
 * <p>Guarantees: the run and each of its steps, every node of the graph included, are recorded in the
 * operational store as they happen; every source row read is either loaded or quarantined, and a file whose
 * counts do not reconcile fails the run; a run that fails at any step is recorded as failed with a one-line
 * cause and leaves the previously published warehouse untouched. The warehouse and the quality results do not
 * depend on how many nodes run at once.
 */
public final class OlistPipeline {

    /** The pipeline name recorded with every run. */
    public static final String NAME = "olist-elt";

    /**
     * How many nodes of the build graph run at once unless told otherwise: two, so that a Java step or a
     * check overlaps the SQL model that DuckDB already spreads over every core.
     */
    public static final int DEFAULT_PARALLELISM = 2;

    private static final Logger LOG = LoggerFactory.getLogger(OlistPipeline.class);
    private static final int MAX_CAUSE_LENGTH = 600;

    private final Warehouse warehouse;
    private final PipelineRuns runs;
    private final QualityRules rules;
    private final QualityResults results;
    private final Clock clock;
    private final int parallelism;
    private final RejectLimit rejectLimit;
    private final boolean fullReload;
    private final SourceHashes sourceHashes;

    /**
     * A pipeline running {@value #DEFAULT_PARALLELISM} nodes of the build graph at once.
     *
     * @param warehouse where the new build is made and published
     * @param runs      where the run, its tasks, loads and quarantined rows are recorded
     * @param rules     the quality rules each build is checked against
     * @param results   where each check's evidence and the run's quality report are recorded
     * @param clock     the time source for recorded timestamps
     */
    public OlistPipeline(Warehouse warehouse, PipelineRuns runs, QualityRules rules, QualityResults results,
                         Clock clock) {
        this(warehouse, runs, rules, results, clock, DEFAULT_PARALLELISM);
    }

    /**
     * @param parallelism how many nodes of the build graph may run at once, at least one (one runs them one
     *                    after another in graph order)
     */
    public OlistPipeline(Warehouse warehouse, PipelineRuns runs, QualityRules rules, QualityResults results,
                         Clock clock, int parallelism) {
        this(warehouse, runs, rules, results, clock, parallelism, RejectLimit.DEFAULT);
    }

    /**
     * @param rejectLimit the largest share of a file the load may quarantine before the run fails
     */
    public OlistPipeline(Warehouse warehouse, PipelineRuns runs, QualityRules rules, QualityResults results,
                         Clock clock, int parallelism, RejectLimit rejectLimit) {
        this(warehouse, runs, rules, results, clock, parallelism, rejectLimit, false, SourceHashes.none());
    }

    private OlistPipeline(Warehouse warehouse, PipelineRuns runs, QualityRules rules, QualityResults results,
                          Clock clock, int parallelism, RejectLimit rejectLimit, boolean fullReload,
                          SourceHashes sourceHashes) {
        this.fullReload = fullReload;
        this.sourceHashes = Objects.requireNonNull(sourceHashes, "sourceHashes");
        this.rejectLimit = Objects.requireNonNull(rejectLimit, "rejectLimit");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.results = Objects.requireNonNull(results, "results");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** This pipeline with {@code limit} as the largest share of a file the load may quarantine. */
    public OlistPipeline withRejectLimit(RejectLimit limit) {
        return new OlistPipeline(warehouse, runs, rules, results, clock, parallelism, limit, fullReload, sourceHashes);
    }

    /**
     * This pipeline reading every file and building the whole warehouse when {@code full} is true, whatever is
     * unchanged since the published warehouse was built; otherwise (the default) unchanged files are carried over
     * and a run where nothing changed builds nothing (see {@link #run(Path, RunListener, Acceptance)}).
     */
    public OlistPipeline withFullReload(boolean full) {
        return new OlistPipeline(warehouse, runs, rules, results, clock, parallelism, rejectLimit, full, sourceHashes);
    }

    /**
     * This pipeline telling unchanged files by the hashes {@code hashes} computed ahead (see
     * {@link SourceHashes#startIn}) where the files are as they were then; by default each is computed when the run
     * compares the files.
     */
    public OlistPipeline withSourceHashes(SourceHashes hashes) {
        return new OlistPipeline(warehouse, runs, rules, results, clock, parallelism, rejectLimit, fullReload, hashes);
    }

    /**
     * Runs the pipeline over the nine source files in {@code sourceDir}. Failures caused by the data or
     * the models end the run as failed and are reported, not thrown; a failure of the operational store
     * itself propagates, since it can no longer be recorded.
     */
    public RunReport run(Path sourceDir, RunListener listener) {
        return run(sourceDir, listener, Acceptance.NONE);
    }

    /**
     * Runs the pipeline as {@link #run(Path, RunListener)} does, publishing what {@code acceptance} accepts
     * knowingly (recorded in the run's parameters, its log and the accepted checks' evidence); see
     * {@link PublishGates}.
     *
     * <p>Unless this pipeline reloads fully ({@link #withFullReload}), a file whose size and SHA-256 equal those of
     * its load in the run that built the published warehouse is not read again: its raw rows and quarantined rows
     * are carried over from the published warehouse, and its load is recorded with the run it came from. When all
     * nine files are unchanged and the models, rules and settings have the fingerprint that run recorded, nothing
     * is loaded or built: the run succeeds as {@link RunMode#NO_CHANGE} and the published warehouse stays as it
     * is.
     */
    public RunReport run(Path sourceDir, RunListener listener, Acceptance acceptance) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("source", sourceDir.toAbsolutePath().toString());
        parameters.put("warehouse", warehouse.location());
        parameters.put("parallelism", Integer.toString(parallelism));
        parameters.put("max_reject_percent", rejectLimit.percent().toPlainString());
        parameters.putAll(acceptance.parameters());
        if (fullReload) {
            parameters.put("full", "true");
        }
        RunId run = runs.start(NAME, started, parameters);
        LOG.info("run {} started: source {}, warehouse {}, {} nodes at once", run, sourceDir.toAbsolutePath(),
                warehouse.location(), parallelism);
        Execution execution = new Execution(run, listener);
        listener.runStarted(run, SourceTable.values().length * 3 + 3);
        Optional<String> failure = Optional.empty();
        try {
            List<SourceFile> files = execution.extract(sourceDir);
            Changes changes = execution.compare(files);
            if (changes.mode() == RunMode.NO_CHANGE) {
                execution.unchanged(files, changes);
                execution.step(StepKind.PUBLISH, "kept " + warehouse.location(), () -> {
                    warehouse.discardStaleBuilds();
                    return 0L;
                });
                LOG.info("run {}: no change since run {}; its warehouse stays published, nothing loaded or built",
                        run, changes.published().orElseThrow());
                throw new NoChange();
            }
            List<WarehouseBuild> opened = new ArrayList<>(1);
            execution.step(StepKind.LOAD, "new build", () -> {
                // a build that carries files over may start as a copy of the published warehouse holding them
                opened.add(changes.published().isPresent() && !changes.unchanged().isEmpty()
                        ? warehouse.newBuild(run, started, changes.published().get(), changes.unchanged().keySet(),
                                changes.sameDefinitions())
                        : warehouse.newBuild(run, started));
                return 0L;
            });
            try (WarehouseBuild build = opened.get(0)) {
                LocalDate asOf = LocalDate.ofInstant(started, ZoneOffset.UTC);
                // finding what each model and rule reads parses SQL text only, so it runs while the files load
                // with the definitions of the published run, what did not change since need not be done again
                boolean affectedOnly = changes.sameDefinitions() && changes.mode() == RunMode.INCREMENTAL;
                FutureTask<BuildGraph> planned = new FutureTask<>(() -> graph(build, execution, asOf,
                        affectedOnly, affectedOnly ? changes.published() : Optional.empty(),
                        changes.unchanged().keySet()));
                Thread planner = new Thread(planned, "olist-graph-plan");
                planner.setDaemon(true);
                planner.start();
                try {
                    execution.loadAll(build.raw(), files, changes);
                } finally {
                    awaitQuietly(planned);
                }
                List<BuildGraph> graph = new ArrayList<>(1);
                execution.step(StepKind.TRANSFORM, "dependency graph", () -> {
                    graph.add(planned(planned));
                    return graph.get(0).nodes().size();
                });
                // a check node records the task of each rule it checks itself (Execution.checks)
                new GraphExecutor(parallelism).run(graph.get(0), node -> {
                    if (node.kind() == StepKind.CHECK) {
                        node.work().run();
                    } else {
                        execution.step(node.kind(), node.name(), node.work());
                    }
                });
                execution.modelTables(build.models().origins());
                List<CheckResult> checks = PublishGates.accepting(run, execution.checks(), acceptance);
                PublishGates gates = new PublishGates(runs, warehouse.location());
                execution.step(StepKind.CHECK, "quality report", () -> {
                    long quarantined = execution.loads().stream().mapToLong(DataLoad::rowsQuarantined).sum();
                    QualityReport report = QualityReport.of(run, asOf, checks, quarantined);
                    results.record(run, checks, report);
                    execution.reported(report, checks);
                    return checks.size();
                });
                execution.step(StepKind.CHECK, "volume gate", () -> gates.volume(checks));
                execution.step(StepKind.CHECK, "quality gate", () -> PublishGates.quality(checks));
                execution.step(StepKind.CHECK, "drift gate", () -> PublishGates.drift(checks));
                execution.step(StepKind.PUBLISH, warehouse.location(), () -> {
                    build.publish();
                    return 0L;
                });
            }
        } catch (StepFailed e) {
            failure = Optional.of(e.getMessage());
        } catch (NoChange e) {
            // nothing to build: the published warehouse already holds what this run would build
        } finally {
            // every step has ended here, or the run failed in a way the caller reports (the store lost, say);
            // the records handed over are written before the run's end is
            execution.closeRecords();
        }
        execution.flushRecords();
        long rowsRead = execution.loads().stream().mapToLong(DataLoad::rowsRead).sum();
        RunStatus status = failure.isPresent() ? RunStatus.FAILED : RunStatus.SUCCESS;
        runs.finish(run, status, clock.instant(), rowsRead, failure.orElse(null));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (failure.isPresent()) {
            LOG.error("run {} failed after {} ms: {}", run, took.toMillis(), failure.get());
        } else {
            LOG.info("run {} succeeded in {} ms: {} rows read", run, took.toMillis(), rowsRead);
        }
        return execution.report(status, failure, took);
    }

    /**
     * The build graph of {@code build}: its models and Java steps, and the checks of the active quality rules, each
     * reading the tables its rules' queries read; the rules checked together are one node
     * ({@link QualityChecker#batches}), each rule still a task of its own. With {@code carryChecksFrom}, the rules
     * reading only tables unchanged since that run (the raw tables of {@code unchangedFiles} and what reads nothing
     * else) keep its measurements ({@link CarriedMeasurements}).
     */
    private BuildGraph graph(WarehouseBuild build, Execution execution, LocalDate asOf, boolean affectedOnly,
                             Optional<RunId> carryChecksFrom, Set<SourceTable> unchangedFiles) {
        BuildGraph built = BuildGraph.forBuild(build, execution::validated, affectedOnly, parallelism);
        QualityChecker checker = new QualityChecker(runs, built::taskWriting, warehouse.location());
        RuleMeasures measures = build.checks();
        Map<QualityRule, Set<String>> reads = measures.tablesReadAll(QualityChecker.active(rules.all()));
        if (carryChecksFrom.isPresent()) {
            Set<String> unchangedRaw = unchangedFiles.stream().map(SourceTable::qualifiedTableName)
                    .collect(Collectors.toSet());
            Set<String> unchanged = CarriedMeasurements.unchangedTables(unchangedRaw, build.models().constantTables(),
                    build.models().models());
            List<CheckResult> measuredThen;
            try {
                measuredThen = results.results(carryChecksFrom.get());
            } catch (RuntimeException e) {
                // carrying measurements over only saves work: without them, every rule is measured
                LOG.warn("run {}: the check results of run {} cannot be read, so every rule is measured: {}",
                        execution.run, carryChecksFrom.get(), e.getMessage());
                measuredThen = List.of();
            }
            CarriedMeasurements carried = CarriedMeasurements.of(measures, reads, unchanged, measuredThen);
            measures = carried;
            execution.checksCarried(carried.rules().size(), carryChecksFrom.get());
            LOG.info("run {}: {} rules read only tables unchanged since run {} and keep its measurements: {}",
                    execution.run, carried.rules().size(), carryChecksFrom.get(), carried.rules());
        }
        RuleMeasures measured = measures;
        List<Node> checks = new ArrayList<>();
        for (List<QualityRule> batch : QualityChecker.batches(List.copyOf(reads.keySet()), reads::get)) {
            Set<String> tables = new TreeSet<>();
            batch.forEach(rule -> tables.addAll(reads.get(rule)));
            checks.add(Node.check(batch.get(0), tables,
                    () -> execution.checks(batch, () -> checker.checkAll(measured, batch, asOf))));
        }
        BuildGraph graph = built.with(checks);
        LOG.info("build graph: {} nodes ({} checks of {} rules) over {} source tables", graph.nodes().size(),
                checks.size(), reads.size(), graph.sourceTables().size());
        return graph;
    }

    /** Waits for {@code task} to end, whatever its outcome, so that nothing uses the build after it closes. */
    private static void awaitQuietly(FutureTask<?> task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The graph {@code task} planned, or what stopped it, as thrown by the planning itself. */
    private static BuildGraph planned(FutureTask<BuildGraph> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The warehouse of an earlier run (published, or a kept failed build) to carry files over from, opened at its
     * first use.
     */
    private static final class PublishedCopy implements AutoCloseable {
        private final RawLoad raw;
        private final Optional<RunId> from;
        private RawLoad.CarryOver opened;

        PublishedCopy(RawLoad raw, Optional<RunId> from) {
            this.raw = raw;
            this.from = from;
        }

        RunId from() {
            return from.orElseThrow();
        }

        synchronized RawLoad.CarryOver open() {
            if (opened == null) {
                opened = raw.carryOver(from());
            }
            return opened;
        }

        @Override
        public synchronized void close() {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** Thrown inside a run that finds nothing changed, to end it successfully before any build. */
    private static final class NoChange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoChange() {
            super(null, null, false, false);
        }
    }

    /** Thrown inside a run to stop it at the failed step; its message is the run's one-line cause. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The mutable state of one run. Steps of the build graph run on several threads: recording a step (its
     * task in the store, its result, the listener's callbacks) happens under this object's lock, so the
     * listener is called one callback at a time and steps are recorded in the order they start.
     */
    private final class Execution {
        private final RunId run;
        private final RunListener listener;
        private final List<StepResult> steps = new ArrayList<>();
        private final List<DataLoad> loads = new ArrayList<>();
        private final List<CheckResult> checks = new ArrayList<>();
        private Optional<OrderValidation> validation = Optional.empty();
        private Optional<QualityReport> quality = Optional.empty();
        private Optional<RunMode> mode = Optional.empty();
        private List<CheckResult> recordedChecks = List.of();
        private final Map<SourceTable, KeyChanges> keyChanges = new EnumMap<>(SourceTable.class);
        private Optional<Long> ordersAffected = Optional.empty();
        private final Map<ModelOrigin, Long> modelTables = new EnumMap<>(ModelOrigin.class);
        private Optional<RunReport.CarriedChecks> checksCarried = Optional.empty();

        private final TaskRecorder records;

        Execution(RunId run, RunListener listener) {
            this.run = run;
            this.listener = listener;
            this.records = new TaskRecorder(runs, run);
        }

        List<SourceFile> extract(Path sourceDir) {
            step(StepKind.EXTRACT, "source directory", () -> {
                if (!Files.isDirectory(sourceDir)) {
                    throw new SourceFileProblem("source directory does not exist: " + sourceDir.toAbsolutePath());
                }
                List<String> missing = Arrays.stream(SourceTable.values())
                        .map(SourceTable::fileName)
                        .filter(name -> !Files.exists(sourceDir.resolve(name), LinkOption.NOFOLLOW_LINKS))
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
                    found[0] = SourceInspector.inspectHeader(table, sourceDir);
                    return 0L; // extraction checks the header; the file's bytes are scanned by its load
                });
                files.add(found[0]);
            }
            return files;
        }

        /**
         * Compares the files with their loads in the run that built the published warehouse (nothing, when this
         * pipeline reloads fully or nothing is published), and records the run's mode and fingerprint.
         */
        Changes compare(List<SourceFile> files) {
            Changes[] found = new Changes[1];
            step(StepKind.EXTRACT, "unchanged files", () -> {
                found[0] = new ChangeDetection(warehouse, runs, rules, rejectLimit, fullReload, sourceHashes)
                        .compare(run, files);
                return (long) found[0].unchanged().size() + found[0].reused().size();
            });
            synchronized (this) {
                mode = Optional.of(found[0].mode());
            }
            return found[0];
        }

        /** Records every file of a run where nothing changed as carried over, without copying anything. */
        void unchanged(List<SourceFile> files, Changes changes) {
            RunId from = changes.published().orElseThrow();
            for (SourceFile file : files) {
                DataLoad previous = changes.unchanged().get(file.table());
                step(StepKind.LOAD, file.table().fileName() + " (unchanged)", () -> {
                    DataLoad load = previous.carriedOver(file.path().toString(), from);
                    runs.recordLoad(run, load);
                    synchronized (this) {
                        loads.add(load);
                    }
                    return load.rowsRead();
                });
            }
        }

        /**
         * Copies the raw rows and quarantined rows of an unchanged file from the published warehouse, opened once
         * for every such file of the run ({@code carry}); the counts must be those its load recorded.
         */
        void carry(PublishedCopy carry, SourceFile file, DataLoad previous) {
            RunId from = carry.from();
            step(StepKind.LOAD, file.table().fileName() + " (unchanged)", () -> {
                try (QuarantineWriter quarantine = new QuarantineWriter(runs, run)) {
                    List<QuarantinedRow> first = new ArrayList<>(RejectLimit.REASONS_SHOWN);
                    LoadResult result = carry.open().copy(file.table(), row -> {
                        if (first.size() < RejectLimit.REASONS_SHOWN) {
                            first.add(row);
                        }
                        quarantine.accept(row);
                    });
                    quarantine.flush();
                    if (result.rowsLoaded() != previous.rowsLoaded()
                            || result.rowsQuarantined() != previous.rowsQuarantined()
                            || quarantine.count() != result.rowsQuarantined()) {
                        throw new IllegalStateException(file.table().fileName() + " does not reconcile with its "
                                + "load in run " + from + ": carried over " + result.rowsLoaded() + " rows and "
                                + result.rowsQuarantined() + " quarantined, run " + from + " loaded "
                                + previous.rowsLoaded() + " and quarantined " + previous.rowsQuarantined());
                    }
                    DataLoad load = previous.carriedOver(file.path().toString(), from);
                    runs.recordLoad(run, load);
                    synchronized (this) {
                        loads.add(load);
                    }
                    rejectLimit.check(file.table().fileName(), result, first);
                    return result.rowsRead();
                }
            });
        }

        /**
         * Loads every file, or carries it over when it is unchanged: several at once, largest first, when the run's
         * parallelism allows, otherwise one after the other in contract order. The first failure fails the run once
         * every started load has ended.
         */
        void loadAll(RawLoad raw, List<SourceFile> files, Changes changes) {
            try (PublishedCopy carry = new PublishedCopy(raw, changes.published());
                 PublishedCopy reuse = new PublishedCopy(raw, changes.failed())) {
                loadAll(files, file -> {
                    DataLoad previous = changes.unchanged().get(file.table());
                    DataLoad loadedBefore = changes.reused().get(file.table());
                    if (previous != null) {
                        carry(carry, file, previous);
                        return;
                    }
                    if (loadedBefore != null) {
                        carry(reuse, file, loadedBefore);
                    } else {
                        load(raw, file);
                    }
                    if (changes.published().isPresent()) {
                        compare(carry, file);
                    }
                });
                if (changes.published().isPresent() && changes.unchanged().size() < files.size()) {
                    step(StepKind.LOAD, "orders affected", () -> {
                        long orders = carry.open().ordersAffected();
                        runs.recordOrdersAffected(run, orders);
                        synchronized (this) {
                            ordersAffected = Optional.of(orders);
                        }
                        LOG.info("run {}: {} keys touched, {} orders affected", run,
                                keyChanges().values().stream().mapToLong(KeyChanges::touched).sum(), orders);
                        return orders;
                    });
                }
            }
        }

        /**
         * Compares the raw rows just loaded from a changed file with those of the published warehouse by key, and
         * records the keys new, changed and gone with the file's load.
         */
        void compare(PublishedCopy carry, SourceFile file) {
            step(StepKind.LOAD, file.table().fileName() + " (keys)", () -> {
                KeyChanges found = carry.open().compare(file.table());
                runs.recordKeyChanges(run, file.table().fileName(), found);
                synchronized (this) {
                    keyChanges.put(file.table(), found);
                }
                LOG.info("{}: {} keys new, {} changed, {} gone", file.table().fileName(), found.added(),
                        found.changed(), found.gone());
                return found.touched();
            });
        }

        /** The keys each compared file touched, in contract order. */
        synchronized Map<String, KeyChanges> keyChanges() {
            Map<String, KeyChanges> byFile = new LinkedHashMap<>();
            keyChanges.forEach((table, found) -> byFile.put(table.fileName(), found));
            return byFile;
        }

        private void loadAll(List<SourceFile> files, Consumer<SourceFile> each) {
            int threads = Math.min(parallelism, files.size());
            if (threads <= 1) {
                files.forEach(each);
                return;
            }
            List<SourceFile> largestFirst = files.stream()
                    .sorted(Comparator.comparingLong(SourceFile::sizeBytes).reversed())
                    .toList();
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "load-" + run.value());
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> loads = largestFirst.stream()
                        .<Future<?>>map(file -> pool.submit(() -> each.accept(file)))
                        .toList();
                StepFailed failed = null;
                for (Future<?> load : loads) {
                    try {
                        load.get();
                    } catch (ExecutionException e) {
                        if (failed == null) {
                            failed = e.getCause() instanceof StepFailed step ? step
                                    : new StepFailed(String.valueOf(e.getCause()), e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StepFailed("interrupted while loading the source files", e);
                    }
                }
                if (failed != null) {
                    throw failed;
                }
            } finally {
                pool.shutdownNow();
            }
        }

        void load(RawLoad raw, SourceFile file) {
            step(StepKind.LOAD, file.table().fileName(), () -> {
                try (QuarantineWriter quarantine = new QuarantineWriter(runs, run)) {
                    CompletableFuture<SourceScan> scan = SourceScan.start(file.table(), file.path());
                    List<QuarantinedRow> first = new ArrayList<>(RejectLimit.REASONS_SHOWN);
                    LoadResult result = raw.load(file.table(), file.path(), scan, row -> {
                        if (first.size() < RejectLimit.REASONS_SHOWN) {
                            first.add(row);
                        }
                        quarantine.accept(row);
                    });
                    long records = scan.join().records();
                    SourceFile scanned = file.scanned(scan.join());
                    quarantine.flush();
                    // rows read are the records the scan counts, by the one definition of a record (CsvRecords)
                    if (!result.reconciles() || result.rowsRead() != records
                            || quarantine.count() != result.rowsQuarantined()) {
                        throw new IllegalStateException(file.table().fileName() + " does not reconcile: read "
                                + result.rowsRead() + " (the scan counts " + records + " records), loaded "
                                + result.rowsLoaded() + ", quarantined " + result.rowsQuarantined() + " ("
                                + quarantine.count() + " reported)");
                    }
                    DataLoad load = new DataLoad(file.table().fileName(), file.path().toString(),
                            scanned.sizeBytes(), scanned.sha256(), result.rowsRead(), result.rowsLoaded(),
                            result.rowsQuarantined());
                    runs.recordLoad(run, load);
                    synchronized (this) {
                        loads.add(load);
                    }
                    rejectLimit.check(file.table().fileName(), result, first);
                    if (result.rowsQuarantined() > 0) {
                        LOG.warn("{}", rejectLimit.summary(file.table().fileName(), result.rowsRead(),
                                result.rowsQuarantined()));
                    }
                    return result.rowsRead();
                }
            });
        }

        /** The loads in contract order, however many ran at once. */
        synchronized List<DataLoad> loads() {
            return loads.stream().sorted(Comparator.comparing(OlistPipeline::contractOrder)).toList();
        }

        synchronized void validated(OrderValidation found) {
            validation = Optional.of(found);
            LOG.info("validated {} orders through the domain: {} rule violations {}", found.orders(),
                    found.violations(), found.byRule());
        }

        /** The results of the checks that ran, by rule name. */
        synchronized List<CheckResult> checks() {
            return checks.stream().sorted(Comparator.comparing(result -> result.rule().name())).toList();
        }

        synchronized void reported(QualityReport report, List<CheckResult> recorded) {
            quality = Optional.of(report);
            recordedChecks = List.copyOf(recorded);
        }

        /**
         * Stops the run at its next step once a task record could not be written: the store's failure is thrown as
         * it would have been had the step written its record itself.
         */
        private void requireRecordsWritten() {
            RuntimeException failed = records.failure();
            if (failed != null) {
                throw failed;
            }
        }

        /** Waits until every task record handed over is written, throwing the first that could not be. */
        void flushRecords() {
            records.flush();
        }

        /** Takes no more task records; those handed over are still written. */
        void closeRecords() {
            records.close();
        }

        synchronized RunReport report(RunStatus status, Optional<String> failure, Duration took) {
            return new RunReport(run, status, steps, loads(), validation, quality, recordedChecks, failure,
                    warehouse.location(), took, mode, keyChanges(), ordersAffected, modelTables, checksCarried);
        }

        /** Records that {@code rules} rules keep the measurements of run {@code from}, their tables unchanged. */
        synchronized void checksCarried(int rules, RunId from) {
            checksCarried = Optional.of(new RunReport.CarriedChecks(rules, from));
        }

        /** Counts the model tables by how each came about, once the build graph has run to its end. */
        synchronized void modelTables(Map<String, ModelOrigin> origins) {
            origins.values().forEach(origin -> modelTables.merge(origin, 1L, Long::sum));
            LOG.info("run {}: model tables {}", run, modelTables);
        }

        /**
         * Runs one step as a recorded task; safe to call from several threads at once. A failure is recorded and
         * ends the run: it is rethrown as {@link StepFailed} with the run's one-line cause.
         */
        long step(StepKind kind, String name, Work work) {
            requireRecordsWritten();
            TaskRecorder.Task task;
            int slot;
            synchronized (this) {
                listener.stepStarted(kind, name);
                task = records.start(kind.taskName(name), kind.code(), clock.instant());
                slot = steps.size();
                steps.add(null);
            }
            long t0 = System.nanoTime();
            long rows;
            try {
                rows = work.run();
            } catch (Exception e) {
                String cause = oneLine(kind, name, e);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                finished(task, slot, new StepResult(kind, name, TaskStatus.FAILED, 0, took, Optional.of(cause)));
                LOG.debug("step {} failed", kind.taskName(name), e);
                throw new StepFailed(cause, e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            finished(task, slot, new StepResult(kind, name, TaskStatus.SUCCESS, rows, took, Optional.empty()));
            LOG.info("{}: {} rows in {} ms", kind.taskName(name), rows, took.toMillis());
            return rows;
        }

        /**
         * Runs the checks of several rules as one task per rule, the tasks recorded together: started at once
         * before the work, finished at once after it, each with its rule's rows checked and time. Safe to call from
         * several threads at once. A failure of the work fails every task and ends the run, as {@link #step} does.
         *
         * @return the rows checked, over all the rules
         */
        long checks(List<QualityRule> batch, Callable<List<CheckResult>> work) {
            requireRecordsWritten();
            List<String> names = batch.stream().map(QualityRule::name).toList();
            List<TaskRecorder.Task> tasks;
            int slot;
            synchronized (this) {
                names.forEach(name -> listener.stepStarted(StepKind.CHECK, name));
                tasks = records.start(names.stream().map(StepKind.CHECK::taskName).toList(),
                        StepKind.CHECK.code(), clock.instant());
                slot = steps.size();
                names.forEach(name -> steps.add(null));
            }
            long t0 = System.nanoTime();
            List<CheckResult> results;
            try {
                results = work.call();
            } catch (Exception e) {
                String cause = oneLine(StepKind.CHECK, names.get(0), e);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                finished(tasks, slot, names.stream().map(name -> new StepResult(StepKind.CHECK, name, TaskStatus.FAILED,
                        0, took, Optional.of(cause))).toList());
                LOG.debug("checks {} failed", names, e);
                throw new StepFailed(cause, e);
            }
            List<StepResult> done = results.stream().map(result -> new StepResult(StepKind.CHECK, result.rule().name(),
                    TaskStatus.SUCCESS, result.rowsChecked(), result.elapsed(), Optional.<String>empty())).toList();
            synchronized (this) {
                checks.addAll(results);
            }
            finished(tasks, slot, done);
            done.forEach(step -> LOG.info("{}: {} rows in {} ms", StepKind.CHECK.taskName(step.name()), step.rows(),
                    step.duration().toMillis()));
            return done.stream().mapToLong(StepResult::rows).sum();
        }

        private synchronized void finished(List<TaskRecorder.Task> tasks, int slot, List<StepResult> results) {
            Instant now = clock.instant();
            List<TaskRecorder.End> ends = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                StepResult result = results.get(i);
                ends.add(new TaskRecorder.End(tasks.get(i), result.status(), now, result.rows(),
                        result.error().orElse(null)));
            }
            records.finish(ends);
            for (int i = 0; i < results.size(); i++) {
                steps.set(slot + i, results.get(i));
                listener.stepFinished(results.get(i));
            }
        }

        private synchronized void finished(TaskRecorder.Task task, int slot, StepResult result) {
            records.finish(List.of(new TaskRecorder.End(task, result.status(), clock.instant(), result.rows(),
                    result.error().orElse(null))));
            steps.set(slot, result);
            listener.stepFinished(result);
        }
    }

    private static int contractOrder(DataLoad load) {
        return SourceTable.byFileName(load.sourceFile()).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    /** The one-line cause of a failed step: what failed, then why, on one line. */
    static String oneLine(StepKind kind, String name, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String cause = e instanceof SourceFileProblem || e instanceof PublishBlocked
                ? message : kind.code() + " " + name + " failed: " + message;
        cause = cause.replaceAll("\\s*\\R\\s*", " ").strip();
        return cause.length() <= MAX_CAUSE_LENGTH ? cause : cause.substring(0, MAX_CAUSE_LENGTH - 3) + "...";
    }
}
