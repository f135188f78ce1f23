package org.olistdw.pipeline.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type a source column must have for its text to be readable. Each type accepts the forms found in
 * the published Olist files and in files re-saved by common tools (zip prefixes without leading zeros,
 * money without trailing zeros, timestamps without seconds).
 */
public enum ColumnType {
    /** Any text. */
    TEXT {
        @Override
        Optional<String> problemWith(String value) {
            return Optional.empty();
        }
    },
    /** A whole number, optionally signed ("3", "-1"); a trailing ".0" from spreadsheet re-saves is accepted. */
    INTEGER {
        @Override
        Optional<String> problemWith(String value) {
            String v = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
            if (!Patterns.WHOLE.matcher(v).matches()) {
                return Optional.of("not a whole number");
            }
            return Optional.empty();
        }
    },
    /** A decimal number with a dot separator ("199.90", "199.9", "199"). */
    DECIMAL {
        @Override
        Optional<String> problemWith(String value) {
            return Patterns.DECIMAL.matcher(value).matches() ? Optional.empty() : Optional.of("not a number");
        }
    },
    /** A point in time "YYYY-MM-DD HH:MM:SS"; "YYYY-MM-DD HH:MM", "YYYY-MM-DD" and ISO 'T' forms are accepted. */
    TIMESTAMP {
        @Override
        Optional<String> problemWith(String value) {
            try {
                parseTimestamp(value);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("not a valid timestamp (expected YYYY-MM-DD HH:MM:SS)");
            }
        }
    },
    /** A Brazilian zip code prefix: 1 to 5 digits (leading zeros may have been lost by a re-save). */
    ZIP_PREFIX {
        @Override
        Optional<String> problemWith(String value) {
            if (!Patterns.ZIP.matcher(value).matches()) {
                return Optional.of("not a zip code prefix (1 to 5 digits)");
            }
            return Optional.empty();
        }
    };

    /** Compiled once: these checks run for every field of every source row. */
    private static final class Patterns {
        static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
        static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})([eE][+-]?\\d{1,3})?");
        static final Pattern ZIP = Pattern.compile("\\d{1,5}");

        private Patterns() {
        }
    }

    private static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * Parses a timestamp in any of the accepted forms.
     *
     * @throws DateTimeParseException when the text is not a valid timestamp
     */
    public static LocalDateTime parseTimestamp(String value) {
        return LocalDateTime.parse(value.trim(), TIMESTAMP_FORMAT);
    }

    /** The calendar date of an accepted timestamp. */
    public static LocalDate parseDate(String value) {
        return parseTimestamp(value).toLocalDate();
    }

    /**
     * Checks one non-empty value.
     *
     * @param value the field text, never empty
     * @return why the value is not of this type, or empty when it is
     */
    abstract Optional<String> problemWith(String value);
}
