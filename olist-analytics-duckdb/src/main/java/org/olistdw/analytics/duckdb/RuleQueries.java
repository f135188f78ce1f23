package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.olistdw.analytics.duckdb.SqlTemplate.Value;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.RuleMeasures.Outcome;

/**
 * Measures a {@link QualityRule} on a build's connection: validates the rule's parameters, renders its kind's
 * SQL template ({@value #KINDS}{@code <kind>.sql}, see {@link SqlTemplate}), runs it and keeps the evidence.
 *
 * <p>Every template holds two statements. The first gives the rows checked: the target's rows (after the
 * rule's {@code where}) for the row kinds and {@code sql}, the orders validated for {@code order_rule}, 1 for
 * a comparison. The second yields the evidence. For every kind but the comparisons (row count and money
 * reconciliation, freshness, volume anomaly) each row of the evidence is an offending row: the rows failed are
 * counted over it, and only when some row offends are its first rows read as the sample. A comparison yields
 * one row of compared figures with a boolean column {@code _failed} saying whether the comparison fails; the
 * row is the sample either way. The sample is the same for every kind: the evidence's columns as text (null
 * values left out), rows sorted by the evidence's column {@code _sort} when it has one (a key first, say), then
 * by all their values, column by column, in their own types; {@code _sort} and {@code _failed} are dropped.
 *
 * <p>Table and column parameters must be plain lower-case identifiers and are quoted; values are escaped
 * literals; numbers are parsed first. {@code where}, {@code compare_where} and {@code expression}, and the
 * query of a rule of kind {@code sql} ({@value #CHECKS}{@code <query>.sql}), are SQL by design and inserted as
 * they are (the catalogue of rules is trusted: it ships with the code or is edited by the people running the
 * warehouse), only checked not to leave the parentheses they are put in.
 */
final class RuleQueries {

    /** Where the kinds' templates are on the class path. */
    static final String KINDS = "sql/quality/kinds/";
    /** Where the queries of rules of kind {@code sql} are on the class path. */
    static final String CHECKS = "sql/quality/checks/";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String FAILED = "_failed";
    private static final String SORT = "_sort";
    private static final String CHECKED = "_rows_checked";
    private static final String PENDING_QUERY_ERROR = "unsuccessful or closed pending query result";
    private static final Map<RuleKind, SqlTemplate> TEMPLATES = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> SHAPES = new ConcurrentHashMap<>();

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
     *                                  column, a missing query file, invalid SQL in an expression or SQL that
     *                                  would leave its parentheses)
     */
    RuleMeasurement measure(QualityRule rule, CheckContext context) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(context, "context");
        Catalogue catalogue = new Catalogue(rule);
        List<String> columns = new ArrayList<>();
        try {
            List<String> statements = render(rule, context, catalogue, columns);
            return run(statements.get(0), statements.get(1), shapeKey(rule), context.sampleSize());
        } catch (SQLException e) {
            catalogue.requireColumns(rule.target(), columns); // a missing table or column, said plainly
            throw new IllegalStateException("rule " + rule.name() + ": " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * Measures several rules, each with its context, giving for each exactly what {@link #measure} gives: its
     * measurement or the exception it throws. The rows checked and failed of every rule that counts offending
     * rows (all kinds but the comparisons) come from one query for all of them; the rest, and every rule when
     * that query fails, are measured one by one. A rule's time is its own work plus its share of that query.
     *
     * @return one outcome per rule, in the order of {@code rules}
     */
    List<Outcome> measureAll(List<QualityRule> rules, List<CheckContext> contexts) {
        if (rules.size() != contexts.size()) {
            throw new IllegalArgumentException(rules.size() + " rules but " + contexts.size() + " contexts");
        }
        Outcome[] outcomes = new Outcome[rules.size()];
        List<Counted> counted = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            long t0 = System.nanoTime();
            QualityRule rule = rules.get(i);
            try {
                List<String> statements = render(rule, contexts.get(i), new Catalogue(rule), new ArrayList<>());
                Set<String> columns = shape(statements.get(1), shapeKey(rule));
                if (!columns.contains(FAILED)) {
                    counted.add(new Counted(i, statements.get(0), statements.get(1), columns, System.nanoTime() - t0));
                    continue;
                }
            } catch (SQLException | RuntimeException e) {
                // measured alone below, which says why exactly as measure does
            }
            outcomes[i] = alone(rule, contexts.get(i), System.nanoTime() - t0);
        }
        if (counted.size() == 1) {
            Counted only = counted.get(0);
            outcomes[only.index()] = alone(rules.get(only.index()), contexts.get(only.index()), only.nanos());
        } else if (!counted.isEmpty()) {
            countTogether(rules, contexts, counted, outcomes);
        }
        return List.of(outcomes);
    }

    /** A rule of {@link #measureAll} that counts offending rows: its place, statements, evidence columns, time so far. */
    private record Counted(int index, String checkedSql, String evidenceSql, Set<String> columns, long nanos) {
    }

    private void countTogether(List<QualityRule> rules, List<CheckContext> contexts, List<Counted> counted,
                               Outcome[] outcomes) {
        long t0 = System.nanoTime();
        long[] counts;
        try {
            counts = counts("select " + counted.stream().map(rule -> countsSql(rule.checkedSql(), rule.evidenceSql()))
                    .collect(Collectors.joining(",\n")));
        } catch (SQLException e) {
            for (Counted rule : counted) {
                outcomes[rule.index()] = alone(rules.get(rule.index()), contexts.get(rule.index()), rule.nanos());
            }
            return;
        }
        long share = (System.nanoTime() - t0) / counted.size();
        for (int k = 0; k < counted.size(); k++) {
            Counted rule = counted.get(k);
            QualityRule measured = rules.get(rule.index());
            long t1 = System.nanoTime();
            try {
                RuleMeasurement measurement = counted(counts[2 * k], counts[2 * k + 1], rule.evidenceSql(),
                        rule.columns(), contexts.get(rule.index()).sampleSize());
                outcomes[rule.index()] = new Outcome(measured, measurement, null,
                        Duration.ofNanos(rule.nanos() + share + System.nanoTime() - t1));
            } catch (SQLException | RuntimeException e) {
                outcomes[rule.index()] = alone(measured, contexts.get(rule.index()), rule.nanos() + share);
            }
        }
    }

    /** {@link #measure} as an outcome, timed on top of {@code nanosSoFar}. */
    private Outcome alone(QualityRule rule, CheckContext context, long nanosSoFar) {
        long t0 = System.nanoTime();
        try {
            RuleMeasurement measurement = measure(rule, context);
            return new Outcome(rule, measurement, null, Duration.ofNanos(nanosSoFar + System.nanoTime() - t0));
        } catch (RuntimeException e) {
            return new Outcome(rule, null, e, Duration.ofNanos(nanosSoFar + System.nanoTime() - t0));
        }
    }

    /**
     * The tables ({@code schema.table}, lower case) that measuring {@code rule} reads, found by DuckDB's parser in
     * its rendered statements (see {@link SqlReferences}); the tables need not exist yet.
     *
     * @throws IllegalArgumentException when a parameter is not what the kind needs, or the rendered SQL does
     *                                  not parse
     */
    Set<String> tablesRead(QualityRule rule) {
        try (SqlReferences.Parser parser = new SqlReferences.Parser(connection)) {
            return tablesRead(rule, parser);
        }
    }

    /** {@link #tablesRead(QualityRule)} with a parser already prepared on this connection. */
    Set<String> tablesRead(QualityRule rule, SqlReferences.Parser parser) {
        Objects.requireNonNull(rule, "rule");
        List<String> statements;
        try {
            statements = render(rule, new CheckContext(LocalDate.now(), List.of(), 0), null, new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException("rule " + rule.name() + ": " + oneLine(e.getMessage()), e);
        }
        Set<String> tables = new TreeSet<>();
        for (String statement : statements) {
            try {
                tables.addAll(parser.of(statement));
            } catch (IllegalArgumentException e) {
                throw invalid(rule, e.getMessage());
            }
        }
        return tables;
    }

    // ------------------------------------------------------------------------------------------------------
    // rendering: the kinds' parameters as template values
    // ------------------------------------------------------------------------------------------------------

    /**
     * The rule's two statements; the target's columns they name are added to {@code columns}. The catalogue is
     * looked up only for what the SQL needs (a range's column type); without one (the tables may not exist
     * yet) the column type is taken to be text, which changes no table read.
     */
    private List<String> render(QualityRule rule, CheckContext context, Catalogue catalogue, List<String> columns)
            throws SQLException {
        Map<String, Value> values = new LinkedHashMap<>();
        String target = rule.target();
        values.put("target", table(rule, "target", target));
        switch (rule.kind()) {
            case NOT_NULL -> {
                values.put("column", Value.identifier(column(rule, "column", columns)));
                values.put("where", where(rule, "where"));
            }
            case ACCEPTED_VALUES -> {
                values.put("column", Value.identifier(column(rule, "column", columns)));
                List<String> accepted = Arrays.stream(rule.parameter("values").split(",")).map(String::trim)
                        .filter(value -> !value.isEmpty()).toList();
                if (accepted.isEmpty()) {
                    throw invalid(rule, "parameter 'values' lists no value");
                }
                values.put("values", Value.texts(accepted));
                values.put("where", where(rule, "where"));
            }
            case RELATIONSHIP -> {
                values.put("column", Value.identifier(column(rule, "column", columns)));
                String[] reference = identifierPath(rule, "references", 3, rule.parameter("references"));
                values.put("references_table", Value.table(reference[0] + "." + reference[1]));
                values.put("references_column", Value.identifier(reference[2]));
                values.put("where", where(rule, "where"));
            }
            case RANGE -> {
                String column = column(rule, "column", columns);
                String min = optional(rule, "min");
                String max = optional(rule, "max");
                if (min == null && max == null) {
                    throw invalid(rule, "give 'min', 'max' or both");
                }
                values.put("column", Value.identifier(column));
                if (catalogue != null) {
                    catalogue.requireColumns(target, columns);
                }
                values.put("column_type", Value.type(catalogue == null ? "VARCHAR" : catalogue.columns(target).get(column)));
                values.put("min", min == null ? Value.nullValue() : Value.text(min));
                values.put("max", max == null ? Value.nullValue() : Value.text(max));
                values.put("where", where(rule, "where"));
            }
            case EXPRESSION -> {
                values.put("expression", freeSql(rule, "expression", rule.parameter("expression")));
                values.put("where", where(rule, "where"));
            }
            case UNIQUE -> {
                List<String> keyColumns = keyColumns(rule);
                columns.addAll(keyColumns);
                values.put("columns", Value.identifiers(keyColumns));
                values.put("column_names", Value.texts(keyColumns));
                values.put("where", where(rule, "where"));
            }
            case ROW_COUNT_RECONCILIATION -> {
                values.put("where", where(rule, "where"));
                values.put("compare_to", table(rule, "compare_to", rule.parameter("compare_to")));
                values.put("compare_where", where(rule, "compare_where"));
                values.put("tolerance", Value.number(nonNegative(rule, "tolerance", BigDecimal.ZERO)));
            }
            case MONEY_RECONCILIATION -> {
                values.put("column", Value.identifier(identifier(rule, "column")));
                values.put("where", where(rule, "where"));
                values.put("compare_to", table(rule, "compare_to", rule.parameter("compare_to")));
                values.put("compare_column", Value.identifier(identifier(rule, "compare_column")));
                values.put("compare_where", where(rule, "compare_where"));
                values.put("tolerance", Value.number(nonNegative(rule, "tolerance", BigDecimal.ZERO)));
            }
            case FRESHNESS -> {
                values.put("column", Value.identifier(identifier(rule, "column")));
                values.put("where", where(rule, "where"));
                values.put("as_of", Value.text(context.asOf().toString()));
                values.put("max_age_days", Value.number(BigDecimal.valueOf(
                        nonNegative(rule, "max_age_days", null).longValueExact())));
            }
            case VOLUME_ANOMALY -> {
                BigDecimal maxChange = nonNegative(rule, "max_change_percent", null);
                BigDecimal trailingRuns = nonNegative(rule, "trailing_runs",
                        BigDecimal.valueOf(RuleKind.DEFAULT_TRAILING_RUNS));
                if (trailingRuns.signum() <= 0 || trailingRuns.stripTrailingZeros().scale() > 0) {
                    throw invalid(rule, "parameter 'trailing_runs' must be a positive whole number, was '"
                            + rule.parameter("trailing_runs") + "'");
                }
                values.put("where", where(rule, "where"));
                values.put("max_change_percent", Value.number(maxChange));
                values.put("trailing_row_counts", Value.numbers(context.trailingRowCounts().stream()
                        .limit(trailingRuns.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue()).toList()));
            }
            case ORDER_RULE -> {
                try {
                    values.put("rule", Value.text(OrderRule.ofCode(rule.parameter("rule").strip()).code()));
                } catch (IllegalArgumentException e) {
                    throw invalid(rule, e.getMessage() + " (order rules: "
                            + Arrays.stream(OrderRule.values()).map(OrderRule::code).collect(Collectors.joining(", "))
                            + ")");
                }
            }
            case SOURCE_KEY -> {
                List<String> keyColumns = keyColumns(rule);
                columns.addAll(keyColumns);
                String duplicates = rule.parameter("duplicates").strip();
                if (!duplicates.equals("exact") && !duplicates.equals("conflicting")) {
                    throw invalid(rule, "parameter 'duplicates' must be 'exact' or 'conflicting', was '" + duplicates
                            + "'");
                }
                values.put("columns", Value.identifiers(keyColumns));
                values.put("column_names", Value.texts(keyColumns));
                values.put("duplicates", Value.text(duplicates));
            }
            case SOURCE_VOLUME -> {
                values.put("max_drop_percent", Value.number(nonNegative(rule, "max_drop_percent", null)));
                values.put("trailing_row_counts", Value.numbers(context.trailingRowCounts().stream().limit(1).toList()));
            }
            case PUBLISHED_DRIFT -> {
                values.put("max_change_percent", Value.number(nonNegative(rule, "max_change_percent", null)));
                values.put("min_change", Value.number(nonNegative(rule, "min_change", null)));
                String moves = rule.parameter("moves") == null ? "unexplained" : rule.parameter("moves").strip();
                if (!moves.equals("unexplained") && !moves.equals("late_changes")) {
                    throw invalid(rule, "parameter 'moves' must be 'unexplained' or 'late_changes', was '" + moves
                            + "'");
                }
                values.put("moves", Value.text(moves));
            }
            case SQL -> {
                String query = identifier(rule, "query");
                values.put("query", freeSql(rule, "query", withoutFinalSemicolons(checkQuery(rule, query))));
            }
        }
        return template(rule.kind()).render(values);
    }

    private static SqlTemplate template(RuleKind kind) {
        return TEMPLATES.computeIfAbsent(kind, k -> {
            SqlTemplate template = SqlTemplate.resource(RuleQueries.class.getClassLoader(), KINDS + k.code() + ".sql");
            if (template.statementCount() != 2) {
                throw new IllegalStateException("the template of kind " + k.code() + " must hold two statements"
                        + " (the rows checked, the evidence), found " + template.statementCount());
            }
            return template;
        });
    }

    /** The text of the query a rule of kind {@code sql} names. */
    private static String checkQuery(QualityRule rule, String query) {
        String resource = CHECKS + query + ".sql";
        try (InputStream in = RuleQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule " + rule.name() + ": no query " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("rule " + rule.name() + ": cannot read " + resource, e);
        }
    }

    private static String withoutFinalSemicolons(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    // ------------------------------------------------------------------------------------------------------
    // running: the same for every kind
    // ------------------------------------------------------------------------------------------------------

    private RuleMeasurement run(String checkedSql, String evidenceSql, String shapeKey, int sampleSize)
            throws SQLException {
        Set<String> columns = shape(evidenceSql, shapeKey);
        if (columns.contains(FAILED)) {
            // a comparison: its one row of figures, with the rows checked, in one query
            Evidence comparison = evidence("select (\n" + checkedSql + "\n) as " + quote(CHECKED) + ", " + asText()
                    + ", " + quote(FAILED) + fromEvidence(evidenceSql, columns));
            long checked = comparison.checked() != null ? comparison.checked() : counts(checkedSql)[0];
            return new RuleMeasurement(checked, comparison.failed(),
                    comparison.rows().subList(0, Math.min(sampleSize, comparison.rows().size())));
        }
        long[] counts = counts("select " + countsSql(checkedSql, evidenceSql));
        return counted(counts[0], counts[1], evidenceSql, columns, sampleSize);
    }

    /** The column names of a kind's evidence (see {@link #shapeKey}), looked up once. */
    private Set<String> shape(String evidenceSql, String shapeKey) throws SQLException {
        Set<String> columns = SHAPES.get(shapeKey);
        if (columns == null) {
            columns = columnNames(evidenceSql);
            SHAPES.put(shapeKey, columns);
        }
        return columns;
    }

    /** Two columns of a select: the rows checked, and the rows of evidence counted. */
    private static String countsSql(String checkedSql, String evidenceSql) {
        return "(\n" + checkedSql + "\n), (select count(*) from (\n" + evidenceSql + "\n))";
    }

    /** The measurement of a rule whose every row of evidence offends, its sample read only when some row does. */
    private RuleMeasurement counted(long checked, long failed, String evidenceSql, Set<String> columns, int sampleSize)
            throws SQLException {
        List<Map<String, String>> sample = failed > 0 && sampleSize > 0
                ? evidence("select " + asText() + fromEvidence(evidenceSql, columns) + "\nlimit " + sampleSize).rows()
                : List.of();
        return new RuleMeasurement(checked, failed, sample);
    }

    /** The evidence's columns as text, without {@code _sort} and {@code _failed}. */
    private static String asText() {
        return "cast(columns(c -> c not in (" + RawLayout.literal(SORT) + ", " + RawLayout.literal(FAILED)
                + ")) as varchar)";
    }

    /** From the evidence, in the sample's order. */
    private static String fromEvidence(String evidenceSql, Set<String> columns) {
        return "\nfrom (\n" + evidenceSql + "\n) as \"_evidence\"\norder by "
                + (columns.contains(SORT) ? "\"_evidence\"." + quote(SORT) + ", " : "") + "\"_evidence\"";
    }

    /**
     * What the evidence of a kind's template (of a query, for kind {@code sql}) yields does not depend on the
     * rule's values: its column names are looked up once.
     */
    private static String shapeKey(QualityRule rule) {
        return rule.kind() == RuleKind.SQL
                ? rule.kind().code() + ":" + rule.parameter("query").strip()
                : rule.kind().code();
    }

    /** The names of the columns a query yields, from its prepared statement: nothing runs. */
    private Set<String> columnNames(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData meta = statement.getMetaData();
            Set<String> names = new LinkedHashSet<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i));
            }
            return names;
        }
    }

    /**
     * Rows of evidence.
     *
     * @param rows    each row's columns as text, null values left out, {@code _failed} dropped
     * @param failed  the offending rows among {@code rows}: those whose {@code _failed} is true, or all
     * @param checked the rows checked, when the query gave them ({@code _rows_checked}), else null
     */
    private record Evidence(List<Map<String, String>> rows, long failed, Long checked) {
    }

    private Evidence evidence(String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        long failed = 0;
        Long checked = null;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            int flag = 0;
            int count = 0;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnName(i).equals(FAILED)) {
                    flag = i;
                } else if (meta.getColumnName(i).equals(CHECKED)) {
                    count = i;
                }
            }
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = result.getString(i);
                    if (i != flag && i != count && value != null) {
                        row.putIfAbsent(meta.getColumnName(i), value);
                    }
                }
                if (flag == 0 || result.getBoolean(flag)) {
                    failed++;
                }
                if (count > 0) {
                    checked = result.getLong(count);
                }
                rows.add(row);
            }
        }
        return new Evidence(rows, failed, checked);
    }

    /** The one row of whole numbers a query gives. */
    private long[] counts(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            long[] values = new long[result.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.getLong(i + 1);
            }
            return values;
        }
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

    private static String quote(String identifier) {
        return RawLayout.quote(identifier);
    }

    // ------------------------------------------------------------------------------------------------------
    // the catalogue: tables and columns that must exist
    // ------------------------------------------------------------------------------------------------------

    /**
     * The columns of the build's tables, looked up once per table and only when needed: when a rule's SQL
     * fails, to say plainly that its target or a column it names is missing.
     */
    private final class Catalogue {

        private final QualityRule rule;
        private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();

        Catalogue(QualityRule rule) {
            this.rule = rule;
        }

        /** The columns of {@code table} ({@code schema.table}), name to DuckDB type, in table order. */
        Map<String, String> columns(String table) throws SQLException {
            Map<String, String> known = tables.get(table);
            if (known != null) {
                return known;
            }
            String[] names = table.split("\\.");
            Map<String, String> columns = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select column_name, data_type"
                    + " from information_schema.columns where table_catalog = current_database()"
                    + " and table_schema = ? and table_name = ? order by ordinal_position")) {
                statement.setString(1, names[0]);
                statement.setString(2, names[1]);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        columns.put(result.getString(1), result.getString(2));
                    }
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("rule " + rule.name() + ": no table " + table + " in the build");
            }
            tables.put(table, columns);
            return columns;
        }

        /** Fails, naming what is missing, unless {@code table} exists with every one of {@code names}. */
        void requireColumns(String table, List<String> names) {
            Map<String, String> known;
            try {
                known = columns(table);
            } catch (SQLException e) {
                throw new IllegalStateException("rule " + rule.name() + ": cannot read the catalogue: "
                        + oneLine(e.getMessage()), e);
            }
            for (String column : names) {
                if (!known.containsKey(column)) {
                    throw new IllegalStateException("rule " + rule.name() + ": no column " + column + " in " + table);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // parameters
    // ------------------------------------------------------------------------------------------------------

    /** An optional parameter, null when absent or blank. */
    private static String optional(QualityRule rule, String key) {
        String value = rule.parameter(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional condition, {@code true} when absent. */
    private static Value where(QualityRule rule, String key) {
        String condition = optional(rule, key);
        return condition == null ? Value.freeSql("true") : freeSql(rule, key, condition);
    }

    /** SQL that cannot be put in its parentheses is SQL that cannot run: a one-line reason, like DuckDB's. */
    private static Value freeSql(QualityRule rule, String key, String sql) {
        try {
            return Value.freeSql(sql);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rule " + rule.name() + ": parameter '" + key + "': " + e.getMessage(), e);
        }
    }

    private static Value table(QualityRule rule, String key, String value) {
        String[] names = identifierPath(rule, key, 2, value);
        return Value.table(names[0] + "." + names[1]);
    }

    private static String identifier(QualityRule rule, String key) {
        String value = rule.parameter(key).strip();
        requireIdentifier(rule, key, value);
        return value;
    }

    /** A column parameter, added to {@code columns}: the target's columns the rule names. */
    private static String column(QualityRule rule, String key, List<String> columns) {
        String column = identifier(rule, key);
        columns.add(column);
        return column;
    }

    /** The key columns a rule names in its parameter {@code columns}, comma separated, each a plain identifier. */
    private static List<String> keyColumns(QualityRule rule) {
        List<String> keyColumns = new ArrayList<>();
        for (String name : rule.parameter("columns").split(",")) {
            String column = name.trim();
            requireIdentifier(rule, "columns", column);
            keyColumns.add(column);
        }
        return keyColumns;
    }

    private static void requireIdentifier(QualityRule rule, String key, String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(rule, "parameter '" + key + "' must name a " + (key.equals("query") ? "query" : "column")
                    + " in lower snake case ([a-z_][a-z0-9_]*), was '" + value + "'");
        }
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

    private static IllegalArgumentException invalid(QualityRule rule, String problem) {
        return new IllegalArgumentException("rule " + rule.name() + " (" + rule.kind().code() + "): " + problem);
    }

    /** A parameter of {@code parts} dot-separated identifiers, e.g. {@code schema.table.column}. */
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
