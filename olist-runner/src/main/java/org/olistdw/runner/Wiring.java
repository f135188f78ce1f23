package org.olistdw.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.ScheduledAttempts;
import org.olistdw.domain.orchestration.WarehouseLocks;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.security.AuditLog;
import org.olistdw.domain.security.Users;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.OpsStoreUnavailableException;
import org.olistdw.ops.postgres.PostgresOps;
import org.olistdw.ops.postgres.RunSummary;
import org.olistdw.pipeline.Futures;
import org.olistdw.pipeline.OlistPipeline;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.quality.RuleCatalog;
import org.olistdw.serving.DashboardServer;
import org.olistdw.serving.PseudonymisationKey;
import org.olistdw.serving.ServingSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's bootstrap: the one place that chooses and connects the adapters. Its steps, in order:
 * <ol>
 *   <li>connect the operational store: an external PostgreSQL when a URL is given, else the embedded one
 *       under the working directory, started here or, for a run, taken from {@link StartAhead} (its migrations
 *       run on connect);</li>
 *   <li>settle the runs left running by processes that are gone ({@link #reconcile}): as successful when
 *       the published warehouse is their build, else as cancelled (embedded store, which this process holds
 *       alone) or abandoned (external store, where a run is gone when its lock's lease ran out);</li>
 *   <li>for the commands that use the quality rules ({@link #connectWithShippedRules}), seed the shipped rule
 *       catalogue: new shipped rules are added and changed definitions updated, while each rule's active flag
 *       and threshold stay as people set them;</li>
 *   <li>for a run, take the lock on its warehouse ({@link #lock}), open the analytical store and assemble the
 *       pipeline over both stores ({@link #pipeline}).</li>
 * </ol>
 * JDBI and the store's repositories are set up on a thread of their own while PostgreSQL starts, and so is the
 * shipped rule catalogue read; for a run ({@link #connectForRun}), DuckDB's native library loads meanwhile too.
 * The accessors only return what these steps connected.
 */
final class Wiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    /**
     * How to reach the operational store's server, for a child process or a second database on it.
     *
     * @param url      JDBC URL of the operational database
     * @param user     login
     * @param password password, may be null
     */
    record Endpoint(String url, String user, String password) {
    }

    private final LocalPostgres embedded;
    private final PostgresOps ops;
    private final Endpoint endpoint;

    private Wiring(LocalPostgres embedded, PostgresOps ops, Endpoint endpoint) {
        this.embedded = embedded;
        this.ops = ops;
        this.endpoint = endpoint;
    }

    /** Steps 1 and 2: connects the operational store, starting the embedded PostgreSQL when no URL is given. */
    static Wiring connect(Path workDir, OpsOptions options) {
        long began = System.nanoTime();
        PostgresOps.warmUp();
        Wiring wiring = connectOps(workDir, options);
        LOG.info("operational store ready in {} ms", (System.nanoTime() - began) / 1_000_000);
        return wiring;
    }

    private static Wiring connectOps(Path workDir, OpsOptions options) {
        if (options.url != null && !options.url.isBlank()) {
            Wiring wiring;
            try {
                wiring = new Wiring(null, PostgresOps.connect(options.url, options.user, options.password),
                        new Endpoint(options.url, options.user, options.password));
            } catch (OpsStoreUnavailableException e) {
                throw new EnvironmentProblem(e.getMessage(), e);
            }
            try {
                wiring.reconcile(null);
                return wiring;
            } catch (RuntimeException e) {
                wiring.close();
                throw new EnvironmentProblem(Console.oneLine(e), e);
            }
        }
        Path dataDir = StartAhead.dataDirectoryOf(workDir);
        LocalPostgres local;
        try {
            Files.createDirectories(workDir);
            local = StartAhead.take(dataDir).orElseGet(() -> LocalPostgres.start(dataDir));
        } catch (OpsStoreUnavailableException e) {
            throw new EnvironmentProblem(e.getMessage(), e);
        } catch (Exception e) {
            throw new EnvironmentProblem("cannot start the embedded PostgreSQL in " + dataDir + ": "
                    + Console.oneLine(e), e);
        }
        LOG.info("embedded PostgreSQL running from {}", dataDir);
        PostgresOps ops;
        try {
            ops = PostgresOps.connect(local.jdbcUrl(), local.user(), local.password());
        } catch (RuntimeException e) {
            local.close();
            throw new EnvironmentProblem(Console.oneLine(e), e);
        }
        Wiring wiring = new Wiring(local, ops, new Endpoint(local.jdbcUrl(), local.user(), local.password()));
        try {
            ops.warehouseLocks().releaseAll();
            wiring.reconcile(null);
            return wiring;
        } catch (RuntimeException e) {
            wiring.close();
            throw new EnvironmentProblem(Console.oneLine(e), e);
        }
    }

    /**
     * Starts the embedded PostgreSQL in {@code dataDirectory}, with the store's warm-up beside it: for
     * {@link StartAhead}, whose thread calls this.
     */
    static LocalPostgres startEmbedded(Path dataDirectory) {
        PostgresOps.warmUp();
        DuckDbWarehouse.warmUp();
        return LocalPostgres.start(dataDirectory);
    }

    /** Steps 1 to 3: connects the operational store, then seeds the shipped quality rules into it. */
    static Wiring connectWithShippedRules(Path workDir, OpsOptions options) {
        CompletableFuture<List<QualityRule>> shipped = CompletableFuture.supplyAsync(RuleCatalog::shipped);
        Wiring wiring = connect(workDir, options);
        try {
            int added = wiring.ops.qualityRules().seed(Futures.join(shipped));
            if (added > 0) {
                LOG.info("seeded {} new quality rules from the shipped catalogue", added);
            }
            return wiring;
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    /**
     * Steps 1 to 3 for a run: as {@link #connectWithShippedRules}, with DuckDB's native library loading meanwhile
     * on a thread of its own, so that the first build finds it loaded.
     */
    static Wiring connectForRun(Path workDir, OpsOptions options) {
        DuckDbWarehouse.warmUp();
        return connectWithShippedRules(workDir, options);
    }

    /**
     * DuckDB's threads for a run: {@code requested} when given ({@code --threads}), otherwise the cores that the
     * build graph's other {@code parallelism - 1} sessions leave (see {@link DuckDbSettings#threadsBeside}).
     */
    static int duckDbThreads(Integer requested, int parallelism) {
        return requested != null ? requested : DuckDbSettings.threadsBeside(parallelism);
    }

    /**
     * Step 4: opens the analytical store publishing to {@code published} and assembles the pipeline over it and
     * the operational store. Connect with {@link #connectWithShippedRules} first, so the run checks every rule.
     *
     * @param memoryLimit DuckDB's memory limit, e.g. {@code 4GB}
     * @param threads     DuckDB's worker threads
     * @param tempDir     where DuckDB spills work beyond its memory limit
     * @param parallelism how many nodes of the build graph run at once
     * @param keepVersions how many warehouses a publish keeps, the published one included
     * @param lease       the run's lock on {@code published}: its builds publish only while it holds
     * @param clock       where the run takes its start (its as-of time) and its recorded times from
     */
    OlistPipeline pipeline(Path published, String memoryLimit, int threads, Path tempDir, int parallelism,
                           int keepVersions, WarehouseLease lease, Clock clock) {
        Warehouse warehouse = lease.guard(DuckDbWarehouse.open(published,
                new DuckDbSettings(memoryLimit, threads, tempDir, DuckDbSettings.defaults(tempDir).modelRoot()),
                keepVersions));
        return new OlistPipeline(warehouse, ops.pipelineRuns(), ops.qualityRules(), ops.qualityResults(),
                clock, parallelism);
    }

    /**
     * The environment problem {@code failure} is or shows, if any: an {@link EnvironmentProblem} itself, or the
     * operational store lost while a command used it (a run that loses PostgreSQL part-way cannot record how it
     * ended, which is a problem of the environment, not of the run's data).
     */
    static Optional<EnvironmentProblem> environmentProblem(Throwable failure) {
        if (failure instanceof EnvironmentProblem problem) {
            return Optional.of(problem);
        }
        return OpsStoreUnavailableException.lostConnection(failure)
                .map(lost -> new EnvironmentProblem(lost.getMessage(), failure));
    }

    /**
     * The warehouse published at {@code published} and the versions kept beside it; needs no operational store.
     */
    static PublishedVersions versions(Path published) {
        return DuckDbWarehouse.versions(published);
    }

    /**
     * The dashboards over the warehouse published at {@code published}, served on {@code bind}:{@code port} to the
     * users of the operational store who log in, their actions recorded in its audit trail.
     *
     * @param idleTimeout how long an unused session lasts
     * @param keyFile     the pseudonymisation key, created on first use
     */
    DashboardServer dashboards(Path published, String bind, int port, Duration idleTimeout, Path keyFile) {
        try {
            return DashboardServer.startWithLogIn(published, bind, port,
                    ServingSecurity.of(ops.users(), ops.auditLog(), ops.operationalReads(), ops.qualityRules(),
                            idleTimeout, PseudonymisationKey.load(keyFile)));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) {
                    throw new EnvironmentProblem("cannot listen on " + bind + ":" + port + ": " + cause.getMessage(), e);
                }
            }
            throw e;
        }
    }

    /** The audit trail of the operational store. */
    AuditLog auditLog() {
        return ops.auditLog();
    }

    /** The users and roles of the operational store. */
    Users users() {
        return ops.users();
    }

    /**
     * The canonical location of a published warehouse file, the key of its lock: the real path of its directory,
     * which must exist, and its file name.
     */
    static Path canonical(Path published) {
        Path absolute = published.toAbsolutePath();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (java.io.IOException e) {
            throw new EnvironmentProblem("cannot resolve the directory of " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the lock on the warehouse published at {@code published} (a {@linkplain #canonical canonical} path)
     * for a run, then settles the runs it finds dead on it, as at connect.
     *
     * @throws EnvironmentProblem naming the holder when another run holds it
     */
    WarehouseLease lock(Path published, Duration lease) {
        WarehouseLease held = WarehouseLease.acquire(ops.warehouseLocks(), published.toString(), lease);
        try {
            reconcile(held.token());
            return held;
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /**
     * Settles the runs recorded as running whose process is gone, by what is actually published. With the embedded
     * store, which one process holds at a time, that is every run recorded as running; with an external one, each
     * run no live lease covers (other than {@code token}'s, the caller's own, whose run has not started). Such a run
     * is a success when the warehouse it was building is published and records it as its run (it died after its
     * publish); otherwise it is cancelled (embedded) or abandoned (external), naming its last started step.
     */
    private void reconcile(String token) {
        boolean exclusive = embedded != null;
        WarehouseLocks locks = ops.warehouseLocks();
        for (WarehouseLocks.DeadRun dead : locks.deadRuns(token, exclusive)) {
            boolean published = dead.warehouse().flatMap(Wiring::publishedRun).filter(dead.run()::equals).isPresent();
            RunStatus status = published ? RunStatus.SUCCESS : exclusive ? RunStatus.CANCELLED : RunStatus.ABANDONED;
            String reason = published ? null
                    : (exclusive ? "interrupted: the process ended before the run finished"
                            : "abandoned: the process stopped renewing its lock on the warehouse before the run finished")
                    + "; last step: " + dead.lastStep().orElse("none");
            if (locks.settle(dead.run(), status, Instant.now(), reason)) {
                LOG.warn("run {} was left running and is now recorded as {}{}", dead.run(), status.code(),
                        published ? ": the published warehouse " + dead.warehouse().orElseThrow() + " is its build"
                                : " (" + reason + ")");
            }
        }
    }

    /** The run the warehouse at {@code location} records as its build, read-only; empty when that cannot be told. */
    private static Optional<RunId> publishedRun(String location) {
        try {
            return DuckDbWarehouse.publishedRun(Path.of(location));
        } catch (RuntimeException e) {
            LOG.warn("cannot tell which run published {}: {}", location, Console.oneLine(e));
            return Optional.empty();
        }
    }

    /** Where the operational store is, embedded or external. */
    Endpoint endpoint() {
        return endpoint;
    }

    /** The quality rules as the store holds them. */
    QualityRules qualityRules() {
        return ops.qualityRules();
    }

    /** Where each run's check results and quality report are kept. */
    QualityResults qualityResults() {
        return ops.qualityResults();
    }

    /** The attempts of scheduled runs. */
    ScheduledAttempts scheduledAttempts() {
        return ops.scheduledAttempts();
    }

    /** Recent runs with the totals of their tasks and loads, newest first. */
    List<RunSummary> runSummaries(int limit) {
        return ops.runSummaries(limit);
    }

    @Override
    public void close() {
        try {
            ops.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
