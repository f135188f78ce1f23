package org.olistdw.pipeline;

import java.util.Locale;

/**
 * The kinds of step a run is made of, in the order they first run: the validation steps (orders through the
 * domain's aggregate, customers through its segmentation) run between the core models and the marts.
 */
public enum StepKind {
    EXTRACT, LOAD, TRANSFORM, VALIDATE, CHECK, PUBLISH;

    /** The stored spelling, e.g. {@code load}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
