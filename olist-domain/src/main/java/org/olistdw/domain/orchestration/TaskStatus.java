package org.olistdw.domain.orchestration;

/** Lifecycle of one task execution; stored in lower case. */
public enum TaskStatus {
    PENDING, RUNNING, SUCCESS, FAILED, SKIPPED;

    /** The stored spelling, e.g. {@code success}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
