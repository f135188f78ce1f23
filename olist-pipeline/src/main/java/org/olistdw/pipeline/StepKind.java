package org.olistdw.pipeline;

import java.util.Locale;

/** The kinds of step a run is made of, in the order they run. */
public enum StepKind {
    EXTRACT, LOAD, TRANSFORM, CHECK, PUBLISH;

    /** The stored spelling, e.g. {@code load}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
