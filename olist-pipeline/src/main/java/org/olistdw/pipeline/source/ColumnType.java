package org.olistdw.pipeline.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
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
    /**
     * A whole number within the range of a 32-bit integer, optionally signed ("3", "-1"); a trailing ".0" from
     * spreadsheet re-saves is accepted.
     */
    INTEGER {
        @Override
        Optional<String> problemWith(String value) {
            String v = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
            if (!Patterns.WHOLE.matcher(v).matches()) {
                return Optional.of("not a whole number");
            }
            long number = Long.parseLong(v);
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                return Optional.of("whole number out of range");
            }
            return Optional.empty();
        }
    },
    /**
     * A decimal number with a dot separator ("199.90", "199.9", "199", "1e3") that, rounded half away from zero
     * to 2 decimals, has at most 10 integer digits.
     */
    DECIMAL {
        @Override
        Optional<String> problemWith(String value) {
            if (!Patterns.DECIMAL.matcher(value).matches()) {
                return Optional.of("not a number");
            }
            BigDecimal rounded = new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).abs();
            return rounded.compareTo(DECIMAL_LIMIT) < 0 ? Optional.empty() : Optional.of("number out of range");
        }
    },
    /**
     * An amount of money: a decimal number with at most 10 integer digits and at most 2 decimals, no exponent
     * ("199.90", "199.9", "199"). A third decimal is not rounded away: the value is not an amount.
     */
    AMOUNT {
        @Override
        Optional<String> problemWith(String value) {
            if (!Patterns.DECIMAL.matcher(value).matches()) {
                return Optional.of("not a number");
            }
            return Patterns.AMOUNT.matcher(value).matches()
                    ? Optional.empty()
                    : Optional.of("not an amount (at most 10 integer digits and 2 decimals)");
        }
    },
    /** A finite floating-point number with a dot separator ("-23.5459", "1e-3"); "1e309" is not finite. */
    NUMBER {
        @Override
        Optional<String> problemWith(String value) {
            if (!Patterns.DECIMAL.matcher(value).matches()) {
                return Optional.of("not a number");
            }
            return Double.isFinite(Double.parseDouble(value)) ? Optional.empty() : Optional.of("number out of range");
        }
    },
    /**
     * A point in time "YYYY-MM-DD HH:MM:SS"; "YYYY-MM-DD HH:MM", "YYYY-MM-DD", a fraction of a second and ISO
     * 'T' forms are accepted, with blanks around. A separator must be followed by a time ("2017-10-02T" is not
     * a timestamp).
     */
    TIMESTAMP {
        @Override
        Optional<String> problemWith(String value) {
            Matcher matcher = Patterns.TIMESTAMP.matcher(value);
            if (matcher.matches()) {
                try {
                    LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
                    return Optional.empty();
                } catch (DateTimeException e) {
                    // an invalid calendar date, e.g. February 30
                }
            }
            return Optional.of("not a valid timestamp (expected YYYY-MM-DD HH:MM:SS)");
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

    /** A whole number's digits, optionally signed (a trailing ".0" removed first). */
    public static final String WHOLE_REGEX = "[+-]?\\d{1,18}";

    /** A decimal number with a dot separator and an optional exponent. */
    public static final String DECIMAL_REGEX = "[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})([eE][+-]?\\d{1,3})?";

    /** A zip code prefix: 1 to 5 digits. */
    public static final String ZIP_REGEX = "\\d{1,5}";

    /** An amount: at most 10 integer digits and 2 decimals, optionally signed, no exponent. */
    public static final String AMOUNT_REGEX = "[+-]?(\\d{1,10}(\\.\\d{0,2})?|\\.\\d{1,2})";

    /**
     * The accepted forms of a timestamp, blanks (characters up to U+0020) around; groups 1 to 3 are year, month
     * and day. The same text is a regular expression for Java and for DuckDB (RE2).
     */
    public static final String TIMESTAMP_REGEX = "[\\x00-\\x20]*(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])"
            + "(( |T| T)([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?)?[\\x00-\\x20]*";

    /** The bound (exclusive) of a {@link #DECIMAL} rounded to 2 decimals: 10 integer digits. */
    private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(10);

    /** Compiled once: these checks run for every field of every source row. */
    private static final class Patterns {
        static final Pattern WHOLE = Pattern.compile(WHOLE_REGEX);
        static final Pattern DECIMAL = Pattern.compile(DECIMAL_REGEX);
        static final Pattern AMOUNT = Pattern.compile(AMOUNT_REGEX);
        static final Pattern TIMESTAMP = Pattern.compile(TIMESTAMP_REGEX);
        static final Pattern ZIP = Pattern.compile(ZIP_REGEX);

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
