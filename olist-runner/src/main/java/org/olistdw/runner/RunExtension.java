package org.olistdw.runner;

import java.nio.file.Path;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.RunReport;

/**
 * Something a distribution adds to {@code olist run} (see {@link OlistCommandLine.Builder#runExtension}).
 *
 * <p>The object is added to the run command as a picocli mixin, so its {@code @Option} fields are options of
 * {@code olist run} (a hidden option stays out of the help). For each run the command calls
 * {@link #beginRun()} once before the run starts, passes every callback of the run to the returned listener
 * after the console's progress, and calls {@link #endRun} once the run has ended, whether it succeeded or
 * failed, before the report is printed. An exception from either method ends the command like any other:
 * an {@link EnvironmentProblem} with exit code 3, anything else with exit code 1.
 */
public interface RunExtension {

    /**
     * A run is about to start: returns the listener that follows this run's steps, or
     * {@link RunListener#silent()} when the options given ask for nothing.
     */
    RunListener beginRun();

    /**
     * The run ended.
     *
     * @param report    what the run did, succeeded or not
     * @param warehouse the warehouse file the run publishes to (unchanged, or absent, when it failed)
     */
    void endRun(RunReport report, Path warehouse);
}
