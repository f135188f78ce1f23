package org.olistdw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.olistdw.pipeline.BuildGraph.Node;

/**
 * Running a build graph on real threads: every node finds the tables it reads already written, however many
 * run at once, and a failure stops the run without leaving anything running.
 */
class GraphExecutorTest {

    private static final Set<String> SOURCES = Set.of("raw.orders", "raw.customers");

    /** The tables written so far, and every node that started before a table it reads was there. */
    private static final class Tables {
        final Set<String> written = ConcurrentHashMap.newKeySet();
        final List<String> tooEarly = Collections.synchronizedList(new ArrayList<>());
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        Tables() {
            written.addAll(SOURCES);
        }

        /** Work that checks what it reads exists, takes a little time, then writes its tables. */
        BuildGraph.Work work(String task, Set<String> reads, Set<String> writes, long millis) {
            return () -> {
                started.add(task);
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    for (String table : reads) {
                        if (!written.contains(table)) {
                            tooEarly.add(task + " read " + table);
                        }
                    }
                    Thread.sleep(millis);
                    written.addAll(writes);
                    return 1L;
                } finally {
                    running.decrementAndGet();
                }
            };
        }
    }

    /**
     * A graph shaped like a build: staging models over the sources, intermediate and core models over them,
     * two Java steps, marts over the core and the steps' tables, and checks over every table.
     */
    private static BuildGraph buildLike(Tables tables, long seed) {
        Random random = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        List<String> staging = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String table = "staging.stg_" + i;
            staging.add(table);
            nodes.add(model(tables, table, random, i % 2 == 0 ? "raw.orders" : "raw.customers"));
        }
        List<String> core = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String table = "core.fact_" + i;
            core.add(table);
            nodes.add(model(tables, table, random, staging.get(random.nextInt(staging.size())),
                    staging.get(random.nextInt(staging.size())), i > 0 ? core.get(random.nextInt(i)) : "raw.orders"));
        }
        nodes.add(step(tables, "orders", Set.of(core.get(0), core.get(3), core.get(7)), "domain.order_violations",
                random));
        nodes.add(step(tables, "customer segments", Set.of(core.get(5)), "domain.customer_segments", random));
        List<String> all = new ArrayList<>(staging);
        all.addAll(core);
        for (int i = 0; i < 5; i++) {
            String table = "mart.mart_" + i;
            all.add(table);
            nodes.add(model(tables, table, random, core.get(random.nextInt(core.size())),
                    i % 2 == 0 ? "domain.customer_segments" : "domain.order_violations"));
        }
        all.add("domain.order_violations");
        all.add("domain.customer_segments");
        for (int i = 0; i < 30; i++) {
            Set<String> reads = new TreeSet<>(List.of(all.get(random.nextInt(all.size())),
                    all.get(random.nextInt(all.size()))));
            QualityRule rule = new QualityRule("rule_" + i, RuleType.VALIDITY, RuleKind.EXPRESSION,
                    reads.iterator().next(), Map.of("expression", "true"), Severity.LOW, BigDecimal.ZERO, true,
                    "a check made for the test");
            nodes.add(Node.check(rule, reads, tables.work("check:rule_" + i, reads, Set.of(), random.nextInt(3))));
        }
        return BuildGraph.of(nodes, SOURCES);
    }

    private static Node model(Tables tables, String table, Random random, String... reads) {
        Set<String> read = new TreeSet<>(Arrays.asList(reads));
        return new Node(StepKind.TRANSFORM, table, table + ".sql", read, Set.of(table),
                tables.work("transform:" + table, read, Set.of(table), random.nextInt(4)));
    }

    private static Node step(Tables tables, String name, Set<String> reads, String writes, Random random) {
        return Node.step(name, reads, Set.of(writes),
                tables.work("validate:" + name, reads, Set.of(writes), 2 + random.nextInt(6)));
    }

    @RepeatedTest(10)
    void with_four_at_once_every_node_finds_what_it_reads_already_written() {
        Tables tables = new Tables();
        BuildGraph graph = buildLike(tables, System.nanoTime());

        new GraphExecutor(4).run(graph, node -> node.work().run());

        assertThat(tables.tooEarly).isEmpty();
        assertThat(tables.started).hasSameSizeAs(graph.nodes()).doesNotHaveDuplicates();
        assertThat(tables.mostAtOnce.get()).isBetween(2, 4);
    }

    @Test
    void a_check_runs_only_after_every_table_it_reads_exists_and_a_model_reading_a_step_output_waits_for_it() {
        Tables tables = new Tables();
        List<Node> nodes = List.of(
                new Node(StepKind.TRANSFORM, "core.fact_orders", "fact", Set.of("raw.orders"),
                        Set.of("core.fact_orders"), tables.work("transform:core.fact_orders", Set.of("raw.orders"),
                        Set.of("core.fact_orders"), 30)),
                Node.step("customer segments", Set.of("core.fact_orders"), Set.of("domain.customer_segments"),
                        tables.work("validate:customer segments", Set.of("core.fact_orders"),
                                Set.of("domain.customer_segments"), 60)),
                new Node(StepKind.TRANSFORM, "mart.mart_customers", "mart", Set.of("domain.customer_segments"),
                        Set.of("mart.mart_customers"), tables.work("transform:mart.mart_customers",
                        Set.of("domain.customer_segments"), Set.of("mart.mart_customers"), 1)),
                new Node(StepKind.TRANSFORM, "staging.stg_customers", "stg", Set.of("raw.customers"),
                        Set.of("staging.stg_customers"), tables.work("transform:staging.stg_customers",
                        Set.of("raw.customers"), Set.of("staging.stg_customers"), 200)),
                Node.check(new QualityRule("mart_matches_staging", RuleType.CONSISTENCY,
                                RuleKind.ROW_COUNT_RECONCILIATION, "mart.mart_customers",
                                Map.of("compare_to", "staging.stg_customers"), Severity.HIGH, BigDecimal.ZERO, true,
                                "a check made for the test"), Set.of("mart.mart_customers", "staging.stg_customers"),
                        tables.work("check:mart_matches_staging", Set.of("mart.mart_customers",
                                "staging.stg_customers"), Set.of(), 1)));

        new GraphExecutor(3).run(BuildGraph.of(nodes, SOURCES), node -> node.work().run());

        assertThat(tables.tooEarly).isEmpty();
        // the slow staging model ran alongside the fact, the step and the mart; the check waited for it
        assertThat(tables.started).containsSubsequence("transform:core.fact_orders", "validate:customer segments",
                "transform:mart.mart_customers", "check:mart_matches_staging");
        assertThat(tables.started.get(tables.started.size() - 1)).isEqualTo("check:mart_matches_staging");
        assertThat(tables.mostAtOnce.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void with_one_at_a_time_the_nodes_run_one_after_another_in_graph_order() {
        Tables tables = new Tables();
        BuildGraph graph = buildLike(tables, 42);

        new GraphExecutor(1).run(graph, node -> node.work().run());

        assertThat(tables.started).containsExactlyElementsOf(graph.nodes().stream().map(Node::taskName).toList());
        assertThat(tables.mostAtOnce.get()).isOne();
    }

    @Test
    void a_failure_starts_no_further_node_waits_for_those_running_and_is_thrown() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicInteger slowFinished = new AtomicInteger();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException boom = new IllegalStateException("model core.broken failed: no such column");
        List<Node> nodes = List.of(
                new Node(StepKind.TRANSFORM, "core.broken", "broken", Set.of("raw.orders"), Set.of("core.broken"),
                        () -> {
                            slowStarted.await(5, TimeUnit.SECONDS);
                            throw boom;
                        }),
                new Node(StepKind.TRANSFORM, "core.slow", "slow", Set.of("raw.customers"), Set.of("core.slow"), () -> {
                    slowStarted.countDown();
                    Thread.sleep(150);
                    slowFinished.incrementAndGet();
                    return 1L;
                }),
                new Node(StepKind.TRANSFORM, "mart.after_broken", "after", Set.of("core.broken"),
                        Set.of("mart.after_broken"), () -> {
                            ran.add("mart.after_broken");
                            return 1L;
                        }),
                new Node(StepKind.TRANSFORM, "mart.after_slow", "after", Set.of("core.slow"),
                        Set.of("mart.after_slow"), () -> {
                            ran.add("mart.after_slow");
                            return 1L;
                        }));

        assertThatThrownBy(() -> new GraphExecutor(2).run(BuildGraph.of(nodes, SOURCES), node -> node.work().run()))
                .isSameAs(boom);

        assertThat(slowFinished.get()).as("the node running when the other failed was waited for").isOne();
        assertThat(ran).as("nothing starts after a failure").isEmpty();
    }

    @Test
    void a_parallelism_below_one_is_refused() {
        assertThatThrownBy(() -> new GraphExecutor(0)).hasMessage("parallelism must be at least 1, was 0");
    }
}
