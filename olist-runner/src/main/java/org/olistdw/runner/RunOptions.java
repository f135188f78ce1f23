package org.olistdw.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import org.olistdw.pipeline.OlistPipeline;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.RejectLimit;
import org.olistdw.pipeline.gate.Acceptance;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What one run is given: the source, the warehouse, DuckDB's resources, the reject limit, version keeping, the
 * lock's lease and the gates accepted. A picocli mixin of {@code olist run} and {@code olist schedule}, whose
 * every attempt is such a run.
 */
final class RunOptions {

    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "Directory holding the nine Olist CSV files.")
    Path source;

    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "The published DuckDB warehouse file (default: <work-dir>/warehouse.duckdb).")
    Path warehouseFile;

    @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = "4GB",
            description = "DuckDB memory limit; work beyond it spills to <work-dir>/tmp (default: ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Option(names = "--threads", paramLabel = "N", description = "DuckDB threads (default: the cores less the"
            + " other nodes of --parallelism, at least 1: each node's query runs on its own thread too).")
    Integer threads;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + OlistPipeline.DEFAULT_PARALLELISM,
            description = "Models, steps and checks of the build graph run at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--max-reject-percent", paramLabel = "P", defaultValue = "1",
            description = "Largest share of a file's rows the load may quarantine, 0..100; more fails the run"
                    + " (default: ${DEFAULT-VALUE}).")
    double maxRejectPercent;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "" + PublishedVersions.DEFAULT_KEEP,
            description = "Warehouses to keep, the published one included: publishing keeps the one it replaces "
                    + "under <warehouse>.versions/ and deletes older ones (default: ${DEFAULT-VALUE}; 1 keeps none).")
    int keepVersions;

    @Option(names = "--lock-lease", paramLabel = "SECONDS", defaultValue = "60",
            description = "The run's lock on the warehouse lasts this long unless renewed (every quarter of it); a run"
                    + " killed while holding it blocks others this long at most (default: ${DEFAULT-VALUE}).")
    long lockLease;

    @Option(names = Acceptance.ACCEPT_VOLUME_DROP,
            description = "Publish even when a source file is empty or loaded more than the tolerated share fewer rows"
                    + " than in the latest successful run (recorded as accepted).")
    boolean acceptVolumeDrop;

    @Option(names = Acceptance.ACCEPT_DRIFT,
            description = "Publish even when key figures of months the published warehouse had closed change beyond"
                    + " the tolerance (recorded as accepted).")
    boolean acceptDrift;

    @Option(names = "--full",
            description = "Read every source file and build the whole warehouse, even what is unchanged since the"
                    + " published warehouse was built.")
    boolean full;

    /**
     * Checks what picocli cannot: the ranges of the numbers.
     *
     * @throws ParameterException naming the option
     */
    void check(CommandSpec spec) {
        if (keepVersions < 1) {
            throw new ParameterException(spec.commandLine(), "--keep-versions must be at least 1 (the published "
                    + "warehouse itself), was " + keepVersions);
        }
        if (!(maxRejectPercent >= 0 && maxRejectPercent <= 100)) {
            throw new ParameterException(spec.commandLine(),
                    "--max-reject-percent must be 0..100, was " + maxRejectPercent);
        }
    }

    /** The largest share of a file's rows the load may quarantine. */
    RejectLimit rejectLimit() {
        return RejectLimit.ofPercent(maxRejectPercent);
    }

    /** The gates the run may pass knowingly. */
    Acceptance acceptance() {
        return new Acceptance(acceptVolumeDrop, acceptDrift);
    }

    /** DuckDB's spill directory under {@code workDir}. */
    static Path tempDir(Path workDir) {
        return workDir.resolve("tmp").toAbsolutePath();
    }

    /**
     * The published warehouse's canonical path (the option's, else {@code <work-dir>/warehouse.duckdb}), creating
     * its directory and the spill directory.
     *
     * @throws EnvironmentProblem when a directory cannot be created
     */
    Path published(Path workDir) {
        Path published = (warehouseFile != null ? warehouseFile : workDir.resolve("warehouse.duckdb")).toAbsolutePath();
        try {
            Files.createDirectories(published.getParent());
            Files.createDirectories(tempDir(workDir));
        } catch (java.io.IOException e) {
            throw new EnvironmentProblem("cannot create " + e.getMessage(), e);
        }
        return Wiring.canonical(published);
    }
}
