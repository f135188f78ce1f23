package org.olistdw.pipeline.source;

import java.util.Locale;
import java.util.Optional;

/**
 * The control characters a source field must not hold: every C0 control but tab, line feed and carriage return
 * (the line breaks of a quoted text), DEL and the C1 controls. A field holding one is quarantined; wherever its
 * text is shown (a reason, a quarantined row's raw text) each such character is written visibly, {@code \0} for
 * NUL and {@code \xNN} for the others, never dropped or replaced silently.
 */
public final class ControlCharacters {

    /** The same characters as a regular expression class, for Java and DuckDB (RE2) alike. */
    public static final String REGEX_CLASS = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]";

    private ControlCharacters() {
    }

    /** Whether {@code c} is one of the control characters a field must not hold. */
    public static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * What is wrong with a field holding a forbidden control character, naming the first one and its 1-based
     * column, e.g. {@code contains a NUL byte (\0) at column 12}; empty when it holds none.
     */
    public static Optional<String> problemWith(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isForbidden(c)) {
                String what = c == 0 ? "a NUL byte" : "a control character";
                return Optional.of("contains " + what + " (" + visible(c) + ") at column " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** {@code text} with each forbidden control character written visibly; the same text when it holds none. */
    public static String visible(String text) {
        int first = 0;
        while (first < text.length() && !isForbidden(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbidden(c)) {
                shown.append(visible(c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private static String visible(char c) {
        return c == 0 ? "\\0" : String.format(Locale.ROOT, "\\x%02X", (int) c);
    }
}
