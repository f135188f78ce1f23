package org.olistdw.analytics.duckdb;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;

/**
 * The tables a quality rule's check reads, from its kind and parameters: the target; the {@code compare_to}
 * table of a reconciliation; the table of a relationship's {@code references}; for an order rule, the recorded
 * violations (its target) and {@code core.fact_orders}, the orders validated. SQL in {@code where},
 * {@code compare_where} and {@code expression} is not read: a subquery there must read one of those tables.
 * A parameter that does not name a table is left out; measuring the rule reports it.
 */
final class CheckTables {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    /** What {@link RuleQueries} counts as the orders validated by a run. */
    private static final String VALIDATED_ORDERS = "core.fact_orders";

    private CheckTables() {
    }

    static Set<String> read(QualityRule rule) {
        Set<String> tables = new TreeSet<>();
        add(tables, rule.target());
        add(tables, rule.parameter("compare_to"));
        String references = rule.parameter("references");
        if (references != null && references.strip().lastIndexOf('.') > 0) {
            add(tables, references.strip().substring(0, references.strip().lastIndexOf('.')));
        }
        if (rule.kind() == RuleKind.ORDER_RULE) {
            tables.add(VALIDATED_ORDERS);
        }
        return tables;
    }

    private static void add(Set<String> tables, String table) {
        if (table != null && TABLE.matcher(table.strip()).matches()) {
            tables.add(table.strip());
        }
    }
}
