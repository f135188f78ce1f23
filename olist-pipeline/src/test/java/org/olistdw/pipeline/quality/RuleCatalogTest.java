package org.olistdw.pipeline.quality;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

class RuleCatalogTest {

    private static final Set<String> STATES = Set.of("AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT",
            "MS", "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");

    private static final List<String> SOURCES = List.of("orders", "order_items", "order_payments", "order_reviews",
            "customers", "products", "sellers", "geolocation", "category_translation");

    private static final List<String> FACTS = List.of("fact_orders", "fact_order_items", "fact_payments", "fact_reviews",
            "fact_deliveries");

    private static final List<String> DIMENSIONS = List.of("dim_customer", "dim_product", "dim_seller", "dim_date",
            "dim_geography", "dim_category");

    // ---- the shipped catalogue

    @Test
    void the_shipped_catalogue_loads_at_least_35_active_rules_with_unique_names() {
        List<QualityRule> rules = RuleCatalog.shipped();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(35).allMatch(QualityRule::active);
        assertThat(rules.stream().map(QualityRule::name).distinct().count()).isEqualTo(rules.size());
    }

    @Test
    void the_shipped_catalogue_uses_every_kind_and_every_type() {
        List<QualityRule> rules = RuleCatalog.shipped();

        assertThat(rules.stream().map(QualityRule::kind).collect(toSet())).isEqualTo(EnumSet.allOf(RuleKind.class));
        assertThat(rules.stream().map(QualityRule::type).collect(toSet())).isEqualTo(EnumSet.allOf(RuleType.class));
    }

    @Test
    void the_shipped_catalogue_checks_raw_staging_core_and_mart_tables() {
        Set<String> schemas = RuleCatalog.shipped().stream()
                .map(rule -> rule.target().substring(0, rule.target().indexOf('.'))).collect(toSet());

        assertThat(schemas).contains("raw", "staging", "core", "mart");
    }

    @Test
    void every_table_and_column_a_shipped_rule_names_is_in_the_data_dictionary() throws IOException {
        Map<String, Set<String>> dictionary = dataDictionary();

        for (QualityRule rule : RuleCatalog.shipped()) {
            assertThat(dictionary).as("%s: target", rule.name()).containsKey(rule.target());
            Set<String> columns = dictionary.get(rule.target());
            if (rule.parameter("column") != null) {
                assertThat(columns).as("%s: column of %s", rule.name(), rule.target()).contains(rule.parameter("column"));
            }
            if (rule.parameter("columns") != null) {
                assertThat(columns).as("%s: columns of %s", rule.name(), rule.target())
                        .containsAll(Arrays.asList(rule.parameter("columns").split(",")));
            }
            if (rule.parameter("references") != null) {
                String references = rule.parameter("references");
                String table = references.substring(0, references.lastIndexOf('.'));
                assertThat(dictionary).as("%s: referenced table", rule.name()).containsKey(table);
                assertThat(dictionary.get(table)).as("%s: referenced column", rule.name())
                        .contains(references.substring(references.lastIndexOf('.') + 1));
            }
            if (rule.parameter("compare_to") != null) {
                assertThat(dictionary).as("%s: compared table", rule.name()).containsKey(rule.parameter("compare_to"));
                if (rule.parameter("compare_column") != null) {
                    assertThat(dictionary.get(rule.parameter("compare_to"))).as("%s: compared column", rule.name())
                            .contains(rule.parameter("compare_column"));
                }
            }
        }
    }

    @Test
    void every_shipped_rule_has_a_one_sentence_description() {
        for (QualityRule rule : RuleCatalog.shipped()) {
            assertThat(rule.description()).as(rule.name()).isNotBlank().endsWith(".")
                    .doesNotContain(". ").doesNotContain("\n");
        }
    }

    @Test
    void money_and_grain_rules_block_publishing() {
        Map<String, Severity> expected = new LinkedHashMap<>();
        expected.put("order_items_price_positive", Severity.CRITICAL);
        expected.put("order_payments_value_not_negative", Severity.CRITICAL);
        expected.put("fact_order_items_price_matches_staging", Severity.CRITICAL);
        expected.put("fact_payments_value_matches_staging", Severity.CRITICAL);
        for (String fact : FACTS) {
            expected.put(fact + "_grain_unique", Severity.CRITICAL);
        }
        for (String dimension : DIMENSIONS) {
            expected.put(dimension + "_key_unique", Severity.CRITICAL);
        }
        for (String source : SOURCES) {
            expected.put("staging_" + source + "_rows_match_raw", Severity.CRITICAL);
        }

        assertThat(severities(expected.keySet())).isEqualTo(expected);
        assertThat(rule("order_items_price_positive")).extracting(QualityRule::kind, QualityRule::target)
                .containsExactly(RuleKind.ORDER_RULE, "domain.order_violations");
        assertThat(rule("order_items_price_positive").parameters()).containsExactly(entry("rule", "order_items_price_positive"));
        assertThat(rule("order_payments_value_not_negative").parameters())
                .containsExactly(entry("rule", "order_payments_value_not_negative"));
        assertThat(rule("fact_order_items_price_matches_staging")).extracting(QualityRule::kind, QualityRule::target)
                .containsExactly(RuleKind.MONEY_RECONCILIATION, "core.fact_order_items");
        assertThat(rule("fact_order_items_price_matches_staging").parameter("compare_to")).isEqualTo("staging.stg_order_items");
        assertThat(rule("fact_payments_value_matches_staging")).extracting(QualityRule::kind, QualityRule::target)
                .containsExactly(RuleKind.MONEY_RECONCILIATION, "core.fact_payments");
        assertThat(rule("fact_payments_value_matches_staging").parameter("compare_to"))
                .isEqualTo("staging.stg_order_payments");
        for (String source : SOURCES) {
            QualityRule rows = rule("staging_" + source + "_rows_match_raw");
            assertThat(rows.kind()).isEqualTo(RuleKind.ROW_COUNT_RECONCILIATION);
            assertThat(rows.target()).isEqualTo("staging.stg_" + source);
            assertThat(rows.parameter("compare_to")).isEqualTo("raw." + source);
        }
    }

    @Test
    void every_dimension_key_of_every_fact_has_a_critical_relationship_rule() throws IOException {
        Map<String, Set<String>> dictionary = dataDictionary();
        Map<String, List<QualityRule>> relationships = RuleCatalog.shipped().stream()
                .filter(rule -> rule.kind() == RuleKind.RELATIONSHIP)
                .collect(groupingBy(QualityRule::target));

        for (String fact : FACTS) {
            Set<String> keys = dictionary.get("core." + fact).stream().filter(column -> column.endsWith("_key"))
                    .collect(toSet());
            List<QualityRule> rules = relationships.get("core." + fact);
            assertThat(rules).as(fact).isNotNull().allMatch(rule -> rule.severity() == Severity.CRITICAL);
            assertThat(rules.stream().map(rule -> rule.parameter("column")).collect(toSet())).as(fact).isEqualTo(keys);
            assertThat(rules).as(fact).allMatch(rule -> rule.parameter("references").startsWith("core.dim_"));
        }
    }

    @Test
    void known_imperfections_of_the_real_data_warn_instead_of_blocking() {
        Map<String, Severity> expected = new LinkedHashMap<>();
        expected.put("order_reviews_review_id_unique", Severity.MEDIUM);
        expected.put("orders_payments_match_items_and_freight", Severity.MEDIUM);
        expected.put("orders_delivered_have_delivery_date", Severity.MEDIUM);
        expected.put("customers_state_valid", Severity.MEDIUM);
        expected.put("sellers_state_valid", Severity.MEDIUM);
        expected.put("order_reviews_score_between_1_and_5", Severity.HIGH);
        expected.put("fact_orders_purchases_fresh", Severity.LOW);
        expected.put("fact_orders_volume_stable", Severity.MEDIUM);

        assertThat(severities(expected.keySet())).isEqualTo(expected);
        assertThat(rule("order_reviews_review_id_unique")).extracting(QualityRule::kind, QualityRule::target)
                .containsExactly(RuleKind.UNIQUE, "staging.stg_order_reviews");
        assertThat(rule("order_reviews_review_id_unique").parameter("columns")).isEqualTo("review_id");
        assertThat(rule("order_reviews_review_id_unique").threshold()).isPositive();
        assertThat(rule("orders_payments_match_items_and_freight")).extracting(QualityRule::kind, QualityRule::target)
                .containsExactly(RuleKind.ORDER_RULE, "domain.order_violations");
        assertThat(rule("orders_payments_match_items_and_freight").threshold()).isEqualByComparingTo("25");
        assertThat(rule("orders_delivered_have_delivery_date").threshold()).isEqualByComparingTo("0.1");
        assertThat(rule("order_reviews_score_between_1_and_5").parameters())
                .containsExactly(entry("rule", "order_reviews_score_between_1_and_5"));
        assertThat(rule("fact_orders_purchases_fresh").kind()).isEqualTo(RuleKind.FRESHNESS);
        assertThat(rule("fact_orders_volume_stable")).extracting(QualityRule::kind, QualityRule::target)
                .containsExactly(RuleKind.VOLUME_ANOMALY, "core.fact_orders");
    }

    @Test
    void customer_and_seller_states_must_be_one_of_the_27_federative_units() {
        for (String name : List.of("customers_state_valid", "sellers_state_valid")) {
            QualityRule rule = rule(name);
            assertThat(rule.kind()).as(name).isEqualTo(RuleKind.ACCEPTED_VALUES);
            assertThat(rule.parameter("values").split(",")).as(name).hasSize(27).containsExactlyInAnyOrderElementsOf(STATES);
        }
        assertThat(rule("customers_state_valid").target()).isEqualTo("staging.stg_customers");
        assertThat(rule("sellers_state_valid").target()).isEqualTo("staging.stg_sellers");
    }

    @Test
    void out_of_order_timestamps_are_measured_with_a_tolerance_and_never_block_publishing() {
        for (String name : List.of("orders_approved_not_before_purchase", "orders_carrier_not_before_approval",
                "orders_carrier_not_before_purchase", "orders_delivered_not_before_carrier")) {
            QualityRule rule = rule(name);
            assertThat(rule.kind()).as(name).isEqualTo(RuleKind.ORDER_RULE);
            assertThat(rule.severity()).as(name).isIn(Severity.LOW, Severity.MEDIUM);
            assertThat(rule.threshold()).as(name).isPositive().isLessThanOrEqualTo(new BigDecimal("5"));
        }
    }

    @Test
    void each_business_rule_of_the_order_aggregate_is_one_quality_rule_with_its_fields() {
        List<QualityRule> derived = RuleCatalog.shipped().stream().filter(rule -> rule.kind() == RuleKind.ORDER_RULE)
                .toList();

        assertThat(derived).hasSize(OrderRule.values().length);
        for (OrderRule orderRule : OrderRule.values()) {
            QualityRule rule = rule(orderRule.code());
            assertThat(rule.kind()).as(orderRule.code()).isEqualTo(RuleKind.ORDER_RULE);
            assertThat(rule.target()).isEqualTo(RuleCatalog.ORDER_VIOLATIONS);
            assertThat(rule.parameters()).containsExactly(entry("rule", orderRule.code()));
            assertThat(rule.type()).isEqualTo(orderRule.type());
            assertThat(rule.severity()).isEqualTo(orderRule.severity());
            assertThat(rule.threshold()).isEqualByComparingTo(orderRule.threshold());
            assertThat(rule.description()).isEqualTo(orderRule.description());
            assertThat(rule.active()).isTrue();
        }
    }

    @Test
    void no_rule_of_the_order_aggregate_is_written_again_in_the_json_catalogue() {
        List<String> written = RuleCatalog.shipped().stream().filter(rule -> rule.kind() != RuleKind.ORDER_RULE)
                .map(QualityRule::name).toList();

        assertThat(written).doesNotContainAnyElementsOf(Arrays.stream(OrderRule.values()).map(OrderRule::code).toList());
        Map<String, String> byHand = fields("derived_by_hand");
        byHand.put("kind", q("order_rule"));
        byHand.put("target", q("domain.order_violations"));
        byHand.put("parameters", "{\"rule\": \"orders_status_accepted\"}");
        assertThat(failure(document(byHand))).contains("rule #1 derived_by_hand")
                .contains("kind 'order_rule' is not written in a catalogue");
    }

    @Test
    void every_shipped_sql_rule_names_a_query_file_of_its_own_and_every_query_file_is_used_once() throws IOException {
        Path folder = Path.of("..", RuleCatalog.CHECK_QUERIES);
        Set<String> files;
        try (var listing = Files.list(folder)) {
            files = listing.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .map(name -> name.substring(0, name.length() - ".sql".length())).collect(toSet());
        }
        List<QualityRule> sqlRules = RuleCatalog.shipped().stream().filter(rule -> rule.kind() == RuleKind.SQL).toList();

        assertThat(sqlRules).isNotEmpty();
        assertThat(sqlRules).allSatisfy(rule -> assertThat(rule.parameter("query")).as(rule.name()).isEqualTo(rule.name()));
        assertThat(sqlRules.stream().map(rule -> rule.parameter("query")).collect(toSet())).isEqualTo(files);
    }

    @Test
    void an_sql_rule_names_its_query_file_and_nothing_else() {
        Map<String, String> good = fields("fact_orders_checked_by_a_query");
        good.put("kind", q("sql"));
        good.put("target", q("core.fact_orders"));
        good.put("parameters", "{\"query\": \"fact_orders_checked_by_a_query\"}");

        QualityRule rule = RuleCatalog.load(stream(document(good)), "test.json").get(0);

        assertThat(rule.kind()).isEqualTo(RuleKind.SQL);
        assertThat(rule.parameters()).containsExactly(entry("query", "fact_orders_checked_by_a_query"));
    }

    @Test
    void an_sql_rule_whose_query_is_a_path_a_file_name_or_missing_is_refused() {
        for (String query : List.of("../../etc/passwd", "checks/fact_orders_grain", "fact_orders_grain.sql",
                "Fact_Orders", "")) {
            Map<String, String> bad = fields("sql_rule");
            bad.put("kind", q("sql"));
            bad.put("parameters", "{\"query\": " + q(query) + "}");

            assertThat(failure(document(bad))).as(query).startsWith("test.json: rule #1 sql_rule")
                    .contains(query.isEmpty() ? "missing parameter 'query'" : "parameter 'query' must name a file of"
                            + " sql/quality/checks/ by its name in lower snake case, without '.sql', was '" + query + "'");
        }
        Map<String, String> extra = fields("sql_rule");
        extra.put("kind", q("sql"));
        extra.put("parameters", "{\"query\": \"sql_rule\", \"where\": \"true\"}");
        assertThat(failure(document(extra))).isEqualTo("test.json: rule #1 sql_rule (sql): unknown parameter 'where';"
                + " sql takes [query] and optionally []");
    }

    // ---- the format

    @Test
    void a_valid_document_loads_every_field_in_document_order() {
        Map<String, String> second = fields("second_rule");
        second.put("type", q("completeness"));
        second.put("kind", q("not_null"));
        second.put("target", q("core.fact_orders"));
        second.put("parameters", "{\"column\": \"order_delivered_customer_date\", \"where\": \"order_status = 'delivered'\"}");
        second.put("severity", q("medium"));
        second.put("threshold", "0.25");
        second.put("active", "false");

        List<QualityRule> rules = RuleCatalog.load(stream(document(fields("first_rule"), second)), "test.json");

        assertThat(rules).extracting(QualityRule::name).containsExactly("first_rule", "second_rule");
        assertThat(rules.get(1)).isEqualTo(new QualityRule("second_rule", RuleType.COMPLETENESS, RuleKind.NOT_NULL,
                "core.fact_orders", Map.of("column", "order_delivered_customer_date", "where", "order_status = 'delivered'"),
                Severity.MEDIUM, new BigDecimal("0.25"), false, "Checks something."));
    }

    @Test
    void an_empty_rule_list_loads_as_no_rules() {
        assertThat(RuleCatalog.load(stream("{\"rules\": []}"), "test.json")).isEmpty();
    }

    @Test
    void an_unknown_field_fails_naming_the_rule_and_the_field() {
        Map<String, String> bad = fields("second_rule");
        bad.put("colour", q("red"));

        assertThat(failure(document(fields("first_rule"), bad)))
                .startsWith("test.json: rule #2 second_rule: unknown field 'colour' (a rule has the fields name, type,");
    }

    @Test
    void a_rule_without_a_name_fails_naming_its_position() {
        Map<String, String> bad = fields("second_rule");
        bad.remove("name");

        assertThat(failure(document(fields("first_rule"), bad))).isEqualTo("test.json: rule #2: missing field 'name'");
    }

    @Test
    void every_missing_field_is_listed() {
        assertThat(failure(document(Map.of("name", q("lonely_rule")))))
                .isEqualTo("test.json: rule #1 lonely_rule: missing field 'type'; missing field 'kind'; missing field 'target';"
                        + " missing field 'parameters'; missing field 'severity'; missing field 'threshold';"
                        + " missing field 'active'; missing field 'description'");
    }

    @Test
    void an_unknown_kind_fails_listing_the_kinds() {
        Map<String, String> bad = fields("second_rule");
        bad.put("kind", q("regex"));

        assertThat(failure(document(fields("first_rule"), bad)))
                .isEqualTo("test.json: rule #2 second_rule: unknown rule kind 'regex' (expected one of [not_null, unique,"
                        + " accepted_values, relationship, range, expression, row_count_reconciliation,"
                        + " money_reconciliation, freshness, volume_anomaly, order_rule, sql, source_key, source_volume, published_drift])");
    }

    @Test
    void an_unknown_severity_fails_listing_the_severities() {
        Map<String, String> bad = fields("second_rule");
        bad.put("severity", q("urgent"));

        assertThat(failure(document(fields("first_rule"), bad))).isEqualTo(
                "test.json: rule #2 second_rule: unknown severity 'urgent' (expected one of [low, medium, high, critical])");
    }

    @Test
    void a_name_used_twice_fails_naming_both_positions() {
        assertThat(failure(document(fields("first_rule"), fields("second_rule"), fields("first_rule"))))
                .isEqualTo("test.json: rule #3 first_rule: duplicate name, already used by rule #1");
    }

    @Test
    void a_parameter_missing_for_its_kind_fails_naming_the_parameter() {
        Map<String, String> bad = fields("second_rule");
        bad.put("kind", q("range"));
        bad.put("parameters", "{\"min\": \"0\"}");

        assertThat(failure(document(fields("first_rule"), bad))).isEqualTo("test.json: rule #2 second_rule (range):"
                + " missing parameter 'column'; range takes [column] and optionally [min, max, where]");
    }

    @Test
    void a_threshold_of_120_percent_fails() {
        Map<String, String> bad = fields("second_rule");
        bad.put("threshold", "120");

        assertThat(failure(document(fields("first_rule"), bad)))
                .isEqualTo("test.json: rule #2 second_rule: threshold 120 must be a percentage between 0 and 100");
    }

    @Test
    void a_threshold_finer_than_a_hundredth_of_a_percent_fails() {
        Map<String, String> bad = fields("second_rule");
        bad.put("threshold", "0.125");

        assertThat(failure(document(bad)))
                .isEqualTo("test.json: rule #1 second_rule: threshold 0.125 has more than two decimals");
    }

    @Test
    void values_of_the_wrong_json_type_are_named() {
        Map<String, String> bad = fields("second_rule");
        bad.put("threshold", q("5"));
        bad.put("active", q("yes"));
        bad.put("parameters", "{\"expression\": 1}");

        assertThat(failure(document(bad))).isEqualTo("test.json: rule #1 second_rule:"
                + " parameter 'expression' must be a string, found number;"
                + " field 'threshold' must be a number (percent), found string;"
                + " field 'active' must be true or false, found string");
    }

    @Test
    void a_name_that_is_not_text_is_reported_by_position() {
        Map<String, String> bad = fields("second_rule");
        bad.put("name", "42");

        assertThat(failure(document(bad))).isEqualTo("test.json: rule #1: field 'name' must be a string, found number");
    }

    @Test
    void what_the_rule_itself_rejects_is_reported_with_the_rule() {
        Map<String, String> bad = fields("second_rule");
        bad.put("target", q("fact_orders"));

        assertThat(failure(document(bad)))
                .isEqualTo("test.json: rule #1 second_rule: target 'fact_orders' must be schema.table");
    }

    @Test
    void a_rule_that_is_not_an_object_is_reported_by_position() {
        assertThat(failure("{\"rules\": [\"order_items_price_positive\"]}"))
                .isEqualTo("test.json: rule #1: must be a JSON object, found string");
    }

    @Test
    void a_document_without_a_rule_list_fails() {
        assertThat(failure("[]")).isEqualTo("test.json: expected a JSON object {\"rules\": [...]}, found array");
        assertThat(failure("{\"rules\": 1}")).isEqualTo("test.json: field 'rules' must be an array, found number");
        assertThat(failure("{}")).isEqualTo("test.json: missing field 'rules' (expected {\"rules\": [...]})");
        assertThat(failure("{\"rules\": [], \"version\": 2}"))
                .isEqualTo("test.json: unknown top-level field 'version' (the document holds only \"rules\")");
        assertThat(failure("")).isEqualTo("test.json: empty; expected a JSON object {\"rules\": [...]}");
    }

    @Test
    void text_that_is_not_json_fails_with_its_line_and_column() {
        assertThat(failure("{\"rules\": [\n  {\"name\": \"x\",,}\n]}"))
                .startsWith("test.json: not valid JSON at line 2, column ");
        assertThat(failure("{\"rules\": [], \"rules\": []}"))
                .startsWith("test.json: not valid JSON at line 1, column ").contains("Duplicate field 'rules'");
    }

    // ---- helpers

    private static QualityRule rule(String name) {
        return RuleCatalog.shipped().stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no shipped rule " + name));
    }

    private static Map<String, Severity> severities(Set<String> names) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (String name : names) {
            severities.put(name, rule(name).severity());
        }
        return severities;
    }

    /** A valid rule's fields as raw JSON values, in the documented order. */
    private static Map<String, String> fields(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", q(name));
        fields.put("type", q("validity"));
        fields.put("kind", q("expression"));
        fields.put("target", q("staging.stg_order_items"));
        fields.put("parameters", "{\"expression\": \"price > 0\"}");
        fields.put("severity", q("critical"));
        fields.put("threshold", "0");
        fields.put("active", "true");
        fields.put("description", q("Checks something."));
        return fields;
    }

    @SafeVarargs
    private static String document(Map<String, String>... rules) {
        return Arrays.stream(rules)
                .map(rule -> rule.entrySet().stream().map(field -> q(field.getKey()) + ": " + field.getValue())
                        .collect(joining(",\n    ", "  {", "}")))
                .collect(joining(",\n", "{\"rules\": [\n", "\n]}"));
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The message loading {@code json} fails with, checked to be one line naming the source. */
    private static String failure(String json) {
        Throwable thrown = catchThrowable(() -> RuleCatalog.load(stream(json), "test.json"));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).startsWith("test.json: ").doesNotContain("\n").doesNotContain("\r");
        return thrown.getMessage();
    }

    /** Table ({@code schema.table}) to its columns, from docs/data-dictionary.md. */
    private static Map<String, Set<String>> dataDictionary() throws IOException {
        Path file = Path.of("..", "docs", "data-dictionary.md");
        assertThat(file).as("the data dictionary, from the module directory").isRegularFile();
        Map<String, Set<String>> tables = new TreeMap<>();
        Set<String> columns = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                columns = new TreeSet<>();
                tables.put(line.substring(4).strip(), columns);
            } else if (line.startsWith("## ")) {
                columns = null;
            } else if (columns != null && line.startsWith("| ") && !line.startsWith("| column ")) {
                columns.add(line.split("\\|")[1].strip());
            }
        }
        return tables;
    }

    @Test
    void the_shipped_catalogue_is_on_the_class_path_where_the_loader_looks() {
        assertThat(RuleCatalog.class.getClassLoader().getResource(RuleCatalog.SHIPPED_RESOURCE)).isNotNull();
    }
}
