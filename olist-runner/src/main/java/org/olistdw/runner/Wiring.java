package org.olistdw.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.security.AuditLog;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.OpsStoreUnavailableException;
import org.olistdw.ops.postgres.PostgresOps;
import org.olistdw.ops.postgres.RunSummary;
import org.olistdw.pipeline.OlistPipeline;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.quality.RuleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's bootstrap: the one place that chooses and connects the adapters. Its steps, in order:
 * <ol>
 *   <li>connect the operational store: an external PostgreSQL when a URL is given, else the embedded one
 *       under the working directory, started here (its migrations run on connect);</li>
 *   <li>with the embedded store, which this process holds alone, record the runs still marked running as
 *       cancelled: they were cut short;</li>
 *   <li>for the commands that use the quality rules ({@link #connectWithShippedRules}), seed the shipped rule
 *       catalogue: new shipped rules are added and changed definitions updated, while each rule's active flag
 *       and threshold stay as people set them;</li>
 *   <li>for a run, open the analytical store and assemble the pipeline over both stores ({@link #pipeline}).</li>
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
            try {
                return new Wiring(null, PostgresOps.connect(options.url, options.user, options.password),
                        new Endpoint(options.url, options.user, options.password));
            } catch (OpsStoreUnavailableException e) {
                throw new EnvironmentProblem(e.getMessage(), e);
            }
        }
        Path dataDir = workDir.resolve("postgres").toAbsolutePath();
        LocalPostgres local;
        try {
            Files.createDirectories(workDir);
            local = LocalPostgres.start(dataDir);
        } catch (OpsStoreUnavailableException e) {
            throw new EnvironmentProblem(e.getMessage(), e);
        } catch (Exception e) {
            throw new EnvironmentProblem("cannot start the embedded PostgreSQL in " + dataDir + ": "
                    + Console.oneLine(e), e);
        }
        LOG.info("embedded PostgreSQL running from {}", dataDir);
        try {
            PostgresOps ops = PostgresOps.connect(local.jdbcUrl(), local.user(), local.password());
            List<RunId> interrupted = ops.pipelineRuns().cancelInterrupted(Instant.now(),
                    "interrupted: the process ended before the run finished");
            if (!interrupted.isEmpty()) {
                LOG.warn("runs {} were interrupted and are now recorded as cancelled", interrupted);
            }
            return new Wiring(local, ops, new Endpoint(local.jdbcUrl(), local.user(), local.password()));
        } catch (RuntimeException e) {
            local.close();
            throw new EnvironmentProblem(Console.oneLine(e), e);
        }
    }

    /** Steps 1 to 3: connects the operational store, then seeds the shipped quality rules into it. */
    static Wiring connectWithShippedRules(Path workDir, OpsOptions options) {
        CompletableFuture<List<QualityRule>> shipped = CompletableFuture.supplyAsync(RuleCatalog::shipped);
        Wiring wiring = connect(workDir, options);
        try {
            int added = wiring.ops.qualityRules().seed(joined(shipped));
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

    /** The value of a finished computation, or the failure it threw, as thrown. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
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
     */
    OlistPipeline pipeline(Path published, String memoryLimit, int threads, Path tempDir, int parallelism,
                           int keepVersions) {
        Warehouse warehouse = DuckDbWarehouse.open(published,
                new DuckDbSettings(memoryLimit, threads, tempDir, DuckDbSettings.defaults(tempDir).modelRoot()),
                keepVersions);
        return new OlistPipeline(warehouse, ops.pipelineRuns(), ops.qualityRules(), ops.qualityResults(),
                Clock.systemUTC(), parallelism);
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

    /** The audit trail of the operational store. */
    AuditLog auditLog() {
        return ops.auditLog();
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
