package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.olistdw.domain.shared.OrderId;
import org.olistdw.pipeline.build.RuleMeasures.Outcome;

/**
 * Every kind of rule measured on small tables made for each test in a real build: a clean table passes, a
 * table with known defects gives exactly the counts and offending rows worked out by hand beside each test.
 */
class RuleQueriesTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;

    /** The build is run 1, as of 2019-01-02. */
    private static final LocalDate AS_OF = LocalDate.of(2019, 1, 2);

    @BeforeAll
    static void startABuild() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // not_null
    // --------------------------------------------------------------------------------------------------------

    @Test
    void not_null_passes_a_table_without_nulls() {
        sql("create table staging.t_not_null_clean (id integer, name varchar)",
                "insert into staging.t_not_null_clean values (1, 'a'), (2, 'b')");

        RuleMeasurement measured = measure(rule(RuleKind.NOT_NULL, "staging.t_not_null_clean", "column", "name"));

        assertThat(measured.rowsChecked()).isEqualTo(2);
        assertThat(measured.rowsFailed()).isZero();
        assertThat(measured.sample()).isEmpty();
    }

    @Test
    void not_null_counts_every_row_and_samples_the_rows_whose_column_is_null_without_their_null_values() {
        sql("create table staging.t_not_null (id integer, name varchar)",
                "insert into staging.t_not_null values (4, null), (1, 'a'), (2, null), (3, 'c')");

        RuleMeasurement measured = measure(rule(RuleKind.NOT_NULL, "staging.t_not_null", "column", "name"));

        // 4 rows; name is null in ids 2 and 4; the sample in id order, name left out
        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isEqualTo(2);
        assertThat(measured.sample()).containsExactly(Map.of("id", "2"), Map.of("id", "4"));
    }

    @Test
    void the_where_parameter_limits_both_the_rows_checked_and_the_offending_rows() {
        sql("create table staging.t_where (id integer, status varchar, delivered_at date)",
                "insert into staging.t_where values (1, 'delivered', date '2018-01-05'), (2, 'delivered', null),"
                        + " (3, 'shipped', null), (4, 'canceled', null), (5, 'delivered', date '2018-02-01')");

        RuleMeasurement measured = measure(rule(RuleKind.NOT_NULL, "staging.t_where", "column", "delivered_at",
                "where", "status = 'delivered'"));

        // delivered: ids 1, 2, 5 -> 3 checked; only id 2 lacks its date (3 and 4 are not delivered)
        assertThat(measured.rowsChecked()).isEqualTo(3);
        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("id", "2", "status", "delivered"));
    }

    @Test
    void the_sample_keeps_at_most_the_requested_number_of_rows_in_a_stable_order_and_none_when_zero_is_asked() {
        sql("create table staging.t_sample (id integer, name varchar)",
                "insert into staging.t_sample values (5, null), (3, null), (10, null), (1, null), (2, 'b'), (9, null)");
        QualityRule rule = rule(RuleKind.NOT_NULL, "staging.t_sample", "column", "name");

        RuleMeasurement two = build.checks().measure(rule, new CheckContext(AS_OF, List.of(), 2));
        RuleMeasurement none = build.checks().measure(rule, new CheckContext(AS_OF, List.of(), 0));

        // 5 null names (1, 3, 5, 9, 10); the two smallest ids, numerically ordered
        assertThat(two.rowsFailed()).isEqualTo(5);
        assertThat(two.sample()).containsExactly(Map.of("id", "1"), Map.of("id", "3"));
        assertThat(build.checks().measure(rule, new CheckContext(AS_OF, List.of(), 4)).sample())
                .containsExactly(Map.of("id", "1"), Map.of("id", "3"), Map.of("id", "5"), Map.of("id", "9"));
        assertThat(none.rowsChecked()).isEqualTo(6);
        assertThat(none.rowsFailed()).isEqualTo(5);
        assertThat(none.sample()).isEmpty();
    }

    // --------------------------------------------------------------------------------------------------------
    // unique
    // --------------------------------------------------------------------------------------------------------

    @Test
    void unique_passes_a_table_whose_keys_do_not_repeat() {
        sql("create table staging.t_unique_clean (a integer, b varchar)",
                "insert into staging.t_unique_clean values (1, 'x'), (1, 'y'), (2, 'x'), (2, null)");

        RuleMeasurement measured = measure(rule(RuleKind.UNIQUE, "staging.t_unique_clean", "columns", "a, b"));

        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isZero();
    }

    @Test
    void unique_counts_every_row_of_a_repeated_key_with_null_key_parts_as_values_and_samples_them_by_key() {
        sql("create table staging.t_unique (a integer, b varchar, v integer)",
                "insert into staging.t_unique values (2, null, 14), (1, 'x', 11), (2, 'x', 12), (1, 'x', 10),"
                        + " (2, null, 13), (3, 'y', 15)");

        RuleMeasurement measured = measure(rule(RuleKind.UNIQUE, "staging.t_unique", "columns", "a,b"));

        // keys: (1,x) twice, (2,x) once, (2,null) twice, (3,y) once -> 6 checked, 2 + 2 = 4 offending;
        // ordered by a, b (nulls last), then v
        assertThat(measured.rowsChecked()).isEqualTo(6);
        assertThat(measured.rowsFailed()).isEqualTo(4);
        assertThat(measured.sample()).containsExactly(
                Map.of("a", "1", "b", "x", "v", "10", "_occurrences", "2", "_key", "1, x"),
                Map.of("a", "1", "b", "x", "v", "11", "_occurrences", "2", "_key", "1, x"),
                Map.of("a", "2", "v", "13", "_occurrences", "2", "_key", "2, null"),
                Map.of("a", "2", "v", "14", "_occurrences", "2", "_key", "2, null"));
    }

    @Test
    void unique_only_looks_at_the_rows_of_its_where() {
        sql("create table staging.t_unique_where (id varchar, version integer, is_current boolean)",
                "insert into staging.t_unique_where values ('p1', 1, false), ('p1', 2, true), ('p2', 1, true),"
                        + " ('p3', 1, true), ('p3', 2, true)");

        RuleMeasurement measured = measure(rule(RuleKind.UNIQUE, "staging.t_unique_where", "columns", "id",
                "where", "is_current"));

        // current rows: p1/2, p2/1, p3/1, p3/2 -> 4 checked; p3 is current twice -> 2 offending
        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isEqualTo(2);
        assertThat(measured.sample()).containsExactly(
                Map.of("id", "p3", "version", "1", "is_current", "true", "_occurrences", "2", "_key", "p3"),
                Map.of("id", "p3", "version", "2", "is_current", "true", "_occurrences", "2", "_key", "p3"));
    }

    // --------------------------------------------------------------------------------------------------------
    // accepted_values
    // --------------------------------------------------------------------------------------------------------

    @Test
    void accepted_values_passes_listed_values_trimmed_and_nulls() {
        sql("create table staging.t_accepted_clean (id integer, status varchar)",
                "insert into staging.t_accepted_clean values (1, 'a'), (2, 'b'), (3, null), (4, 'c')");

        RuleMeasurement measured = measure(rule(RuleKind.ACCEPTED_VALUES, "staging.t_accepted_clean",
                "column", "status", "values", " a, b ,c"));

        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isZero();
    }

    @Test
    void accepted_values_offends_on_values_not_listed_exactly_as_written() {
        sql("create table staging.t_accepted (id integer, status varchar)",
                "insert into staging.t_accepted values (1, 'delivered'), (2, 'Delivered'), (3, 'shipped'),"
                        + " (4, null), (5, 'lost'), (6, 'it''s')");

        RuleMeasurement measured = measure(rule(RuleKind.ACCEPTED_VALUES, "staging.t_accepted",
                "column", "status", "values", "delivered, shipped, it's"));

        // 'Delivered' (case differs) and 'lost' are not listed; null passes; a quote in a value is a value
        assertThat(measured.rowsChecked()).isEqualTo(6);
        assertThat(measured.rowsFailed()).isEqualTo(2);
        assertThat(measured.sample()).containsExactly(Map.of("id", "2", "status", "Delivered"),
                Map.of("id", "5", "status", "lost"));
    }

    @Test
    void accepted_values_compares_a_column_that_is_not_text_as_text() {
        sql("create table staging.t_accepted_numbers (code integer)",
                "insert into staging.t_accepted_numbers values (1), (2), (3), (null), (5)");

        RuleMeasurement measured = measure(rule(RuleKind.ACCEPTED_VALUES, "staging.t_accepted_numbers",
                "column", "code", "values", "1,2"));

        assertThat(measured.rowsChecked()).isEqualTo(5);
        assertThat(measured.rowsFailed()).isEqualTo(2);
        assertThat(measured.sample()).containsExactly(Map.of("code", "3"), Map.of("code", "5"));
    }

    // --------------------------------------------------------------------------------------------------------
    // relationship
    // --------------------------------------------------------------------------------------------------------

    @Test
    void relationship_passes_when_every_non_null_value_has_its_match() {
        sql("create table core.t_rel_clean_parent (id integer)",
                "insert into core.t_rel_clean_parent values (1), (2), (3)",
                "create table core.t_rel_clean_child (child_id integer, parent_id integer)",
                "insert into core.t_rel_clean_child values (10, 1), (11, 1), (12, 3), (13, null)");

        RuleMeasurement measured = measure(rule(RuleKind.RELATIONSHIP, "core.t_rel_clean_child",
                "column", "parent_id", "references", "core.t_rel_clean_parent.id"));

        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isZero();
    }

    @Test
    void relationship_offends_on_values_without_a_match_and_samples_them_with_the_missing_key() {
        sql("create table core.t_rel_parent (id integer)",
                "insert into core.t_rel_parent values (1), (2), (3)",
                "create table core.t_rel_child (child_id integer, parent_id integer)",
                "insert into core.t_rel_child values (15, 5), (10, 1), (13, 4), (11, 2), (12, null), (14, 4)");

        RuleMeasurement measured = measure(rule(RuleKind.RELATIONSHIP, "core.t_rel_child",
                "column", "parent_id", "references", "core.t_rel_parent.id"));

        // 4 and 5 are not parents (13, 14, 15); null passes (12); by parent_id then child_id
        assertThat(measured.rowsChecked()).isEqualTo(6);
        assertThat(measured.rowsFailed()).isEqualTo(3);
        assertThat(measured.sample()).containsExactly(
                Map.of("child_id", "13", "parent_id", "4", "_key", "4"),
                Map.of("child_id", "14", "parent_id", "4", "_key", "4"),
                Map.of("child_id", "15", "parent_id", "5", "_key", "5"));
    }

    @Test
    void relationship_works_on_a_table_that_references_itself() {
        sql("create table core.t_rel_self (id integer, parent_id integer)",
                "insert into core.t_rel_self values (1, null), (2, 1), (3, 2), (4, 9)");

        RuleMeasurement measured = measure(rule(RuleKind.RELATIONSHIP, "core.t_rel_self",
                "column", "parent_id", "references", "core.t_rel_self.id"));

        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("id", "4", "parent_id", "9", "_key", "9"));
    }

    // --------------------------------------------------------------------------------------------------------
    // range
    // --------------------------------------------------------------------------------------------------------

    @Test
    void range_passes_values_within_the_bounds_bounds_included_and_nulls() {
        sql("create table staging.t_range_clean (v decimal(12, 2))",
                "insert into staging.t_range_clean values (0), (5.5), (10), (null)");

        RuleMeasurement measured = measure(rule(RuleKind.RANGE, "staging.t_range_clean",
                "column", "v", "min", "0", "max", "10"));

        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isZero();
    }

    @Test
    void range_compares_numbers_as_numbers_not_as_text() {
        sql("create table staging.t_range (id integer, v decimal(12, 2))",
                "insert into staging.t_range values (1, -1.00), (2, 0.00), (3, 9.00), (4, 10.00), (5, 10.01),"
                        + " (6, null), (7, 100.00)");

        RuleMeasurement measured = measure(rule(RuleKind.RANGE, "staging.t_range",
                "column", "v", "min", "0", "max", "10"));

        // -1.00 < 0; 10.01 and 100.00 > 10 (as text '9.00' > '10' would wrongly offend; it does not)
        assertThat(measured.rowsChecked()).isEqualTo(7);
        assertThat(measured.rowsFailed()).isEqualTo(3);
        assertThat(measured.sample()).containsExactly(Map.of("id", "1", "v", "-1.00"),
                Map.of("id", "5", "v", "10.01"), Map.of("id", "7", "v", "100.00"));
    }

    @Test
    void range_compares_dates_as_dates() {
        sql("create table staging.t_range_dates (d date)",
                "insert into staging.t_range_dates values (date '2017-12-31'), (date '2018-01-01'),"
                        + " (date '2018-12-31'), (date '2019-01-01')");

        RuleMeasurement measured = measure(rule(RuleKind.RANGE, "staging.t_range_dates",
                "column", "d", "min", "2018-01-01", "max", "2018-12-31"));

        assertThat(measured.rowsChecked()).isEqualTo(4);
        assertThat(measured.rowsFailed()).isEqualTo(2);
        assertThat(measured.sample()).containsExactly(Map.of("d", "2017-12-31"), Map.of("d", "2019-01-01"));
    }

    @Test
    void range_with_only_a_minimum_has_no_upper_bound() {
        sql("create table staging.t_range_min (n integer)",
                "insert into staging.t_range_min values (-5), (0), (1000000)");

        RuleMeasurement measured = measure(rule(RuleKind.RANGE, "staging.t_range_min", "column", "n", "min", "0"));

        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("n", "-5"));
    }

    @Test
    void range_without_any_bound_is_rejected() {
        sql("create table staging.t_range_none (n integer)");

        assertThatThrownBy(() -> measure(rule(RuleKind.RANGE, "staging.t_range_none", "column", "n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule range_rule").hasMessageContaining("'min', 'max'");
    }

    @Test
    void range_with_a_bound_that_is_not_of_the_columns_type_cannot_run() {
        sql("create table staging.t_range_bad_bound (d date)", "insert into staging.t_range_bad_bound values (null)");

        assertThatThrownBy(() -> measure(rule(RuleKind.RANGE, "staging.t_range_bad_bound",
                "column", "d", "min", "yesterday'; drop table x; --")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rule range_rule: ");
        assertThat(Builds.query(build.connection(), "select count(*) from staging.t_range_bad_bound"))
                .containsExactly(List.of(1L));
    }

    // --------------------------------------------------------------------------------------------------------
    // expression
    // --------------------------------------------------------------------------------------------------------

    @Test
    void expression_passes_when_it_is_true_on_every_row() {
        sql("create table staging.t_expression_clean (price decimal(12, 2), freight decimal(12, 2))",
                "insert into staging.t_expression_clean values (1.00, 0.00), (2.50, 1.00)");

        RuleMeasurement measured = measure(rule(RuleKind.EXPRESSION, "staging.t_expression_clean",
                "expression", "price > 0 and freight >= 0"));

        assertThat(measured.rowsChecked()).isEqualTo(2);
        assertThat(measured.rowsFailed()).isZero();
    }

    @Test
    void expression_offends_on_rows_where_it_is_false_or_null() {
        sql("create table staging.t_expression (id integer, price decimal(12, 2))",
                "insert into staging.t_expression values (1, 1.00), (2, 0.00), (3, null), (4, 2.00), (5, -3.00)");

        RuleMeasurement measured = measure(rule(RuleKind.EXPRESSION, "staging.t_expression",
                "expression", "price > 0"));

        // false: 2 (0.00) and 5 (-3.00); null: 3 (unknown is not true)
        assertThat(measured.rowsChecked()).isEqualTo(5);
        assertThat(measured.rowsFailed()).isEqualTo(3);
        assertThat(measured.sample()).containsExactly(Map.of("id", "2", "price", "0.00"), Map.of("id", "3"),
                Map.of("id", "5", "price", "-3.00"));
    }

    @Test
    void an_expression_ending_in_a_comment_and_a_where_with_a_subquery_still_run() {
        sql("create table staging.t_expression_sql (id integer, line integer, price decimal(12, 2))",
                "insert into staging.t_expression_sql values (1, 1, 1.00), (1, 2, 0.00), (2, 3, 0.00), (3, 4, 5.00)");

        RuleMeasurement measured = measure(rule(RuleKind.EXPRESSION, "staging.t_expression_sql",
                "expression", "price > 0 -- prices are positive",
                "where", "line in (select min(line) from staging.t_expression_sql group by id)"));

        // first line of each id: lines 1, 3, 4 -> 3 checked; line 3 has price 0.00
        assertThat(measured.rowsChecked()).isEqualTo(3);
        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("id", "2", "line", "3", "price", "0.00"));
    }

    @Test
    void a_broken_expression_cannot_run_and_says_which_rule_in_one_line() {
        sql("create table staging.t_expression_broken (price decimal(12, 2))");

        assertThatThrownBy(() -> measure(rule(RuleKind.EXPRESSION, "staging.t_expression_broken",
                "expression", "no_such_column > 0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rule expression_rule: Binder Error: ")
                .hasMessageContaining("no_such_column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> measure(rule(RuleKind.EXPRESSION, "staging.t_expression_broken",
                "expression", "price >>> (")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rule expression_rule: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    // --------------------------------------------------------------------------------------------------------
    // row_count_reconciliation
    // --------------------------------------------------------------------------------------------------------

    @Test
    void row_count_reconciliation_passes_equal_counts_and_shows_them() {
        sql("create table staging.t_count_target (id integer)", "insert into staging.t_count_target values (1), (2), (3)",
                "create table raw.t_count_source (id integer)", "insert into raw.t_count_source values (1), (2), (3)");

        RuleMeasurement measured = measure(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_count_target",
                "compare_to", "raw.t_count_source"));

        assertThat(measured.rowsChecked()).isEqualTo(1);
        assertThat(measured.rowsFailed()).isZero();
        assertThat(measured.sample()).containsExactly(
                Map.of("target_rows", "3", "compare_rows", "3", "difference", "0", "tolerance", "0"));
    }

    @Test
    void row_count_reconciliation_fails_beyond_its_tolerance_with_both_wheres_applied() {
        sql("create table staging.t_count_target_2 (id integer, kind varchar)",
                "insert into staging.t_count_target_2 values (1, 'a'), (2, 'a'), (3, 'a'), (4, 'b')",
                "create table raw.t_count_source_2 (id integer, ok boolean)",
                "insert into raw.t_count_source_2 values (1, true), (2, true), (3, true), (4, true), (5, true),"
                        + " (6, false)");

        // target where kind = 'a': 3 rows; compare where ok: 5 rows -> 3 - 5 = -2
        RuleMeasurement strict = measure(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_count_target_2",
                "compare_to", "raw.t_count_source_2", "where", "kind = 'a'", "compare_where", "ok"));
        RuleMeasurement tolerant = measure(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_count_target_2",
                "compare_to", "raw.t_count_source_2", "where", "kind = 'a'", "compare_where", "ok",
                "tolerance", "2"));

        assertThat(strict.rowsChecked()).isEqualTo(1);
        assertThat(strict.rowsFailed()).isEqualTo(1);
        assertThat(strict.sample()).containsExactly(
                Map.of("target_rows", "3", "compare_rows", "5", "difference", "-2", "tolerance", "0"));
        assertThat(tolerant.rowsFailed()).isZero();
    }

    // --------------------------------------------------------------------------------------------------------
    // money_reconciliation
    // --------------------------------------------------------------------------------------------------------

    @Test
    void money_reconciliation_passes_equal_sums_and_an_empty_side_sums_to_zero() {
        sql("create table core.t_money_target (price decimal(12, 2))",
                "insert into core.t_money_target values (10.50), (20.25), (null)",
                "create table staging.t_money_source (amount decimal(12, 2))",
                "insert into staging.t_money_source values (30.75)",
                "create table staging.t_money_empty (amount decimal(12, 2))");

        RuleMeasurement equal = measure(rule(RuleKind.MONEY_RECONCILIATION, "core.t_money_target",
                "column", "price", "compare_to", "staging.t_money_source", "compare_column", "amount",
                "tolerance", "0.00"));
        RuleMeasurement empty = measure(rule(RuleKind.MONEY_RECONCILIATION, "core.t_money_target",
                "column", "price", "compare_to", "staging.t_money_empty", "compare_column", "amount"));

        // 10.50 + 20.25 = 30.75
        assertThat(equal.rowsChecked()).isEqualTo(1);
        assertThat(equal.rowsFailed()).isZero();
        assertThat(equal.sample()).containsExactly(
                Map.of("target_sum", "30.75", "compare_sum", "30.75", "difference", "0.00", "tolerance", "0.00"));
        assertThat(empty.rowsFailed()).isEqualTo(1);
        assertThat(empty.sample()).containsExactly(
                Map.of("target_sum", "30.75", "compare_sum", "0", "difference", "30.75", "tolerance", "0"));
    }

    @Test
    void money_reconciliation_fails_a_difference_beyond_its_tolerance_only() {
        sql("create table core.t_money_target_2 (price decimal(12, 2), region varchar)",
                "insert into core.t_money_target_2 values (10.50, 'n'), (20.25, 'n'), (99.00, 's')",
                "create table staging.t_money_source_2 (amount decimal(12, 2), kept boolean)",
                "insert into staging.t_money_source_2 values (30.70, true), (1000.00, false)");

        // where region = 'n': 30.75; compare where kept: 30.70 -> difference 0.05
        RuleMeasurement strict = measure(rule(RuleKind.MONEY_RECONCILIATION, "core.t_money_target_2",
                "column", "price", "compare_to", "staging.t_money_source_2", "compare_column", "amount",
                "where", "region = 'n'", "compare_where", "kept", "tolerance", "0.00"));
        RuleMeasurement atTolerance = measure(rule(RuleKind.MONEY_RECONCILIATION, "core.t_money_target_2",
                "column", "price", "compare_to", "staging.t_money_source_2", "compare_column", "amount",
                "where", "region = 'n'", "compare_where", "kept", "tolerance", "0.05"));

        assertThat(strict.rowsFailed()).isEqualTo(1);
        assertThat(strict.sample()).containsExactly(
                Map.of("target_sum", "30.75", "compare_sum", "30.70", "difference", "0.05", "tolerance", "0.00"));
        assertThat(atTolerance.rowsFailed()).isZero();
    }

    // --------------------------------------------------------------------------------------------------------
    // freshness
    // --------------------------------------------------------------------------------------------------------

    @Test
    void freshness_passes_data_no_older_than_its_maximum_age_and_fails_older_data() {
        sql("create table core.t_fresh (ts timestamp, kind varchar)",
                "insert into core.t_fresh values (timestamp '2018-12-01 10:00:00', 'a'),"
                        + " (timestamp '2019-01-01 23:30:00', 'a'), (timestamp '2019-06-01 00:00:00', 'b')");
        QualityRule rule = rule(RuleKind.FRESHNESS, "core.t_fresh", "column", "ts", "max_age_days", "30",
                "where", "kind = 'a'");

        // newest of kind a: 2019-01-01 23:30 -> the day 2019-01-01; 2019-01-31 is 30 days later
        RuleMeasurement fresh = build.checks().measure(rule, new CheckContext(LocalDate.of(2019, 1, 31), List.of(), 10));
        RuleMeasurement stale = build.checks().measure(rule, new CheckContext(LocalDate.of(2019, 2, 1), List.of(), 10));

        assertThat(fresh.rowsChecked()).isEqualTo(1);
        assertThat(fresh.rowsFailed()).isZero();
        assertThat(fresh.sample()).containsExactly(Map.of("newest", "2019-01-01 23:30:00", "as_of", "2019-01-31",
                "age_days", "30", "max_age_days", "30"));
        assertThat(stale.rowsFailed()).isEqualTo(1);
        assertThat(stale.sample()).containsExactly(Map.of("newest", "2019-01-01 23:30:00", "as_of", "2019-02-01",
                "age_days", "31", "max_age_days", "30"));
    }

    @Test
    void freshness_fails_an_empty_target() {
        sql("create table core.t_fresh_empty (d date)");

        RuleMeasurement measured = measure(rule(RuleKind.FRESHNESS, "core.t_fresh_empty",
                "column", "d", "max_age_days", "30"));

        assertThat(measured.rowsChecked()).isEqualTo(1);
        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("as_of", "2019-01-02", "max_age_days", "30",
                "note", "no rows to date"));
    }

    // --------------------------------------------------------------------------------------------------------
    // volume_anomaly
    // --------------------------------------------------------------------------------------------------------

    @Test
    void volume_anomaly_passes_without_history_and_says_so() {
        sql("create table core.t_volume_new (id integer)", "insert into core.t_volume_new values (1), (2)");

        RuleMeasurement measured = measure(rule(RuleKind.VOLUME_ANOMALY, "core.t_volume_new",
                "max_change_percent", "50"));

        assertThat(measured.rowsChecked()).isEqualTo(1);
        assertThat(measured.rowsFailed()).isZero();
        assertThat(measured.sample()).containsExactly(Map.of("rows", "2", "trailing_runs", "0",
                "max_change_percent", "50", "note", "no earlier runs to compare with"));
    }

    @Test
    void volume_anomaly_compares_with_the_mean_of_the_latest_five_runs_by_default() {
        sql("create table core.t_volume (id integer)", "insert into core.t_volume select range from range(15)");
        // newest first: the five latest are 10 each (mean 10); the sixth (1000) is left out
        List<Long> history = List.of(10L, 10L, 10L, 10L, 10L, 1000L);

        RuleMeasurement within = build.checks().measure(rule(RuleKind.VOLUME_ANOMALY, "core.t_volume",
                "max_change_percent", "50"), new CheckContext(AS_OF, history, 10));
        RuleMeasurement beyond = build.checks().measure(rule(RuleKind.VOLUME_ANOMALY, "core.t_volume",
                "max_change_percent", "49.99"), new CheckContext(AS_OF, history, 10));

        // 15 rows against 10: +50 %
        assertThat(within.rowsChecked()).isEqualTo(1);
        assertThat(within.rowsFailed()).isZero();
        assertThat(beyond.rowsFailed()).isEqualTo(1);
        assertThat(beyond.sample()).containsExactly(Map.of("rows", "15", "trailing_runs", "5",
                "trailing_mean", "10.00", "change_percent", "50.00", "max_change_percent", "49.99"));
    }

    @Test
    void volume_anomaly_takes_its_trailing_runs_and_where_and_fails_a_drop() {
        sql("create table core.t_volume_drop (id integer)", "insert into core.t_volume_drop select range from range(20)");
        // where id < 4: 4 rows; the two latest runs 20 and 10 -> mean 15; (4 - 15) / 15 = -73.33 %
        RuleMeasurement measured = build.checks().measure(rule(RuleKind.VOLUME_ANOMALY, "core.t_volume_drop",
                "max_change_percent", "50", "trailing_runs", "2", "where", "id < 4"),
                new CheckContext(AS_OF, List.of(20L, 10L, 15L), 10));

        assertThat(measured.rowsFailed()).isEqualTo(1);
        assertThat(measured.sample()).containsExactly(Map.of("rows", "4", "trailing_runs", "2",
                "trailing_mean", "15.00", "change_percent", "-73.33", "max_change_percent", "50"));
    }

    // --------------------------------------------------------------------------------------------------------
    // parameters and errors
    // --------------------------------------------------------------------------------------------------------

    @Test
    void a_column_or_table_parameter_that_is_not_a_plain_identifier_is_rejected() {
        sql("create table staging.t_identifiers (id integer)");

        assertThatThrownBy(() -> measure(rule(RuleKind.NOT_NULL, "staging.t_identifiers",
                "column", "id is null or 1=1 --")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule not_null_rule").hasMessageContaining("'column'");
        assertThatThrownBy(() -> measure(rule(RuleKind.UNIQUE, "staging.t_identifiers", "columns", "id, \"ID\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'columns'");
        assertThatThrownBy(() -> measure(rule(RuleKind.RELATIONSHIP, "staging.t_identifiers",
                "column", "id", "references", "core.dim_customer")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.table.column");
        assertThatThrownBy(() -> measure(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_identifiers",
                "compare_to", "raw.orders; drop table raw.orders")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'compare_to'");
        assertThatThrownBy(() -> measure(rule(RuleKind.MONEY_RECONCILIATION, "staging.t_identifiers",
                "column", "sum(id)", "compare_to", "raw.orders", "compare_column", "id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'column'");
        assertThatThrownBy(() -> measure(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_identifiers",
                "compare_to", "raw.orders", "tolerance", "a few")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tolerance'");
    }

    @Test
    void a_missing_table_or_column_cannot_run_and_names_the_rule() {
        sql("create table staging.t_missing (id integer)");

        assertThatThrownBy(() -> measure(rule(RuleKind.NOT_NULL, "staging.no_such_table", "column", "id")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule not_null_rule: no table staging.no_such_table in the build");
        assertThatThrownBy(() -> measure(rule(RuleKind.NOT_NULL, "staging.t_missing", "column", "name")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule not_null_rule: no column name in staging.t_missing");
        assertThatThrownBy(() -> measure(rule(RuleKind.RELATIONSHIP, "staging.t_missing",
                "column", "id", "references", "core.no_such_table.id")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rule relationship_rule: ")
                .hasMessageContaining("no_such_table");
        assertThatThrownBy(() -> measure(rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_missing",
                "compare_to", "raw.no_such_table")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rule row_count_reconciliation_rule: ")
                .hasMessageContaining("no_such_table");
    }

    // --------------------------------------------------------------------------------------------------------
    // order_rule
    // --------------------------------------------------------------------------------------------------------

    @Test
    void order_rule_counts_the_recorded_violations_of_its_rule_out_of_every_order_validated() {
        sql("create table core.fact_orders (order_id varchar)",
                "insert into core.fact_orders values ('o1'), ('o2'), ('o3'), ('o4'), ('o5')");
        build.validation().recordViolations(Stream.of(
                new RuleViolation(OrderRule.DELIVERED_NOT_BEFORE_CARRIER, new OrderId("o4"), "delivered before carrier"),
                new RuleViolation(OrderRule.STATUS_ACCEPTED, new OrderId("o1"), "status 'lost' is unknown"),
                new RuleViolation(OrderRule.DELIVERED_NOT_BEFORE_CARRIER, new OrderId("o2"), "delivered 2 days early")));

        RuleMeasurement measured = measure(rule(RuleKind.ORDER_RULE, "domain.order_violations",
                "rule", "orders_delivered_not_before_carrier"));
        RuleMeasurement untouched = measure(rule(RuleKind.ORDER_RULE, "domain.order_violations",
                "rule", "orders_canceled_not_delivered"));

        // 5 orders validated; o2 and o4 break the rule, sampled by order id with their detail
        assertThat(measured.rowsChecked()).isEqualTo(5);
        assertThat(measured.rowsFailed()).isEqualTo(2);
        assertThat(measured.sample()).containsExactly(
                Map.of("order_id", "o2", "detail", "delivered 2 days early"),
                Map.of("order_id", "o4", "detail", "delivered before carrier"));
        assertThat(untouched.rowsChecked()).isEqualTo(5);
        assertThat(untouched.rowsFailed()).isZero();
        assertThat(untouched.sample()).isEmpty();
    }

    @Test
    void recording_violations_again_replaces_those_recorded_before() {
        build.validation().recordViolations(Stream.of(
                new RuleViolation(OrderRule.SHIPPED_HAS_ITEMS, new OrderId("a"), "no item"),
                new RuleViolation(OrderRule.SHIPPED_HAS_ITEMS, new OrderId("b"), "no item")));

        long recorded = build.validation().recordViolations(Stream.of(
                new RuleViolation(OrderRule.SHIPPED_HAS_ITEMS, new OrderId("c"), "no item")));

        assertThat(recorded).isEqualTo(1);
        assertThat(Builds.query(build.connection(), "select rule, order_id, severity, detail from domain.order_violations"))
                .containsExactly(List.of("orders_shipped_have_items", "c", "medium", "no item"));
    }

    @Test
    void an_order_rule_naming_no_rule_of_the_domain_is_rejected_with_the_known_ones() {
        assertThatThrownBy(() -> measure(rule(RuleKind.ORDER_RULE, "domain.order_violations", "rule", "orders_on_mars")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule order_rule_rule (order_rule): unknown order rule 'orders_on_mars'")
                .hasMessageContaining("orders_status_accepted");
    }

    @Test
    void a_closed_build_measures_nothing() {
        DuckDbBuild other = Builds.newBuild(Builds.warehouse(directory.resolve("closed"),
                DuckDbSettings.DEFAULT_MODEL_ROOT), 2);
        other.close();

        assertThatThrownBy(() -> other.checks().measure(rule(RuleKind.NOT_NULL, "raw.orders", "column", "order_id"),
                new CheckContext(AS_OF, List.of(), 10))).isInstanceOf(IllegalStateException.class);
    }

    // --------------------------------------------------------------------------------------------------------

    // --------------------------------------------------------------------------------------------------------
    // several rules measured together
    // --------------------------------------------------------------------------------------------------------

    @Test
    void rules_measured_together_give_each_what_measuring_it_alone_gives() {
        sql("create table staging.t_together (id integer, name varchar, score integer, state varchar)",
                "insert into staging.t_together values (1, 'a', 5, 'SP'), (2, null, 7, 'RJ'), (3, 'c', 12, 'XX'),"
                        + " (4, null, null, 'SP')");
        List<QualityRule> rules = List.of(
                rule(RuleKind.NOT_NULL, "staging.t_together", "column", "name"),
                rule(RuleKind.RANGE, "staging.t_together", "column", "score", "min", "1", "max", "10"),
                rule(RuleKind.ACCEPTED_VALUES, "staging.t_together", "column", "state", "values", "SP, RJ"),
                rule(RuleKind.EXPRESSION, "staging.t_together", "expression", "score > 0", "where", "name is not null"),
                rule(RuleKind.NOT_NULL, "staging.t_together", "column", "nope"),
                rule(RuleKind.ROW_COUNT_RECONCILIATION, "staging.t_together", "compare_to", "staging.t_together"));

        List<Outcome> together = measureAll(rules);

        // names null in ids 2 and 4; score 12 (id 3) above 10; state XX (id 3) not accepted; with a name (ids 1, 3)
        // every score is positive; no column nope; a table has as many rows as itself
        assertThat(together).extracting(Outcome::rule).containsExactlyElementsOf(rules);
        assertThat(together.subList(0, 4)).extracting(o -> o.measurement().rowsChecked(), o -> o.measurement().rowsFailed())
                .containsExactly(tuple(4L, 2L), tuple(4L, 1L), tuple(4L, 1L), tuple(2L, 0L));
        assertThat(together.get(0).measurement().sample())
                .containsExactly(Map.of("id", "2", "score", "7", "state", "RJ"), Map.of("id", "4", "state", "SP"));
        assertThat(together.get(1).measurement().sample())
                .containsExactly(Map.of("id", "3", "name", "c", "score", "12", "state", "XX"));
        assertThat(together.get(4).failure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("rule not_null_rule: no column nope in staging.t_together");
        assertThat(together.get(5).measurement().rowsFailed()).isZero();
        assertSameAsAlone(rules, together);
    }

    @Test
    void when_one_rule_breaks_the_query_counting_them_together_each_is_measured_alone() {
        sql("create table staging.t_together_broken (id integer, name varchar)",
                "insert into staging.t_together_broken values (1, 'a'), (2, null)");
        List<QualityRule> rules = List.of(
                rule(RuleKind.NOT_NULL, "staging.t_together_broken", "column", "name"),
                rule(RuleKind.EXPRESSION, "staging.t_together_broken", "expression", "cast(name as integer) > 0"));

        List<Outcome> together = measureAll(rules);

        // name 'a' is no integer: the expression cannot run; the null name of id 2 is still found
        assertThat(together.get(0).measurement().rowsFailed()).isEqualTo(1);
        assertThat(together.get(1).failure()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rule expression_rule: ");
        assertSameAsAlone(rules, together);
    }

    private static List<Outcome> measureAll(List<QualityRule> rules) {
        return build.checks().measureAll(rules, rules.stream().map(rule -> new CheckContext(AS_OF, List.<Long>of(), 10))
                .toList());
    }

    /** Each outcome is the measurement a rule has alone, or the same exception with the same message. */
    private static void assertSameAsAlone(List<QualityRule> rules, List<Outcome> together) {
        for (int i = 0; i < rules.size(); i++) {
            QualityRule rule = rules.get(i);
            Outcome outcome = together.get(i);
            try {
                assertThat(outcome.measurement()).as(rule.name()).isEqualTo(measure(rule));
            } catch (RuntimeException alone) {
                assertThat(outcome.failure()).as(rule.name()).isNotNull().hasSameClassAs(alone)
                        .hasMessage(alone.getMessage());
            }
        }
    }

    private static RuleMeasurement measure(QualityRule rule) {
        return build.checks().measure(rule, new CheckContext(AS_OF, List.of(), 10));
    }

    /** A rule named after its kind ({@code <kind>_rule}), with parameters given as key, value, key, value... */
    private static QualityRule rule(RuleKind kind, String target, String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new QualityRule(kind.code() + "_rule", RuleType.VALIDITY, kind, target, map, Severity.HIGH,
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
