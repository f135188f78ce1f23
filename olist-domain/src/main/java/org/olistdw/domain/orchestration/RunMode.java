package org.olistdw.domain.orchestration;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much of its work a run did again, by what changed since the warehouse it started from was built.
 */
public enum RunMode {
    /** Every source file read and loaded, the whole warehouse built. */
    FULL,
    /** Some source files unchanged and carried over from the published warehouse, the warehouse built again. */
    INCREMENTAL,
    /** No source file, model or rule changed: nothing loaded or built, the published warehouse kept as it is. */
    NO_CHANGE;

    /** The stored spelling, e.g. {@code no_change}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode stored as {@code code}. */
    public static RunMode fromCode(String code) {
        return Arrays.stream(values()).filter(mode -> mode.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run mode: " + code));
    }
}
