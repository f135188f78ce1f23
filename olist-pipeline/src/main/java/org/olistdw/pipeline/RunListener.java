package org.olistdw.pipeline;

import org.olistdw.domain.orchestration.RunId;

/**
 * Receives progress of a run as it happens, e.g. to show it on a console. Callbacks come from the
 * thread running the pipeline and must return quickly.
 */
public interface RunListener {

    /** The run was recorded and is about to start its first step. */
    default void runStarted(RunId run, int steps) {
    }

    /** A step is starting. */
    default void stepStarted(StepKind kind, String name) {
    }

    /** A step ended, successfully or not. */
    default void stepFinished(StepResult result) {
    }

    /** A listener that ignores everything. */
    static RunListener silent() {
        return new RunListener() {
        };
    }
}
