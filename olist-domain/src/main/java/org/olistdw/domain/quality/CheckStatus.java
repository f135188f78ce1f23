package org.olistdw.domain.quality;

import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of one rule in one run: {@link #PASS} within its threshold; beyond it, {@link #FAIL} for a
 * critical rule and {@link #WARN} for the others; {@link #ERROR} when the check itself could not run,
 * which counts as a failure of the rule's severity.
 */
public enum CheckStatus {
    PASS, WARN, FAIL, ERROR;

    /** The lower-case name used in the store, e.g. {@code pass}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose {@link #code()} is {@code code}. */
    public static CheckStatus ofCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown check status '" + code + "'"));
    }
}
