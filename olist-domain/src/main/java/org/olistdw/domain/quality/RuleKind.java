package org.olistdw.domain.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The built-in kinds of check. Each needs the parameters listed by {@link #requiredParameters()} and may
 * take those of {@link #optionalParameters()}; every check returns the offending rows of its target.
 */
public enum RuleKind {
    /** Rows whose {@code column} is null. */
    NOT_NULL(List.of("column"), List.of("where")),
    /** Rows whose {@code columns} (comma separated) repeat. */
    UNIQUE(List.of("columns"), List.of("where")),
    /** Rows whose {@code column} is not one of {@code values} (comma separated); nulls pass. */
    ACCEPTED_VALUES(List.of("column", "values"), List.of("where")),
    /** Rows whose {@code column} has no match in {@code references} ({@code schema.table.column}); nulls pass. */
    RELATIONSHIP(List.of("column", "references"), List.of("where")),
    /** Rows whose {@code column} lies outside {@code [min, max]} (either bound may be left out); nulls pass. */
    RANGE(List.of("column"), List.of("min", "max", "where")),
    /** Rows for which the boolean SQL {@code expression} is not true. */
    EXPRESSION(List.of("expression"), List.of("where")),
    /** The row count of the target differs from that of {@code compare_to} (a table) by more than {@code tolerance} rows. */
    ROW_COUNT_RECONCILIATION(List.of("compare_to"), List.of("where", "compare_where", "tolerance")),
    /** The sum of {@code column} differs from the sum of {@code compare_column} in {@code compare_to} by more than {@code tolerance}. */
    MONEY_RECONCILIATION(List.of("column", "compare_to", "compare_column"), List.of("where", "compare_where", "tolerance")),
    /** The newest {@code column} is more than {@code max_age_days} days before the run's as-of date. */
    FRESHNESS(List.of("column", "max_age_days"), List.of("where")),
    /**
     * The row count differs from the mean of the trailing successful runs ({@code trailing_runs}, by default
     * {@link #DEFAULT_TRAILING_RUNS}) by more than {@code max_change_percent}.
     */
    VOLUME_ANOMALY(List.of("max_change_percent"), List.of("trailing_runs", "where")),
    /**
     * Orders whose recorded history breaks the domain rule named {@code rule} (an
     * {@code org.olistdw.domain.order.OrderRule} code), as found by the run's validation of every order
     * and recorded in the target table; the rows checked are the orders validated. Rules of this kind are
     * derived from the domain's rules, never written by hand.
     */
    ORDER_RULE(List.of("rule"), List.of()),
    /**
     * The rows returned by a query of the rule's own, each an offending row: {@code query} names the file
     * {@code sql/quality/checks/<query>.sql} (lower snake case, without the extension; by convention the
     * rule's name), a single select that returns nothing when the rule holds. The rows checked are the rows of
     * the target, the table the rule is about. For what the other kinds cannot say in parameters: a grain
     * against its source, a chain of version windows, totals that must add up across layers.
     */
    SQL(List.of("query"), List.of()),
    /**
     * Lines of a raw source table whose source key ({@code columns}, comma separated) repeats: with
     * {@code duplicates} {@code exact}, each line that repeats an earlier line in every column of the file's
     * contract (the evidence names the line it repeats); with {@code conflicting}, every line of a key whose lines
     * differ in some column (the evidence names the columns that differ and their values on each line).
     */
    SOURCE_KEY(List.of("columns", "duplicates"), List.of()),
    /**
     * One comparison: the rows loaded into a raw source table against the rows its file loaded in the latest
     * successful run that loaded it (given by the run as {@link CheckContext#trailingRowCounts()}, at most one);
     * failed when no row was loaded, or when the rows dropped by more than {@code max_drop_percent} percent.
     */
    SOURCE_VOLUME(List.of("max_drop_percent"), List.of()),
    /**
     * The key figures per closed month of the build's monthly periods of the target against those of the
     * warehouse it replaces (carried into {@code raw.published_month_figures} when the build starts): one row
     * checked per closed month and figure, offending when the figure moved by more than the larger of
     * {@code max_change_percent} percent of the published figure and {@code min_change} units, and the move is
     * of the sort {@code moves} names: {@code unexplained} (the default: the month's history was rewritten, or
     * nothing in its sources changed) or {@code late_changes} (only its orders' statuses and delivery times
     * changed in the sources).
     */
    PUBLISHED_DRIFT(List.of("max_change_percent", "min_change"), List.of("moves"));

    /** How many earlier runs a volume anomaly compares with when the rule does not say. */
    public static final int DEFAULT_TRAILING_RUNS = 5;

    private final List<String> requiredParameters;
    private final List<String> optionalParameters;

    RuleKind(List<String> requiredParameters, List<String> optionalParameters) {
        this.requiredParameters = requiredParameters;
        this.optionalParameters = optionalParameters;
    }

    /** The parameters a rule of this kind must give. */
    public List<String> requiredParameters() {
        return requiredParameters;
    }

    /** The parameters a rule of this kind may give. */
    public List<String> optionalParameters() {
        return optionalParameters;
    }

    /** The lower-case name used in files and in the store, e.g. {@code accepted_values}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose {@link #code()} is {@code code}. */
    public static RuleKind ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule kind '" + code + "' (expected one of "
                        + Arrays.stream(values()).map(RuleKind::code).toList() + ")"));
    }
}
