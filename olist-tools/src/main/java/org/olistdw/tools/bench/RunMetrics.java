package org.olistdw.tools.bench;

import java.nio.file.Path;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;
import org.olistdw.runner.RunExtension;
import picocli.CommandLine.Option;

/**
 * The hidden {@code olist run --metrics FILE} that {@code olist bench} runs its pipeline processes with: the
 * run's per-step process metrics ({@link StepMetrics}) are written to the file as JSON when the run ends,
 * with the size of the published warehouse. Without the option, a run is not measured.
 */
public final class RunMetrics implements RunExtension {

    @Option(names = "--metrics", paramLabel = "FILE", hidden = true,
            description = "Writes per-step process metrics (wall, CPU, peak RSS, rows) as JSON, for olist bench.")
    private Path file;

    private StepMetrics metrics;

    /** Starts measuring the run when {@code --metrics} is given. */
    @Override
    public RunListener beginRun() {
        metrics = file != null ? new StepMetrics() : null;
        return metrics != null ? metrics : RunListener.silent();
    }

    /**
     * Writes what was measured to the {@code --metrics} file, if one was given.
     *
     * @throws org.olistdw.runner.EnvironmentProblem when the file cannot be written
     */
    @Override
    public void endRun(RunReport report, Path warehouse) {
        if (metrics != null) {
            metrics.write(file, StepMetrics.sizeOrZero(warehouse));
        }
    }
}
