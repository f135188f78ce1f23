package org.olistdw.domain.orchestration;

/** Identity of a pipeline run, as assigned by the operational store. */
public record RunId(long value) {
    public RunId {
        if (value <= 0) {
            throw new IllegalArgumentException("run id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
