package org.olistdw.domain.quality;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much a failing rule matters. A failed {@link #CRITICAL} rule blocks publishing: the run fails and
 * readers keep the previous warehouse. Failures of the other severities are recorded as warnings and the
 * run publishes.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used in files and in the store, e.g. {@code critical}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a failure of this severity stops the build from being published. */
    public boolean blocksPublishing() {
        return this == CRITICAL;
    }

    /** The severity whose {@link #code()} is {@code code}. */
    public static Severity ofCode(String code) {
        return Arrays.stream(values()).filter(severity -> severity.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity '" + code + "' (expected one of "
                        + Arrays.stream(values()).map(Severity::code).toList() + ")"));
    }
}
