package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olistdw.analytics.duckdb.SqlTemplate.Value;
import org.olistdw.domain.quality.RuleKind;

/** The renderer of the rule kinds' SQL templates: what each value becomes, and what it refuses. */
class SqlTemplateTest {

    // --------------------------------------------------------------------------------------------------------
    // rendering
    // --------------------------------------------------------------------------------------------------------

    @Test
    void each_placeholder_is_replaced_by_its_value_in_every_statement() {
        SqlTemplate template = SqlTemplate.of("test", """
                -- counts then rows
                select count(*) from {{target}} where ({{where}});

                select {{column}}, {{ column }} from {{target}} where {{column}} in ({{values}});
                """);

        List<String> statements = template.render(values(
                "target", Value.table("core.fact_orders"),
                "where", Value.freeSql("order_status = 'delivered'"),
                "column", Value.identifier("order_id"),
                "values", Value.texts(List.of("a", "b"))));

        assertThat(template.placeholders()).containsExactlyInAnyOrder("target", "where", "column", "values");
        assertThat(statements).containsExactly(
                "-- counts then rows\nselect count(*) from \"core\".\"fact_orders\" where (\norder_status = 'delivered'\n)",
                "select \"order_id\", \"order_id\" from \"core\".\"fact_orders\" where \"order_id\" in ('a', 'b')");
    }

    @Test
    void identifiers_are_quoted_and_lists_joined_with_commas() {
        assertThat(Value.identifier("order_item_id").sql()).isEqualTo("\"order_item_id\"");
        assertThat(Value.identifiers(List.of("order_id", "order_item_id")).sql())
                .isEqualTo("\"order_id\", \"order_item_id\"");
        assertThat(Value.table("mart.mart_payment_mix").sql()).isEqualTo("\"mart\".\"mart_payment_mix\"");
    }

    @Test
    void text_literals_double_their_quotes_and_keep_everything_else_as_text() {
        assertThat(Value.text("it's").sql()).isEqualTo("'it''s'");
        assertThat(Value.text("x'; drop table core.fact_orders; --").sql())
                .isEqualTo("'x''; drop table core.fact_orders; --'");
        assertThat(Value.texts(List.of("SP", "d'oeste")).sql()).isEqualTo("'SP', 'd''oeste'");
    }

    @Test
    void numbers_are_written_in_full_and_null_is_null() {
        assertThat(Value.number(new BigDecimal("1E+2")).sql()).isEqualTo("100");
        assertThat(Value.number(new BigDecimal("0.05")).sql()).isEqualTo("0.05");
        assertThat(Value.numbers(List.of(10L, 20L)).sql()).isEqualTo("10, 20");
        assertThat(Value.numbers(List.of()).sql()).isEmpty();
        assertThat(Value.nullValue().sql()).isEqualTo("null");
    }

    @Test
    void free_sql_goes_on_lines_of_its_own_so_a_trailing_comment_ends_before_what_follows() {
        SqlTemplate template = SqlTemplate.of("test", "select 1 where ({{where}}) and true");

        assertThat(template.render(values("where", Value.freeSql("  price > 0 -- prices are positive  "))))
                .containsExactly("select 1 where (\nprice > 0 -- prices are positive\n) and true");
    }

    @Test
    void a_value_that_looks_like_a_placeholder_is_not_replaced_again() {
        SqlTemplate template = SqlTemplate.of("test", "select {{a}}, {{b}}");

        assertThat(template.render(values("a", Value.text("{{b}}"), "b", Value.identifier("x"))))
                .containsExactly("select '{{b}}', \"x\"");
    }

    @Test
    void a_placeholder_without_a_value_or_a_value_without_a_placeholder_is_refused() {
        SqlTemplate template = SqlTemplate.of("kinds/test.sql", "select {{column}} from {{target}}");

        assertThatThrownBy(() -> template.render(values("column", Value.identifier("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQL template kinds/test.sql: no value for [target]");
        assertThatThrownBy(() -> template.render(values("column", Value.identifier("a"), "target",
                Value.table("a.b"), "colour", Value.text("red"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQL template kinds/test.sql: no placeholder for [colour]");
    }

    @Test
    void a_placeholder_in_a_comment_is_refused_when_the_template_is_read() {
        assertThatThrownBy(() -> SqlTemplate.of("kinds/test.sql", "-- the rows of {{where}}\nselect 1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder {{where}} in a comment");
    }

    @Test
    void every_kind_has_a_template_of_two_statements_on_the_class_path() {
        for (RuleKind kind : RuleKind.values()) {
            SqlTemplate template = SqlTemplate.resource(getClass().getClassLoader(),
                    RuleQueries.KINDS + kind.code() + ".sql");

            assertThat(template.statementCount()).as(kind.code()).isEqualTo(2);
            assertThat(template.placeholders()).as(kind.code()).contains("target");
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // refusals: what would change the shape of the statement
    // --------------------------------------------------------------------------------------------------------

    @Test
    void an_identifier_that_is_not_lower_snake_case_is_refused() {
        for (String name : List.of("order_id\"; drop table x; --", "Order_Id", "order id", "1st", "", "a.b")) {
            assertThatThrownBy(() -> Value.identifier(name)).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an identifier in lower snake case");
        }
        assertThatThrownBy(() -> Value.identifiers(List.of("a", "b) or (1=1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Value.identifiers(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_table_that_is_not_schema_dot_table_is_refused() {
        for (String table : List.of("fact_orders", "core.fact_orders.order_id", "core.\"x\"", "core.fact_orders; --")) {
            assertThatThrownBy(() -> Value.table(table)).as(table).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_type_name_other_than_the_catalogue_s_is_refused() {
        assertThat(Value.type("DECIMAL(12,2)").sql()).isEqualTo("DECIMAL(12,2)");
        assertThat(Value.type("TIMESTAMP WITH TIME ZONE").sql()).isEqualTo("TIMESTAMP WITH TIME ZONE");
        for (String type : List.of("date); drop table x; --", "integer", "DATE --", "VARCHAR[]", "")) {
            assertThatThrownBy(() -> Value.type(type)).as(type).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void free_sql_that_would_leave_its_parentheses_or_start_another_statement_is_refused() {
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("true) or (1 = 1", "')' closes a parenthesis it did not open");
        attempts.put("true; drop table core.fact_orders", "';' would end the statement");
        attempts.put("(true", "a parenthesis is never closed");
        attempts.put("name = 'it''s", "a string is never closed");
        attempts.put("\"order_id = 1", "a quoted identifier is never closed");
        attempts.put("true /* and the rest", "a comment is never closed");
        attempts.put("   ", "empty SQL");
        attempts.forEach((sql, reason) -> assertThatThrownBy(() -> Value.freeSql(sql)).as(sql)
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason));
    }

    @Test
    void free_sql_may_hold_semicolons_and_parentheses_inside_strings_identifiers_and_comments() {
        String sql = "status in ('a;b', ')') and \"odd;name)\" > 0 /* ; ) */ and x in (select 1) -- ; )";

        assertThat(Value.freeSql(sql).sql()).isEqualTo("\n" + sql + "\n");
    }

    // --------------------------------------------------------------------------------------------------------

    private static Map<String, Value> values(Object... keysAndValues) {
        Map<String, Value> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return map;
    }
}
