package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/**
 * Rules of kind {@code sql}, whose query is a file of their own (here the test files of
 * {@code src/test/resources/sql/quality/checks}), and the tables a rule's query reads, for the build graph.
 */
class SqlRuleKindTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;

    private static final LocalDate AS_OF = LocalDate.of(2019, 1, 2);

    @BeforeAll
    static void startABuildWithTwoSmallTables() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        sql("create table staging.t_sql_orders (order_id varchar, status varchar, placed_on date)",
                "insert into staging.t_sql_orders values ('o1', 'delivered', date '2018-01-03'), ('o2', 'canceled', null),"
                        + " ('o3', 'shipped', date '2018-01-05'), ('o10', 'created', date '2018-01-01'),"
                        + " ('o4', 'delivered', date '2018-01-02')",
                "create table staging.t_sql_items (order_id varchar, amount decimal(12, 2))",
                "insert into staging.t_sql_items values ('o1', 10.00), ('o1', 2.50), ('o3', 7.25), ('o9', 9.00)");
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // the sql kind
    // --------------------------------------------------------------------------------------------------------

    @Test
    void the_query_s_rows_are_the_offending_rows_out_of_the_target_s_rows_sampled_by_their_values() {
        RuleMeasurement measured = measure(sqlRule("staging.t_sql_orders", "test_orders_without_items"), 10);

        // 5 orders; o2, o4 and o10 have no item; by order_id as text ('o10' < 'o2' < 'o4'), o2's null date left out
        assertThat(measured.rowsChecked()).isEqualTo(5);
        assertThat(measured.rowsFailed()).isEqualTo(3);
        assertThat(measured.sample()).containsExactly(
                Map.of("order_id", "o10", "status", "created", "placed_on", "2018-01-01"),
                Map.of("order_id", "o2", "status", "canceled"),
                Map.of("order_id", "o4", "status", "delivered", "placed_on", "2018-01-02"));
    }

    @Test
    void the_sample_keeps_the_first_rows_and_counts_the_rest() {
        RuleMeasurement measured = measure(sqlRule("staging.t_sql_orders", "test_orders_without_items"), 2);

        assertThat(measured.rowsFailed()).isEqualTo(3);
        assertThat(measured.sample()).containsExactly(
                Map.of("order_id", "o10", "status", "created", "placed_on", "2018-01-01"),
                Map.of("order_id", "o2", "status", "canceled"));
    }

    @Test
    void a_query_may_sort_its_rows_by_a_first_column_named_sort_which_the_sample_leaves_out() {
        RuleMeasurement measured = measure(sqlRule("staging.t_sql_items", "test_sorted_by_amount"), 10);

        // 4 items; above 5.00: o1 10.00, o9 9.00, o3 7.25, largest first
        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isEqualTo(3);
        assertThat(measured.sample()).containsExactly(Map.of("order_id", "o1", "amount", "10.00"),
                Map.of("order_id", "o9", "amount", "9.00"), Map.of("order_id", "o3", "amount", "7.25"));
    }

    @Test
    void a_query_file_that_is_not_on_the_class_path_cannot_run_and_says_where_it_was_looked_for() {
        assertThatThrownBy(() -> measure(sqlRule("staging.t_sql_orders", "test_no_such_query"), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule sql_rule: no query sql/quality/checks/test_no_such_query.sql on the class path");
    }

    @Test
    void a_query_holding_a_second_statement_is_refused_before_anything_runs() {
        assertThatThrownBy(() -> measure(sqlRule("staging.t_sql_items", "test_two_statements"), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule sql_rule: parameter 'query': ';' would end the statement");
        assertThat(Builds.query(build.connection(), "select count(*) from staging.t_sql_items"))
                .containsExactly(List.of(4L));
    }

    @Test
    void a_query_that_does_not_bind_cannot_run_and_says_why_in_one_line() {
        assertThatThrownBy(() -> measure(sqlRule("staging.t_sql_items", "test_reads_a_missing_column"), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rule sql_rule: Binder Error: ")
                .hasMessageContaining("no_such_column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_missing_target_or_a_query_name_that_is_not_a_file_name_is_refused() {
        assertThatThrownBy(() -> measure(sqlRule("staging.no_such_table", "test_orders_without_items"), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule sql_rule: no table staging.no_such_table in the build");
        assertThatThrownBy(() -> measure(sqlRule("staging.t_sql_items", "../checks/test_orders_without_items"), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule sql_rule (sql): parameter 'query' must name a query in lower snake case"
                        + " ([a-z_][a-z0-9_]*), was '../checks/test_orders_without_items'");
    }

    // --------------------------------------------------------------------------------------------------------
    // the tables a rule reads
    // --------------------------------------------------------------------------------------------------------

    @Test
    void the_tables_read_are_the_target_and_every_table_a_parameter_names_even_before_they_exist() {
        RuleQueries queries = new RuleQueries(build.connection());

        assertThat(queries.tablesRead(rule(RuleKind.NOT_NULL, "staging.t_later", "column", "x")))
                .containsExactly("staging.t_later");
        assertThat(queries.tablesRead(rule(RuleKind.RANGE, "staging.t_later", "column", "x", "min", "0")))
                .containsExactly("staging.t_later");
        assertThat(queries.tablesRead(rule(RuleKind.UNIQUE, "staging.t_later", "columns", "x, y")))
                .containsExactly("staging.t_later");
        assertThat(queries.tablesRead(rule(RuleKind.RELATIONSHIP, "core.t_child", "column", "parent_id",
                "references", "core.t_parent.id"))).containsExactly("core.t_child", "core.t_parent");
        assertThat(queries.tablesRead(rule(RuleKind.EXPRESSION, "staging.t_later", "expression", "x > 0",
                "where", "id in (select id from raw.t_first_lines)"))).containsExactly("raw.t_first_lines", "staging.t_later");
        assertThat(queries.tablesRead(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_later",
                "compare_to", "raw.t_source", "compare_where", "line in (select line from raw.t_kept)")))
                .containsExactly("raw.t_kept", "raw.t_source", "staging.t_later");
        assertThat(queries.tablesRead(rule(RuleKind.MONEY_RECONCILIATION, "core.t_fact", "column", "price",
                "compare_to", "staging.t_items", "compare_column", "price")))
                .containsExactly("core.t_fact", "staging.t_items");
        assertThat(queries.tablesRead(rule(RuleKind.FRESHNESS, "core.t_fact", "column", "placed_at",
                "max_age_days", "30"))).containsExactly("core.t_fact");
        assertThat(queries.tablesRead(rule(RuleKind.VOLUME_ANOMALY, "core.t_fact", "max_change_percent", "50")))
                .containsExactly("core.t_fact");
        assertThat(queries.tablesRead(rule(RuleKind.ORDER_RULE, "domain.order_violations",
                "rule", "orders_status_accepted"))).containsExactly("core.fact_orders", "domain.order_violations");
        assertThat(queries.tablesRead(sqlRule("staging.t_sql_orders", "test_orders_without_items")))
                .containsExactly("staging.t_sql_items", "staging.t_sql_orders");
        assertThat(queries.tablesRead(sqlRule("core.fact_orders", "fact_orders_one_row_per_source_key")))
                .containsExactly("core.fact_orders", "staging.stg_orders");
    }

    @Test
    void every_shipped_rule_reads_its_target_and_only_tables_of_the_warehouse_s_schemas() throws IOException {
        RuleQueries queries = new RuleQueries(build.connection());

        for (QualityRule rule : ShippedRulesRunTest.shippedRules()) {
            Set<String> tables = queries.tablesRead(rule);

            assertThat(tables).as(rule.name()).contains(rule.target())
                    .allSatisfy(table -> assertThat(table.substring(0, table.indexOf('.'))).as(rule.name())
                            .isIn("raw", "staging", "intermediate", "core", "mart", "domain"));
        }
    }

    @Test
    void the_rules_parsed_together_read_what_each_reads_alone_and_a_broken_one_its_target() throws IOException {
        QualityRule broken = rule(RuleKind.EXPRESSION, "staging.t_later", "expression", "x > and y");
        QualityRule relationship = rule(RuleKind.RELATIONSHIP, "core.t_child", "column", "parent_id",
                "references", "core.t_parent.id");
        List<QualityRule> rules = new ArrayList<>(ShippedRulesRunTest.shippedRules());
        rules.add(1, broken);
        rules.add(relationship);

        Map<QualityRule, Set<String>> together = build.checks().tablesReadAll(rules);

        assertThat(together.keySet()).containsExactlyElementsOf(rules);
        for (QualityRule rule : rules) {
            assertThat(together.get(rule)).as(rule.name()).isEqualTo(build.checks().tablesRead(rule));
        }
        assertThat(together.get(broken)).containsExactly("staging.t_later");
        assertThat(together.get(relationship)).containsExactly("core.t_child", "core.t_parent");
    }

    @Test
    void the_tables_read_of_a_rule_with_a_broken_parameter_are_not_guessed() {
        RuleQueries queries = new RuleQueries(build.connection());

        assertThatThrownBy(() -> queries.tablesRead(rule(RuleKind.NOT_NULL, "staging.t_later", "column", "x; y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'column'");
        assertThatThrownBy(() -> queries.tablesRead(rule(RuleKind.EXPRESSION, "staging.t_later", "expression",
                "x > and y"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule expression_rule (expression): DuckDB cannot parse it");
    }

    // --------------------------------------------------------------------------------------------------------

    private static RuleMeasurement measure(QualityRule rule, int sampleSize) {
        return build.checks().measure(rule, new CheckContext(AS_OF, List.of(), sampleSize));
    }

    private static QualityRule sqlRule(String target, String query) {
        return rule(RuleKind.SQL, target, "query", query);
    }

    /** A rule named after its kind ({@code <kind>_rule}), with parameters given as key, value, key, value... */
    private static QualityRule rule(RuleKind kind, String target, String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new QualityRule(kind.code() + "_rule", RuleType.CONSISTENCY, kind, target, map, Severity.CRITICAL,
                BigDecimal.ZERO, true, "");
    }

    private static void sql(String... statements) {
        try (Statement statement = build.connection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
