package org.olistdw.pipeline;

import org.olistdw.domain.orchestration.RunId;

/**
 * Receives progress of a run as it happens, e.g. to show it on a console. Steps of the build graph run on
 * several threads, so callbacks may come from different threads, but never two at once: the pipeline makes
 * them one at a time (each after the previous one has returned), so a listener needs no locking of its own.
 * Several steps may be running between a {@link #stepStarted} and its {@link #stepFinished}. Callbacks must
 * return quickly.
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
