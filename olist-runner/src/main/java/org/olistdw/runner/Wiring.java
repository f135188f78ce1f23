package org.olistdw.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.OpsStoreUnavailableException;
import org.olistdw.ops.postgres.PostgresOps;
import org.olistdw.ops.postgres.RunSummary;
import org.olistdw.pipeline.quality.RuleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that chooses and connects the adapters: the operational store (an external PostgreSQL
 * when a URL is given, else the embedded one under the working directory).
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

    /** Connects the operational store, starting the embedded PostgreSQL when no URL is given. */
    static Wiring connect(Path workDir, OpsOptions options) {
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
            // This process holds the embedded store alone, so a run still marked running was cut short.
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

    /** Where the operational store is, embedded or external. */
    Endpoint endpoint() {
        return endpoint;
    }

    PipelineRuns pipelineRuns() {
        return ops.pipelineRuns();
    }

    /**
     * The quality rules, with the shipped catalogue seeded first: new shipped rules are added and changed
     * definitions updated, while each rule's active flag and threshold stay as people set them.
     */
    QualityRules qualityRules() {
        QualityRules rules = ops.qualityRules();
        int added = rules.seed(RuleCatalog.shipped());
        if (added > 0) {
            LOG.info("seeded {} new quality rules from the shipped catalogue", added);
        }
        return rules;
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
