package org.olistdw.pipeline;

import java.util.Locale;

/**
 * The kinds of step a run is made of: extracting and loading the sources, then the nodes of the build graph
 * (SQL models transform, Java steps validate through the domain, quality rules check), then the quality gate
 * and publishing.
 */
public enum StepKind {
    EXTRACT, LOAD, TRANSFORM, VALIDATE, CHECK, PUBLISH;

    /** The stored spelling, e.g. {@code load}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The name under which a step of this kind called {@code name} is recorded as a task, e.g.
     * {@code transform:core.dim_customer}: the one place task names are made.
     */
    public String taskName(String name) {
        return code() + ":" + name;
    }
}
