package org.olistdw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.olistdw.pipeline.BuildGraph.Node;

/** The build graph made by hand: its order, its dependencies, and the graphs it refuses to be. */
class BuildGraphTest {

    private static final Set<String> SOURCES = Set.of("raw.orders", "raw.customers", "domain.brazilian_states");

    private static Node model(String table, String... reads) {
        return new Node(StepKind.TRANSFORM, table, "sql/" + table + ".sql", Set.of(reads), Set.of(table), () -> 1L);
    }

    private static Node step(String name, Set<String> reads, String writes) {
        return Node.step(name, reads, Set.of(writes), () -> 1L);
    }

    private static Node check(String rule, String... reads) {
        QualityRule quality = new QualityRule(rule, RuleType.VALIDITY, RuleKind.EXPRESSION, reads[0],
                Map.of("expression", "true"), Severity.LOW, BigDecimal.ZERO, true, "a check made for the test");
        return Node.check(quality, Set.of(reads), () -> 1L);
    }

    /** Two staging models, a fact over both, a step over the fact, a mart over the step's table and three checks. */
    private static List<Node> handMade() {
        return List.of(
                check("violations_recorded", "domain.order_violations", "core.fact_orders"),
                model("mart.mart_rules", "domain.order_violations", "core.fact_orders"),
                step("orders", Set.of("core.fact_orders"), "domain.order_violations"),
                check("orders_not_empty", "core.fact_orders"),
                model("core.fact_orders", "staging.stg_orders", "staging.stg_customers"),
                check("stg_orders_rows", "staging.stg_orders", "raw.orders"),
                model("staging.stg_orders", "raw.orders"),
                model("staging.stg_customers", "raw.customers", "domain.brazilian_states"));
    }

    @Test
    void a_hand_made_graph_of_models_a_step_and_checks_comes_by_depth_then_steps_models_checks_then_name() {
        BuildGraph graph = BuildGraph.of(handMade(), SOURCES);

        // depth 0: the staging models; 1: the fact, the check on staging; 2: the step, the check on the fact;
        // 3: the mart and the check reading the step's table
        assertThat(graph.nodes()).extracting(Node::taskName).containsExactly(
                "transform:staging.stg_customers",
                "transform:staging.stg_orders",
                "transform:core.fact_orders",
                "check:stg_orders_rows",
                "validate:orders",
                "check:orders_not_empty",
                "transform:mart.mart_rules",
                "check:violations_recorded");
    }

    @Test
    void each_node_depends_on_the_nodes_writing_what_it_reads_and_on_nothing_for_source_tables() {
        BuildGraph graph = BuildGraph.of(handMade(), SOURCES);
        Node fact = graph.writerOf("core.fact_orders").orElseThrow();
        Node validation = graph.writerOf("domain.order_violations").orElseThrow();
        Node mart = graph.writerOf("mart.mart_rules").orElseThrow();

        assertThat(graph.upstream(fact)).extracting(Node::taskName)
                .containsExactly("transform:staging.stg_customers", "transform:staging.stg_orders");
        assertThat(graph.upstream(mart)).containsExactly(fact, validation);
        assertThat(graph.downstream(validation)).extracting(Node::taskName)
                .containsExactly("transform:mart.mart_rules", "check:violations_recorded");
        assertThat(graph.upstream(graph.writerOf("staging.stg_orders").orElseThrow())).isEmpty();
        assertThat(graph.writerOf("raw.orders")).isEmpty();
        assertThat(graph.taskWriting("domain.order_violations")).contains("validate:orders");
        assertThat(graph.taskWriting("core.fact_orders")).contains("transform:core.fact_orders");
    }

    @Test
    void more_nodes_make_a_new_graph_over_the_same_sources() {
        BuildGraph models = BuildGraph.of(handMade().stream().filter(node -> node.kind() != StepKind.CHECK).toList(),
                SOURCES);

        BuildGraph all = models.with(List.of(check("orders_not_empty", "core.fact_orders")));

        assertThat(models.nodes()).hasSize(5);
        assertThat(all.nodes()).hasSize(6).extracting(Node::taskName)
                .containsSubsequence("transform:core.fact_orders", "check:orders_not_empty");
        assertThat(all.upstream(all.nodes().stream().filter(node -> node.kind() == StepKind.CHECK).findFirst()
                .orElseThrow())).containsExactly(models.writerOf("core.fact_orders").orElseThrow());
        assertThat(all.sourceTables()).isEqualTo(SOURCES);
    }

    @Test
    void a_table_nothing_writes_is_an_error_naming_the_node_and_the_table_but_not_for_a_check() {
        List<Node> nodes = List.of(
                model("staging.stg_orders", "raw.orders"),
                model("core.fact_sales", "staging.stg_payments", "raw.order_payment_plans"),
                step("orders", Set.of("core.no_such_fact"), "domain.order_violations"),
                model("core.dim_zone", "geo.zones"),
                check("payments_exist", "staging.stg_payments"));

        assertThatThrownBy(() -> BuildGraph.of(nodes, SOURCES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the build graph is inconsistent:")
                .hasMessageContaining("sql/core.fact_sales.sql: reads staging.stg_payments, which is not a staging"
                        + " table: no model or step writes it and no source holds it (staging tables: staging.stg_orders)")
                .hasMessageContaining("sql/core.fact_sales.sql: reads raw.order_payment_plans, which is not a raw"
                        + " table")
                .hasMessageContaining("step validate:orders: reads core.no_such_fact, which is not a core table")
                .hasMessageContaining("sql/core.dim_zone.sql: reads geo.zones, whose schema geo is not in the build")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("payments_exist"));
    }

    @Test
    void a_check_reading_a_table_nothing_writes_depends_only_on_the_tables_that_exist() {
        BuildGraph graph = BuildGraph.of(List.of(model("staging.stg_orders", "raw.orders"),
                check("typo_in_target", "staging.stg_ordres", "staging.stg_orders")), SOURCES);

        assertThat(graph.upstream(graph.nodes().get(1))).extracting(Node::taskName)
                .containsExactly("transform:staging.stg_orders");
    }

    @Test
    void a_cycle_through_a_model_and_a_step_is_an_error_naming_the_cycle() {
        List<Node> nodes = List.of(
                model("staging.stg_orders", "raw.orders"),
                model("core.fact_orders", "staging.stg_orders", "domain.customer_segments"),
                step("customer segments", Set.of("core.fact_orders"), "domain.customer_segments"));

        assertThatThrownBy(() -> BuildGraph.of(nodes, SOURCES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the build graph has a cycle (each reads the next): core.fact_orders -> customer segments"
                        + " -> core.fact_orders");
    }

    @Test
    void a_model_reading_its_own_table_is_a_cycle() {
        assertThatThrownBy(() -> BuildGraph.of(List.of(model("core.dim_a", "core.dim_a")), SOURCES))
                .hasMessageEndingWith("core.dim_a -> core.dim_a");
    }

    @Test
    void two_nodes_writing_one_table_or_a_node_writing_a_source_table_are_errors_naming_both() {
        List<Node> nodes = List.of(
                model("staging.stg_orders", "raw.orders"),
                step("orders", Set.of("raw.orders"), "staging.stg_orders"),
                step("customers", Set.of(), "raw.customers"));

        assertThatThrownBy(() -> BuildGraph.of(nodes, SOURCES))
                .hasMessageContaining("step validate:orders: writes staging.stg_orders, which sql/staging.stg_orders.sql"
                        + " writes too")
                .hasMessageContaining("step validate:customers: writes raw.customers, which is a source table");
    }

    @Test
    void the_order_is_the_same_whatever_order_the_nodes_are_given_in() {
        List<Node> nodes = handMade();
        List<Node> reversed = new java.util.ArrayList<>(nodes);
        java.util.Collections.reverse(reversed);

        assertThat(BuildGraph.of(reversed, SOURCES).nodes()).extracting(Node::taskName)
                .containsExactlyElementsOf(BuildGraph.of(nodes, SOURCES).nodes().stream().map(Node::taskName).toList());
    }
}
