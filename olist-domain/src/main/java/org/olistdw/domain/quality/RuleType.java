package org.olistdw.domain.quality;

import java.util.Arrays;
import java.util.Locale;

/** The quality dimension a rule measures. */
public enum RuleType {
    COMPLETENESS, ACCURACY, CONSISTENCY, TIMELINESS, VALIDITY, UNIQUENESS;

    /** The lower-case name used in files and in the store, e.g. {@code completeness}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type whose {@link #code()} is {@code code}. */
    public static RuleType ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule type '" + code + "' (expected one of "
                        + Arrays.stream(values()).map(RuleType::code).toList() + ")"));
    }
}
