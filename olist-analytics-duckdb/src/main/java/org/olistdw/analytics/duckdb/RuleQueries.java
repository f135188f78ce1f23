package org.olistdw.analytics.duckdb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;

/**
 * Turns a {@link QualityRule} into SQL and runs it on a build's connection.
 *
 * <p>Row-level kinds (not null, unique, accepted values, relationship, range, expression) count the target's
 * rows after the rule's {@code where} and the offending ones in one aggregate query, then, only when some
 * row offends, read a sample of the offending rows: every column of the target as text (nulls left out), in
 * a stable order (by the rule's key, then by every column), with {@code _key} (the offending key, for unique
 * and relationship) and {@code _occurrences} (how often the key occurs, for unique) added.
 *
 * <p>Comparison kinds (row count and money reconciliation, freshness, volume anomaly) check one figure
 * against another: one row checked, failed or not, and a one-row sample with the compared figures, kept
 * whether the comparison failed or not.
 *
 * <p>The order rule kind counts the violations of one domain rule recorded by the run's validation of every
 * order, out of the orders validated, with a sample of offending orders and the violation's detail.
 *
 * <p>Table and column parameters must be plain lower-case identifiers and are quoted; {@code where},
 * {@code compare_where} and {@code expression} are SQL by design and inserted as they are (the catalogue of
 * rules is trusted: it ships with the code or is edited by the people running the warehouse).
 */
final class RuleQueries {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String OCCURRENCES = "_occurrences";
    private static final String KEY = "_key";
    /** The orders a run validates: every order of the star schema. */
    private static final String VALIDATED_ORDERS = "\"core\".\"fact_orders\"";
    private static final String PENDING_QUERY_ERROR = "unsuccessful or closed pending query result";

    private final Connection connection;

    RuleQueries(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Measures {@code rule} against the tables of the connection.
     *
     * @throws IllegalArgumentException when a parameter is not what the kind needs (not an identifier, not a
     *                                  number)
     * @throws IllegalStateException    with a one-line reason when the check cannot run (a missing table or
     *                                  column, invalid SQL in an expression)
     */
    RuleMeasurement measure(QualityRule rule, CheckContext context) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(context, "context");
        try {
            return switch (rule.kind()) {
                case NOT_NULL, ACCEPTED_VALUES, RELATIONSHIP, RANGE, EXPRESSION -> rowLevel(rule, context);
                case UNIQUE -> unique(rule, context);
                case ROW_COUNT_RECONCILIATION -> rowCountReconciliation(rule, context);
                case MONEY_RECONCILIATION -> moneyReconciliation(rule, context);
                case FRESHNESS -> freshness(rule, context);
                case VOLUME_ANOMALY -> volumeAnomaly(rule, context);
                case ORDER_RULE -> orderRule(rule, context);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("rule " + rule.name() + ": " + oneLine(e.getMessage()), e);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // row-level kinds
    // ------------------------------------------------------------------------------------------------------

    /** The kinds whose offending rows are those of the target meeting one condition. */
    private RuleMeasurement rowLevel(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        Map<String, String> columns = columnsOf(rule, target);
        String offending;
        List<String> keyColumns = List.of();
        switch (rule.kind()) {
            case NOT_NULL -> {
                String column = column(rule, target, columns, "column");
                offending = quote(column) + " is null";
            }
            case ACCEPTED_VALUES -> {
                String column = column(rule, target, columns, "column");
                List<String> values = Arrays.stream(rule.parameter("values").split(",")).map(String::trim)
                        .filter(value -> !value.isEmpty()).toList();
                if (values.isEmpty()) {
                    throw invalid(rule, "parameter 'values' lists no value");
                }
                offending = quote(column) + " is not null and cast(" + quote(column) + " as varchar) not in ("
                        + values.stream().map(RuleQueries::literal).collect(Collectors.joining(", ")) + ")";
            }
            case RELATIONSHIP -> {
                String column = column(rule, target, columns, "column");
                String[] reference = identifierPath(rule, "references", 3);
                String outer = target.sql() + "." + quote(column);
                offending = outer + " is not null and not exists (select 1 from " + quote(reference[0]) + "."
                        + quote(reference[1]) + " as \"_ref\" where \"_ref\"." + quote(reference[2]) + " = "
                        + outer + ")";
                keyColumns = List.of(column);
            }
            case RANGE -> {
                String column = column(rule, target, columns, "column");
                String type = columns.get(column);
                List<String> outside = new ArrayList<>();
                String min = optional(rule, "min");
                String max = optional(rule, "max");
                if (min != null) {
                    outside.add(quote(column) + " < cast(" + literal(min) + " as " + type + ")");
                }
                if (max != null) {
                    outside.add(quote(column) + " > cast(" + literal(max) + " as " + type + ")");
                }
                if (outside.isEmpty()) {
                    throw invalid(rule, "give 'min', 'max' or both");
                }
                offending = quote(column) + " is not null and (" + String.join(" or ", outside) + ")";
            }
            case EXPRESSION -> offending = "not coalesce((\n" + rule.parameter("expression") + "\n), false)";
            default -> throw new IllegalArgumentException("not a row-level kind: " + rule.kind());
        }
        String where = optional(rule, "where");
        long[] counts = longs("select count(*), count(*) filter (where " + offending + ") from "
                + filtered(target, where));
        List<Map<String, String>> sample = List.of();
        if (counts[1] > 0 && context.sampleSize() > 0) {
            String sql = "select cast(columns(*) as varchar) from " + target.sql() + " where "
                    + (where == null ? "" : "(\n" + where + "\n) and ") + "(" + offending + ")"
                    + orderBy(target.sql(), keyColumns, columns) + " limit " + context.sampleSize();
            sample = sample(sql, keyColumns);
        }
        return new RuleMeasurement(counts[0], counts[1], sample);
    }

    /** Every row whose key (the {@code columns}) occurs more than once; null key parts count as values. */
    private RuleMeasurement unique(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        Map<String, String> columns = columnsOf(rule, target);
        List<String> keyColumns = new ArrayList<>();
        for (String name : rule.parameter("columns").split(",")) {
            String column = name.trim();
            requireIdentifier(rule, "columns", column);
            requireColumn(rule, columns, target, column);
            keyColumns.add(column);
        }
        String key = keyColumns.stream().map(RuleQueries::quote).collect(Collectors.joining(", "));
        String where = optional(rule, "where");
        String filtered = filtered(target, where);
        long[] counts = longs("select coalesce(sum(\"_rows\"), 0)::bigint,"
                + " coalesce(sum(\"_rows\") filter (where \"_rows\" > 1), 0)::bigint"
                + " from (select count(*) as \"_rows\" from " + filtered + " group by " + key + ")");
        List<Map<String, String>> sample = List.of();
        if (counts[1] > 0 && context.sampleSize() > 0) {
            String alias = quote(target.table());
            String sql = "select cast(columns(*) as varchar) from (select *, count(*) over (partition by " + key
                    + ") as " + quote(OCCURRENCES) + " from " + filtered + ") as " + alias
                    + " where " + quote(OCCURRENCES) + " > 1" + orderBy(alias, keyColumns, columns)
                    + " limit " + context.sampleSize();
            sample = sample(sql, keyColumns);
        }
        return new RuleMeasurement(counts[0], counts[1], sample);
    }

    /**
     * The orders recorded in the target (the build's order violations) as breaking the domain rule named by
     * {@code rule}, out of every order validated (those of {@code core.fact_orders}); the sample holds each
     * offending order's id and the violation's detail, by order id.
     */
    private RuleMeasurement orderRule(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        String code;
        try {
            code = OrderRule.ofCode(rule.parameter("rule").strip()).code();
        } catch (IllegalArgumentException e) {
            throw invalid(rule, e.getMessage() + " (order rules: "
                    + Arrays.stream(OrderRule.values()).map(OrderRule::code).collect(Collectors.joining(", ")) + ")");
        }
        String offending = "select order_id, detail from " + target.sql() + " where rule = " + literal(code);
        long[] counts = longs("select (select count(*) from " + VALIDATED_ORDERS + "), (select count(*) from ("
                + offending + "))");
        List<Map<String, String>> sample = List.of();
        if (counts[1] > 0 && context.sampleSize() > 0) {
            sample = sample(offending + " order by order_id, detail limit " + context.sampleSize(), List.of());
        }
        return new RuleMeasurement(counts[0], counts[1], sample);
    }

    // ------------------------------------------------------------------------------------------------------
    // comparison kinds
    // ------------------------------------------------------------------------------------------------------

    private RuleMeasurement rowCountReconciliation(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        Table compare = Table.parse(rule, "compare_to", rule.parameter("compare_to"));
        BigDecimal tolerance = nonNegative(rule, "tolerance", BigDecimal.ZERO);
        String sql = "select (select count(*) from " + filtered(target, optional(rule, "where")) + "),"
                + " (select count(*) from " + filtered(compare, optional(rule, "compare_where")) + ")";
        long[] rowCounts = longs(sql);
        long targetRows = rowCounts[0];
        long compareRows = rowCounts[1];
        long difference = targetRows - compareRows;
        boolean failed = BigDecimal.valueOf(Math.abs(difference)).compareTo(tolerance) > 0;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("target_rows", Long.toString(targetRows));
        figures.put("compare_rows", Long.toString(compareRows));
        figures.put("difference", Long.toString(difference));
        figures.put("tolerance", tolerance.toPlainString());
        return comparison(failed, figures, context);
    }

    private RuleMeasurement moneyReconciliation(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        String column = identifier(rule, "column");
        Table compare = Table.parse(rule, "compare_to", rule.parameter("compare_to"));
        String compareColumn = identifier(rule, "compare_column");
        BigDecimal tolerance = nonNegative(rule, "tolerance", BigDecimal.ZERO);
        String sql = "select cast((select sum(" + quote(column) + ") from " + filtered(target, optional(rule, "where"))
                + ") as varchar), cast((select sum(" + quote(compareColumn) + ") from "
                + filtered(compare, optional(rule, "compare_where")) + ") as varchar)";
        String[] sums = strings(sql);
        BigDecimal targetSum = sum(rule, sums[0]);
        BigDecimal compareSum = sum(rule, sums[1]);
        BigDecimal difference = targetSum.subtract(compareSum);
        boolean failed = difference.abs().compareTo(tolerance) > 0;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("target_sum", targetSum.toPlainString());
        figures.put("compare_sum", compareSum.toPlainString());
        figures.put("difference", difference.toPlainString());
        figures.put("tolerance", tolerance.toPlainString());
        return comparison(failed, figures, context);
    }

    /** The newest {@code column} (as a date) against the run's as-of date; an empty target fails. */
    private RuleMeasurement freshness(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        String column = quote(identifier(rule, "column"));
        long maxAgeDays = nonNegative(rule, "max_age_days", null).longValueExact();
        String sql = "select cast(max(" + column + ") as varchar), cast(cast(cast(max(" + column
                + ") as timestamp) as date) as varchar) from " + filtered(target, optional(rule, "where"));
        String[] found = strings(sql);
        String newest = found[0];
        String newestDate = found[1];
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("as_of", context.asOf().toString());
        figures.put("max_age_days", Long.toString(maxAgeDays));
        if (newest == null) {
            figures.put("note", "no rows to date");
            return comparison(true, figures, context);
        }
        long ageDays;
        try {
            ageDays = ChronoUnit.DAYS.between(LocalDate.parse(newestDate), context.asOf());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("rule " + rule.name() + ": the newest " + rule.parameter("column")
                    + " '" + newest + "' is not a date");
        }
        figures.put("newest", newest);
        figures.put("age_days", Long.toString(ageDays));
        return comparison(ageDays > maxAgeDays, figures, context);
    }

    /**
     * The target's row count against the mean of the latest runs' counts (up to {@code trailing_runs}, 5 by
     * default); without history there is nothing to compare with, and it passes.
     */
    private RuleMeasurement volumeAnomaly(QualityRule rule, CheckContext context) throws SQLException {
        Table target = Table.parse(rule, "target", rule.target());
        BigDecimal maxChange = nonNegative(rule, "max_change_percent", null);
        BigDecimal trailingRuns = nonNegative(rule, "trailing_runs",
                BigDecimal.valueOf(RuleKind.DEFAULT_TRAILING_RUNS));
        if (trailingRuns.signum() <= 0 || trailingRuns.stripTrailingZeros().scale() > 0) {
            throw invalid(rule, "parameter 'trailing_runs' must be a positive whole number, was '"
                    + rule.parameter("trailing_runs") + "'");
        }
        long rows = longs("select count(*) from " + filtered(target, optional(rule, "where")))[0];
        List<Long> trailing = context.trailingRowCounts().stream()
                .limit(trailingRuns.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue()).toList();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("rows", Long.toString(rows));
        figures.put("trailing_runs", Integer.toString(trailing.size()));
        figures.put("max_change_percent", maxChange.toPlainString());
        if (trailing.isEmpty()) {
            figures.put("note", "no earlier runs to compare with");
            return comparison(false, figures, context);
        }
        BigDecimal mean = trailing.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(trailing.size()), 2, RoundingMode.HALF_UP);
        figures.put("trailing_mean", mean.toPlainString());
        if (mean.signum() == 0) {
            if (rows == 0) {
                figures.put("change_percent", "0.00");
                return comparison(false, figures, context);
            }
            figures.put("note", "the earlier runs had no rows");
            return comparison(true, figures, context);
        }
        BigDecimal change = BigDecimal.valueOf(rows).subtract(mean).multiply(BigDecimal.valueOf(100))
                .divide(mean, 2, RoundingMode.HALF_UP);
        figures.put("change_percent", change.toPlainString());
        return comparison(change.abs().compareTo(maxChange) > 0, figures, context);
    }

    private static RuleMeasurement comparison(boolean failed, Map<String, String> figures, CheckContext context) {
        return new RuleMeasurement(1, failed ? 1 : 0, context.sampleSize() > 0 ? List.of(figures) : List.of());
    }

    // ------------------------------------------------------------------------------------------------------
    // SQL
    // ------------------------------------------------------------------------------------------------------

    /** The one row of a query, each column as text (null stays null). */
    private String[] strings(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            String[] values = new String[result.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.getString(i + 1);
            }
            return values;
        }
    }

    /** The one row of a query whose columns are all whole numbers. */
    private long[] longs(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            long[] values = new long[result.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.getLong(i + 1);
            }
            return values;
        }
    }

    /** Rows of a query whose columns are all text, null values left out; {@code _key} added from the key. */
    private List<Map<String, String>> sample(String sql, List<String> keyColumns) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = result.getString(i);
                    if (value != null) {
                        row.putIfAbsent(meta.getColumnName(i), value);
                    }
                }
                if (!keyColumns.isEmpty()) {
                    row.putIfAbsent(KEY, keyColumns.stream().map(column -> row.getOrDefault(column, "null"))
                            .collect(Collectors.joining(", ")));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The target's columns, name to DuckDB type, in table order. */
    private Map<String, String> columnsOf(QualityRule rule, Table table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select column_name, data_type"
                + " from information_schema.columns where table_catalog = current_database()"
                + " and table_schema = ? and table_name = ? order by ordinal_position")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.table());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.put(result.getString(1), result.getString(2));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("rule " + rule.name() + ": no table " + table + " in the build");
        }
        return columns;
    }

    /** ORDER BY the key columns then every column, qualified so they bind to the values, not their text. */
    private static String orderBy(String qualifier, List<String> keyColumns, Map<String, String> columns) {
        List<String> order = new ArrayList<>(keyColumns);
        columns.keySet().stream().filter(column -> !keyColumns.contains(column)).forEach(order::add);
        return " order by " + order.stream().map(column -> qualifier + "." + quote(column))
                .collect(Collectors.joining(", "));
    }

    private static String filtered(Table table, String where) {
        return table.sql() + (where == null ? "" : " where (\n" + where + "\n)");
    }

    private static String quote(String identifier) {
        return RawLayout.quote(identifier);
    }

    private static String literal(String text) {
        return RawLayout.literal(text);
    }

    /**
     * A message on one line: the lines up to the first blank line (DuckDB then repeats the query), without
     * the JDBC driver's wrapping of an error met while the query ran.
     */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String text = message.strip();
        int wrapped = text.indexOf(PENDING_QUERY_ERROR);
        if (wrapped >= 0) {
            text = text.substring(wrapped + PENDING_QUERY_ERROR.length()).strip();
            text = text.startsWith("Error:") ? text.substring("Error:".length()).strip() : text;
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                break;
            }
            lines.add(line.strip());
        }
        return String.join(" ", lines);
    }

    // ------------------------------------------------------------------------------------------------------
    // parameters
    // ------------------------------------------------------------------------------------------------------

    /** An optional parameter, null when absent or blank. */
    private static String optional(QualityRule rule, String key) {
        String value = rule.parameter(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String identifier(QualityRule rule, String key) {
        String value = rule.parameter(key).strip();
        requireIdentifier(rule, key, value);
        return value;
    }

    /** A column parameter that must be a column of the target. */
    private static String column(QualityRule rule, Table target, Map<String, String> columns, String key) {
        String column = identifier(rule, key);
        requireColumn(rule, columns, target, column);
        return column;
    }

    private static void requireColumn(QualityRule rule, Map<String, String> columns, Table table, String column) {
        if (!columns.containsKey(column)) {
            throw new IllegalStateException("rule " + rule.name() + ": no column " + column + " in " + table);
        }
    }

    private static void requireIdentifier(QualityRule rule, String key, String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(rule, "parameter '" + key + "' must name a column in lower snake case"
                    + " ([a-z_][a-z0-9_]*), was '" + value + "'");
        }
    }

    /** A parameter of {@code parts} dot-separated identifiers, e.g. {@code schema.table.column}. */
    private static String[] identifierPath(QualityRule rule, String key, int parts) {
        return identifierPath(rule, key, parts, rule.parameter(key));
    }

    /** A non-negative number parameter; {@code fallback} when absent (null: required). */
    private static BigDecimal nonNegative(QualityRule rule, String key, BigDecimal fallback) {
        String value = optional(rule, key);
        if (value == null) {
            if (fallback == null) {
                throw invalid(rule, "missing parameter '" + key + "'");
            }
            return fallback;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid(rule, "parameter '" + key + "' must be a number, was '" + value + "'");
        }
        if (number.signum() < 0) {
            throw invalid(rule, "parameter '" + key + "' must not be negative, was '" + value + "'");
        }
        if (key.equals("max_age_days") && number.stripTrailingZeros().scale() > 0) {
            throw invalid(rule, "parameter '" + key + "' must be a whole number of days, was '" + value + "'");
        }
        return number;
    }

    /** A sum as text from DuckDB, 0 when there was nothing to sum. */
    private static BigDecimal sum(QualityRule rule, String text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("rule " + rule.name() + ": the sum '" + text + "' is not a finite number");
        }
    }

    private static IllegalArgumentException invalid(QualityRule rule, String problem) {
        return new IllegalArgumentException("rule " + rule.name() + " (" + rule.kind().code() + "): " + problem);
    }

    /** A table, {@code schema.table}, checked to be plain identifiers. */
    private record Table(String schema, String table) {

        static Table parse(QualityRule rule, String key, String value) {
            String[] names = identifierPath(rule, key, 2, value);
            return new Table(names[0], names[1]);
        }

        String sql() {
            return quote(schema) + "." + quote(table);
        }

        @Override
        public String toString() {
            return schema + "." + table;
        }
    }

    private static String[] identifierPath(QualityRule rule, String key, int parts, String value) {
        String stripped = value.strip();
        String[] names = stripped.split("\\.", -1);
        if (names.length != parts || !Arrays.stream(names).allMatch(name -> IDENTIFIER.matcher(name).matches())) {
            throw invalid(rule, "parameter '" + key + "' must be " + (parts == 3 ? "schema.table.column" : "schema.table")
                    + " in lower snake case, was '" + stripped + "'");
        }
        return names;
    }
}
