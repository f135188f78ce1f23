package org.olistdw.pipeline.build;

/** How a model's table came about in a build ({@link SqlModels#origins()}). */
public enum ModelOrigin {
    /** Built by its statement from the tables it reads. */
    BUILT,
    /** Kept as the published warehouse holds it: the same statement over the same, unchanged inputs. */
    KEPT,
    /** The published warehouse's table with the rows of the run's scope (the orders its changes reach) rebuilt. */
    PATCHED
}
