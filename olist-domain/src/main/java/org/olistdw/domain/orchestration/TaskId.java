package org.olistdw.domain.orchestration;

/** Identity of one task execution within a run. */
public record TaskId(long value) {
    public TaskId {
        if (value <= 0) {
            throw new IllegalArgumentException("task id must be positive, was " + value);
        }
    }
}
