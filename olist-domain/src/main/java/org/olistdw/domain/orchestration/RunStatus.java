package org.olistdw.domain.orchestration;

/** Lifecycle of a pipeline run; stored in lower case. */
public enum RunStatus {
    RUNNING, SUCCESS, FAILED, CANCELLED;

    /** The stored spelling, e.g. {@code success}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
