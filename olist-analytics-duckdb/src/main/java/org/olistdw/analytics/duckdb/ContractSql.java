package org.olistdw.analytics.duckdb;

import java.util.List;
import java.util.stream.Collectors;
import org.olistdw.pipeline.source.ColumnType;
import org.olistdw.pipeline.source.ControlCharacters;
import org.olistdw.pipeline.source.SourceColumn;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The source contract as DuckDB SQL: for each column of a {@link SourceTable}, a predicate that holds exactly
 * when {@link SourceColumn#problemWith(String)} finds no problem with the value (no forbidden
 * {@linkplain ControlCharacters control character}, a value when required, of the column's type), a field read as text with an
 * empty field as {@code NULL}. A value that passes casts in staging with the {@code source_*} macros of
 * {@code sql/duckdb/macros}: the casts here are the same as theirs ({@code source_integer} as integer after
 * dropping ".0", {@code source_decimal} and {@code source_amount} as {@code decimal(12, 2)},
 * {@code source_number} as double, {@code source_timestamp} as below).
 */
final class ContractSql {

    /** A timestamp read as the macro {@code source_timestamp_or_null} reads it: null when it cannot be. */
    private static final String TIMESTAMP_OR_NULL = "coalesce(try_cast(trim(%1$s) as timestamp),"
            + " try_cast(regexp_replace(regexp_replace(%1$s, '^[\\x00-\\x20]+|[\\x00-\\x20]+$', '', 'g'),"
            + " '^(\\d{4}-\\d{2}-\\d{2})[ T]*(\\d)', '\\1 \\2') as timestamp))";

    private ContractSql() {
    }

    /** A predicate that holds for a row whose every field satisfies its column; never {@code NULL}. */
    static String rowIsValid(SourceTable table) {
        return rowIsValid(table, true);
    }

    /**
     * A predicate that holds for a row whose every field satisfies its column; never {@code NULL}. Without
     * {@code controlCharacters} the fields are known to hold no forbidden control character (the file holds none,
     * {@link org.olistdw.pipeline.source.SourceScan#mayHoldControlCharacters()}), and that check is left out.
     */
    static String rowIsValid(SourceTable table, boolean controlCharacters) {
        List<String> predicates = table.columns().stream()
                .map(column -> columnIsValid(column, controlCharacters))
                .filter(predicate -> !predicate.equals("true"))
                .toList();
        return predicates.isEmpty() ? "true" : String.join("\n    and ", predicates);
    }

    /** A predicate that holds when the column's field satisfies it; never {@code NULL}. */
    static String columnIsValid(SourceColumn column) {
        return columnIsValid(column, true);
    }

    /**
     * A predicate that holds when the column's field satisfies it; never {@code NULL}. Without
     * {@code controlCharacters} the field is known to hold no forbidden control character, and that check is left
     * out.
     */
    static String columnIsValid(SourceColumn column, boolean controlCharacters) {
        String field = RawLayout.quote(column.name());
        String value;
        if (controlCharacters) {
            String clean = "not regexp_matches(" + field + ", " + RawLayout.literal(ControlCharacters.REGEX_CLASS)
                    + ")";
            value = column.type() == ColumnType.TEXT ? clean
                    : "coalesce(" + clean + " and " + valueIsValid(column.type(), field) + ", false)";
        } else if (column.type() == ColumnType.TEXT) {
            return column.required() ? "(" + field + " is not null)" : "true";
        } else {
            value = "coalesce(" + valueIsValid(column.type(), field) + ", false)";
        }
        return column.required()
                ? "(" + field + " is not null and " + value + ")"
                : "(" + field + " is null or " + value + ")";
    }

    /** A predicate on a non-null field; may be {@code NULL} only where it is false. */
    static String valueIsValid(ColumnType type, String field) {
        return switch (type) {
            case TEXT -> "true";
            case INTEGER -> matches(field, ColumnType.WHOLE_REGEX + "(\\.0)?")
                    + " and try_cast(regexp_replace(" + field + ", '\\.0$', '') as bigint)"
                    + " between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
            case DECIMAL -> matches(field, ColumnType.DECIMAL_REGEX)
                    + " and try_cast(" + field + " as decimal(12, 2)) is not null";
            case AMOUNT -> matches(field, ColumnType.AMOUNT_REGEX);
            case NUMBER -> matches(field, ColumnType.DECIMAL_REGEX)
                    + " and isfinite(try_cast(" + field + " as double))";
            case TIMESTAMP -> matches(field, ColumnType.TIMESTAMP_REGEX)
                    + " and " + timestampOrNull(field) + " is not null";
            case ZIP_PREFIX -> matches(field, ColumnType.ZIP_REGEX);
        };
    }

    /**
     * A timestamp field read as the macro {@code source_timestamp_or_null} of {@code sql/duckdb/macros} reads it
     * (the loader cannot rely on the macros: a model root may have none).
     */
    static String timestampOrNull(String field) {
        return String.format(TIMESTAMP_OR_NULL, field);
    }

    /** The columns of {@code table}, quoted, in header order. */
    static List<String> quotedColumns(SourceTable table) {
        return table.header().stream().map(RawLayout::quote).toList();
    }

    private static String matches(String field, String regex) {
        return "regexp_full_match(" + field + ", " + RawLayout.literal(regex) + ")";
    }
}
