package org.olistdw.domain.orchestration;

/**
 * Lifecycle of a pipeline run; stored in lower case. {@link #CANCELLED} is a run cut short that the embedded
 * store found left running when it started; {@link #ABANDONED} a run whose process stopped renewing its lock on
 * the warehouse (killed, or cut off from the store) without finishing, as the next command found it.
 */
public enum RunStatus {
    RUNNING, SUCCESS, FAILED, CANCELLED, ABANDONED;

    /** The stored spelling, e.g. {@code success}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
