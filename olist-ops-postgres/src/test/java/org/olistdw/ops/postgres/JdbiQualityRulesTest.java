package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.postgresql.ds.PGSimpleDataSource;

class JdbiQualityRulesTest {

    private static final QualityRule ORDERS_HAVE_IDS = new QualityRule("orders_have_ids", RuleType.COMPLETENESS,
            RuleKind.NOT_NULL, "core.fct_orders", Map.of("column", "order_id"), Severity.CRITICAL,
            BigDecimal.ZERO, true, "every order has an id");
    private static final QualityRule ORDER_STATUS_KNOWN = new QualityRule("order_status_known", RuleType.VALIDITY,
            RuleKind.ACCEPTED_VALUES, "core.fct_orders",
            Map.of("column", "order_status", "values", "delivered,shipped,canceled", "where", "order_status <> ''"),
            Severity.MEDIUM, new BigDecimal("0.5"), true, "statuses come from the known list");
    private static final QualityRule ITEM_PRICE_POSITIVE = new QualityRule("item_price_positive", RuleType.ACCURACY,
            RuleKind.RANGE, "core.fct_order_items", Map.of("column", "price", "min", "0.01"), Severity.HIGH,
            new BigDecimal("2.25"), false, "");

    private static String url;
    private static PostgresOps ops;
    private static QualityRules rules;

    @BeforeAll
    static void connect() {
        url = TestPostgres.freshDatabase("quality_rules_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        rules = ops.qualityRules();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void forgetEarlierRules() throws SQLException {
        execute(url, "truncate data_quality.quality_rules cascade");
    }

    @Test
    void seeding_an_empty_store_adds_every_rule_and_reads_each_back_as_defined() {
        int added = rules.seed(List.of(ORDERS_HAVE_IDS, ORDER_STATUS_KNOWN, ITEM_PRICE_POSITIVE));

        assertThat(added).isEqualTo(3);
        assertThat(normalised(rules.all()))
                .containsExactlyElementsOf(normalised(List.of(ITEM_PRICE_POSITIVE, ORDER_STATUS_KNOWN, ORDERS_HAVE_IDS)));
        assertThat(rules.find("order_status_known")).map(JdbiQualityRulesTest::normalised)
                .contains(normalised(ORDER_STATUS_KNOWN));
        assertThat(rules.find("order_status_known").orElseThrow().parameters())
                .isEqualTo(Map.of("column", "order_status", "values", "delivered,shipped,canceled",
                        "where", "order_status <> ''"));
        assertThat(rules.find("item_price_positive").orElseThrow().threshold()).isEqualByComparingTo("2.25");
        assertThat(rules.find("no_such_rule")).isEmpty();
    }

    @Test
    void the_rules_derived_from_the_domain_s_order_rules_are_stored_and_read_back_as_defined() {
        List<QualityRule> derived = Arrays.stream(OrderRule.values()).map(org.olistdw.pipeline.quality.RuleCatalog::qualityRuleOf).toList();

        int added = rules.seed(derived);

        assertThat(added).isEqualTo(OrderRule.values().length);
        for (QualityRule rule : derived) {
            assertThat(rules.find(rule.name())).map(JdbiQualityRulesTest::normalised).contains(normalised(rule));
        }
    }

    @Test
    void a_store_seeded_before_the_order_rules_stops_checking_the_two_rules_they_renamed() throws SQLException {
        String oldUrl = TestPostgres.freshDatabase("quality_rules_v6_test");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(oldUrl);
        dataSource.setUser(TestPostgres.server().user());
        dataSource.setPassword(TestPostgres.server().password());
        Flyway.configure(PostgresOps.class.getClassLoader()).dataSource(dataSource)
                .locations(PostgresOps.MIGRATIONS).schemas(PostgresOps.SCHEMAS).target("6").load().migrate();
        execute(oldUrl, """
                insert into data_quality.quality_rules
                    (rule_name, rule_type, rule_kind, target_table, parameters, severity, is_blocking, is_active)
                values
                    ('fact_orders_payments_match_items_and_freight', 'accuracy', 'expression', 'core.fact_orders',
                     '{"expression": "abs(payment_difference) <= 1.00"}', 'medium', false, true),
                    ('fact_orders_delivered_have_delivery_date', 'completeness', 'not_null', 'core.fact_orders',
                     '{"column": "order_delivered_customer_date"}', 'medium', false, true),
                    ('orders_have_ids', 'completeness', 'not_null', 'core.fct_orders', '{"column": "order_id"}',
                     'critical', true, true)""");

        try (PostgresOps migrated = PostgresOps.connect(oldUrl, TestPostgres.server().user(),
                TestPostgres.server().password())) {
            assertThat(migrated.qualityRules().all()).extracting(QualityRule::name, QualityRule::active)
                    .containsExactly(tuple("fact_orders_delivered_have_delivery_date", false),
                            tuple("fact_orders_payments_match_items_and_freight", false),
                            tuple("orders_have_ids", true));
        }
    }

    @Test
    void a_rule_of_kind_sql_is_stored_and_read_back_as_defined() {
        QualityRule grain = new QualityRule("fact_orders_one_row_per_source_key", RuleType.COMPLETENESS, RuleKind.SQL,
                "core.fact_orders", Map.of("query", "fact_orders_one_row_per_source_key"), Severity.CRITICAL,
                BigDecimal.ZERO, true, "The fact holds a row for each order of the orders file, and for no other.");

        assertThat(rules.seed(List.of(grain))).isEqualTo(1);

        assertThat(rules.find(grain.name())).map(JdbiQualityRulesTest::normalised).contains(normalised(grain));
    }

    @Test
    void the_whole_shipped_catalogue_seeds_into_the_migrated_store() {
        List<QualityRule> shipped = org.olistdw.pipeline.quality.RuleCatalog.shipped();

        assertThat(rules.seed(shipped)).isEqualTo(shipped.size());
        assertThat(rules.all()).hasSize(shipped.size());
    }

    @Test
    void a_store_seeded_before_the_sql_kind_stops_checking_the_seven_rules_sql_rules_supersede() throws SQLException {
        String oldUrl = TestPostgres.freshDatabase("quality_rules_v7_test");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(oldUrl);
        dataSource.setUser(TestPostgres.server().user());
        dataSource.setPassword(TestPostgres.server().password());
        Flyway.configure(PostgresOps.class.getClassLoader()).dataSource(dataSource)
                .locations(PostgresOps.MIGRATIONS).schemas(PostgresOps.SCHEMAS).target("7").load().migrate();
        execute(oldUrl, """
                insert into data_quality.quality_rules
                    (rule_name, rule_type, rule_kind, target_table, parameters, severity, is_blocking, is_active)
                values
                    ('mart_payment_mix_value_matches_facts', 'accuracy', 'money_reconciliation', 'mart.mart_payment_mix',
                     '{"column": "payment_value", "compare_to": "core.fact_payments", "compare_column": "payment_value"}',
                     'critical', true, true),
                    ('fact_orders_items_price_matches_items', 'accuracy', 'money_reconciliation', 'core.fact_orders',
                     '{"column": "items_price", "compare_to": "core.fact_order_items", "compare_column": "price"}',
                     'critical', true, true),
                    ('orders_have_ids', 'completeness', 'not_null', 'core.fct_orders', '{"column": "order_id"}',
                     'critical', true, true)""");
        assertThatThrownBy(() -> execute(oldUrl, """
                insert into data_quality.quality_rules (rule_name, rule_type, rule_kind, target_table, severity)
                values ('before_v8', 'completeness', 'sql', 'core.fact_orders', 'critical')"""))
                .isInstanceOf(SQLException.class).hasMessageContaining("quality_rules_rule_kind_known");

        try (PostgresOps migrated = PostgresOps.connect(oldUrl, TestPostgres.server().user(),
                TestPostgres.server().password())) {
            assertThat(migrated.qualityRules().all()).extracting(QualityRule::name, QualityRule::active)
                    .containsExactly(tuple("fact_orders_items_price_matches_items", false),
                            tuple("mart_payment_mix_value_matches_facts", false),
                            tuple("orders_have_ids", true));
        }
        execute(oldUrl, """
                insert into data_quality.quality_rules (rule_name, rule_type, rule_kind, target_table, severity)
                values ('after_v8', 'completeness', 'sql', 'core.fact_orders', 'critical')""");
    }

    @Test
    void reseeding_adds_nothing_keeps_what_people_changed_and_takes_the_new_definition() {
        rules.seed(List.of(ORDERS_HAVE_IDS, ORDER_STATUS_KNOWN));
        rules.setActive("order_status_known", false);
        rules.setThreshold("order_status_known", new BigDecimal("7.5"));
        QualityRule redefined = new QualityRule("order_status_known", RuleType.CONSISTENCY, RuleKind.ACCEPTED_VALUES,
                "staging.orders", Map.of("column", "status", "values", "delivered,shipped"), Severity.CRITICAL,
                BigDecimal.ZERO, true, "statuses are the two the warehouse knows");

        int added = rules.seed(List.of(ORDERS_HAVE_IDS, redefined));

        assertThat(added).isZero();
        QualityRule stored = rules.find("order_status_known").orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.threshold()).isEqualByComparingTo("7.5");
        assertThat(normalised(stored)).isEqualTo(normalised(redefined.withActive(false)
                .withThreshold(new BigDecimal("7.5"))));
        assertThat(normalised(rules.find("orders_have_ids").orElseThrow())).isEqualTo(normalised(ORDERS_HAVE_IDS));
    }

    @Test
    void reseeding_adds_only_the_rules_that_are_new() {
        rules.seed(List.of(ORDERS_HAVE_IDS));

        assertThat(rules.seed(List.of(ORDERS_HAVE_IDS, ITEM_PRICE_POSITIVE, ORDER_STATUS_KNOWN))).isEqualTo(2);
        assertThat(rules.seed(List.of())).isZero();
        assertThat(rules.all()).extracting(QualityRule::name)
                .containsExactly("item_price_positive", "order_status_known", "orders_have_ids");
    }

    @Test
    void reseeding_an_unchanged_definition_leaves_its_row_untouched() throws SQLException {
        rules.seed(List.of(ORDER_STATUS_KNOWN));
        String before = strings(url, "select updated_at::text from data_quality.quality_rules").get(0);

        rules.seed(List.of(ORDER_STATUS_KNOWN));

        assertThat(strings(url, "select updated_at::text from data_quality.quality_rules")).containsExactly(before);
    }

    @Test
    void is_blocking_is_stored_as_whether_the_severity_is_critical() throws SQLException {
        rules.seed(List.of(ORDERS_HAVE_IDS, ORDER_STATUS_KNOWN, ITEM_PRICE_POSITIVE));

        assertThat(strings(url, """
                select rule_name || ':' || severity || ':' || is_blocking
                from data_quality.quality_rules order by rule_name"""))
                .containsExactly("item_price_positive:high:false", "order_status_known:medium:false",
                        "orders_have_ids:critical:true");

        rules.seed(List.of(
                new QualityRule("orders_have_ids", RuleType.COMPLETENESS, RuleKind.NOT_NULL, "core.fct_orders",
                        Map.of("column", "order_id"), Severity.LOW, BigDecimal.ZERO, true, "demoted"),
                new QualityRule("item_price_positive", RuleType.ACCURACY, RuleKind.RANGE, "core.fct_order_items",
                        Map.of("column", "price", "min", "0.01"), Severity.CRITICAL, BigDecimal.ZERO, true, "promoted")));

        assertThat(strings(url, """
                select rule_name || ':' || severity || ':' || is_blocking
                from data_quality.quality_rules order by rule_name"""))
                .containsExactly("item_price_positive:critical:true", "order_status_known:medium:false",
                        "orders_have_ids:low:false");
    }

    @Test
    void switching_a_rule_off_and_on_is_stored_and_returns_the_updated_rule() {
        rules.seed(List.of(ORDERS_HAVE_IDS));

        QualityRule off = rules.setActive("orders_have_ids", false);

        assertThat(normalised(off)).isEqualTo(normalised(ORDERS_HAVE_IDS.withActive(false)));
        assertThat(rules.find("orders_have_ids").orElseThrow().active()).isFalse();
        assertThat(rules.setActive("orders_have_ids", true).active()).isTrue();
        assertThat(rules.find("orders_have_ids").orElseThrow().active()).isTrue();
    }

    @Test
    void a_new_threshold_is_stored_and_returns_the_updated_rule() {
        rules.seed(List.of(ORDERS_HAVE_IDS));

        QualityRule changed = rules.setThreshold("orders_have_ids", new BigDecimal("12.5"));

        assertThat(changed.threshold()).isEqualByComparingTo("12.5");
        assertThat(normalised(changed)).isEqualTo(normalised(ORDERS_HAVE_IDS.withThreshold(new BigDecimal("12.5"))));
        assertThat(rules.find("orders_have_ids").orElseThrow().threshold()).isEqualByComparingTo("12.5");
        assertThat(rules.setThreshold("orders_have_ids", new BigDecimal("100")).threshold()).isEqualByComparingTo("100");
        assertThat(rules.setThreshold("orders_have_ids", new BigDecimal("0.000")).threshold()).isEqualByComparingTo("0");
    }

    @Test
    void switching_or_rethresholding_a_rule_that_does_not_exist_is_rejected_naming_it() {
        rules.seed(List.of(ORDERS_HAVE_IDS));

        assertThatThrownBy(() -> rules.setActive("orders_have_no_ids", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no quality rule orders_have_no_ids");
        assertThatThrownBy(() -> rules.setThreshold("orders_have_no_ids", BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no quality rule orders_have_no_ids");
    }

    @Test
    void a_threshold_outside_0_to_100_is_rejected_before_the_store_is_touched() {
        rules.seed(List.of(ORDERS_HAVE_IDS));

        assertThatThrownBy(() -> rules.setThreshold("orders_have_ids", new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality rule orders_have_ids: threshold 100.01 must be a percentage between 0 and 100");
        assertThatThrownBy(() -> rules.setThreshold("orders_have_ids", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality rule orders_have_ids: threshold -1 must be a percentage between 0 and 100");
        // the range is checked first: an unknown rule with a bad threshold is told about the threshold
        assertThatThrownBy(() -> rules.setThreshold("no_such_rule", new BigDecimal("250")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality rule no_such_rule: threshold 250 must be a percentage between 0 and 100");
        assertThat(rules.find("orders_have_ids").orElseThrow().threshold()).isEqualByComparingTo("0");
    }

    @Test
    void a_threshold_finer_than_the_store_holds_is_rejected_rather_than_rounded() {
        rules.seed(List.of(ORDERS_HAVE_IDS));

        assertThatThrownBy(() -> rules.setThreshold("orders_have_ids", new BigDecimal("1.125")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality rule orders_have_ids: threshold 1.125 has more than 2 decimal places");
        assertThatThrownBy(() -> rules.seed(List.of(ORDER_STATUS_KNOWN.withThreshold(new BigDecimal("0.001")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality rule order_status_known: threshold 0.001 has more than 2 decimal places");
        assertThat(rules.all()).extracting(QualityRule::name).containsExactly("orders_have_ids");
    }

    @Test
    void a_rule_defined_twice_is_rejected_and_nothing_is_seeded() {
        assertThatThrownBy(() -> rules.seed(List.of(ORDERS_HAVE_IDS, ORDER_STATUS_KNOWN, ORDERS_HAVE_IDS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality rule orders_have_ids is defined more than once");
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void all_rules_come_in_name_order() {
        rules.seed(List.of(rule("ordersa"), rule("orders_z"), rule("order_items_b"), rule("orders_1"), rule("abc")));

        List<String> names = rules.all().stream().map(QualityRule::name).toList();

        assertThat(names).containsExactly("abc", "order_items_b", "orders_1", "orders_z", "ordersa");
        assertThat(names).isSorted();
    }

    @Test
    void parameters_keep_quotes_backslashes_and_accents_and_hand_written_numbers_read_as_text() throws SQLException {
        QualityRule tricky = new QualityRule("tricky_expression", RuleType.VALIDITY, RuleKind.EXPRESSION,
                "core.dim_customer", Map.of("expression", "customer_city <> 'são paulo\\\\' and \"x\" = '{}'",
                "where", "line one\nline two\ttab"), Severity.LOW, BigDecimal.ZERO, true, "a \"quoted\" description");
        rules.seed(List.of(tricky));

        assertThat(normalised(rules.find("tricky_expression").orElseThrow())).isEqualTo(normalised(tricky));

        execute(url, """
                insert into data_quality.quality_rules
                    (rule_name, rule_type, rule_kind, target_table, parameters, severity)
                values ('orders_are_fresh', 'timeliness', 'freshness', 'core.fct_orders',
                        '{"column": "purchased_at", "max_age_days": 3}', 'high')""");
        assertThat(rules.find("orders_are_fresh").orElseThrow().parameters())
                .isEqualTo(Map.of("column", "purchased_at", "max_age_days", "3"));
    }

    @Test
    void a_nul_character_in_a_parameter_or_description_is_stored_as_a_replacement_character() {
        rules.seed(List.of(new QualityRule("nul_expression", RuleType.VALIDITY, RuleKind.EXPRESSION,
                "core.dim_customer", Map.of("expression", "a\0b"), Severity.LOW, BigDecimal.ZERO, true, "c\0d")));

        QualityRule stored = rules.find("nul_expression").orElseThrow();
        assertThat(stored.parameter("expression")).isEqualTo("a\uFFFDb");
        assertThat(stored.description()).isEqualTo("c\uFFFDd");
    }

    @Test
    void a_row_edited_into_an_invalid_rule_fails_naming_the_rule() throws SQLException {
        rules.seed(List.of(ORDERS_HAVE_IDS));
        execute(url, """
                update data_quality.quality_rules
                set parameters = '{"colum": "order_id"}'
                where rule_name = 'orders_have_ids'""");

        assertThatThrownBy(() -> rules.all())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stored quality rule orders_have_ids is not valid: ")
                .hasMessageContaining("unknown parameter 'colum'");
    }

    @Test
    void the_database_rejects_an_unknown_kind_a_kind_without_a_target_and_parameters_that_are_no_object() {
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_rules (rule_name, rule_type, rule_kind, target_table)
                values ('bad_kind', 'validity', 'regex', 'core.fct_orders')"""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_rules_rule_kind_known");
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_rules (rule_name, rule_type, rule_kind)
                values ('no_target', 'validity', 'not_null')"""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_rules_kind_has_target");
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_rules (rule_name, rule_type, rule_kind, target_table, parameters)
                values ('array_parameters', 'validity', 'not_null', 'core.fct_orders', '["order_id"]')"""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_rules_parameters_is_object");
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_rules (rule_name, rule_type, threshold_value)
                values ('null_threshold', 'validity', null)"""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("threshold_value");
    }

    @Test
    void rules_written_before_v4_stay_valid_with_a_threshold_of_0_and_take_a_kind_when_seeded() throws SQLException {
        String oldUrl = TestPostgres.freshDatabase("quality_rules_v3_test");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(oldUrl);
        dataSource.setUser(TestPostgres.server().user());
        dataSource.setPassword(TestPostgres.server().password());
        Flyway.configure(PostgresOps.class.getClassLoader()).dataSource(dataSource)
                .locations(PostgresOps.MIGRATIONS).schemas(PostgresOps.SCHEMAS).target("3").load().migrate();
        execute(oldUrl, """
                insert into data_quality.quality_rules
                    (rule_name, rule_type, description, sql_check, threshold_value, severity, is_blocking, is_active)
                values
                    ('orders_have_ids', 'completeness', 'old', 'select * from core.fct_orders where order_id is null',
                     null, 'high', true, false),
                    ('items_reconcile', 'consistency', null, 'select 1 where false', 2.5, 'low', false, true)""");

        try (PostgresOps migrated = PostgresOps.connect(oldUrl, TestPostgres.server().user(),
                TestPostgres.server().password())) {
            assertThat(strings(oldUrl, """
                    select rule_name || ':' || threshold_value || ':' || parameters::text || ':'
                           || coalesce(rule_kind, '-') || ':' || coalesce(target_table, '-') || ':' || is_blocking
                           || ':' || is_active || ':' || (sql_check is not null)
                    from data_quality.quality_rules order by rule_name"""))
                    .containsExactly("items_reconcile:2.50:{}:-:-:false:true:true",
                            "orders_have_ids:0.00:{}:-:-:true:false:true");
            assertThat(strings(oldUrl, """
                    select count(*) from etl_orchestration.flyway_schema_history where version = '4' and success"""))
                    .containsExactly("1");

            QualityRules old = migrated.qualityRules();
            assertThat(old.all()).isEmpty();
            assertThat(old.find("orders_have_ids")).isEmpty();
            assertThatThrownBy(() -> old.setActive("orders_have_ids", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quality rule orders_have_ids has no kind (it predates its definition file); "
                            + "seed its definition first");

            assertThat(old.seed(List.of(ORDERS_HAVE_IDS))).isZero();

            QualityRule seeded = old.find("orders_have_ids").orElseThrow();
            assertThat(seeded.active()).isFalse();
            assertThat(seeded.threshold()).isEqualByComparingTo("0");
            assertThat(normalised(seeded)).isEqualTo(normalised(ORDERS_HAVE_IDS.withActive(false)));
            assertThat(old.all()).extracting(QualityRule::name).containsExactly("orders_have_ids");
        }
    }

    private static QualityRule rule(String name) {
        return new QualityRule(name, RuleType.UNIQUENESS, RuleKind.UNIQUE, "core.fct_orders",
                Map.of("columns", "order_id"), Severity.MEDIUM, BigDecimal.ONE, true, name);
    }

    /** The rule with its threshold at the store's two decimal places, so equal rules compare equal. */
    private static QualityRule normalised(QualityRule rule) {
        return rule.withThreshold(rule.threshold().setScale(2));
    }

    private static List<QualityRule> normalised(List<QualityRule> rules) {
        return rules.stream().map(JdbiQualityRulesTest::normalised).toList();
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(String jdbcUrl, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestPostgres.connection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
