package org.olistdw.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.pipeline.build.CustomerSegmentation;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.OrderValidation;
import org.olistdw.pipeline.build.SegmentationTables;
import org.olistdw.pipeline.build.SqlModels;
import org.olistdw.pipeline.build.ValidationTables;
import org.olistdw.pipeline.build.WarehouseBuild;

/**
 * Everything a run builds and checks after the loads, as one dependency graph: SQL models, Java steps and
 * quality checks are {@linkplain Node nodes} that read and write tables; a node depends on the nodes that write
 * the tables it reads. Nothing is ordered by layer or kind: a mart that reads the customer segments simply
 * comes after the step that writes them, and a check after the tables it measures.
 *
 * <p>The graph is consistent or is not made: every table a model or step reads is written by exactly one
 * node or is a source table (raw or seeded when the build starts); no node writes a source table or a table
 * another node writes; no node depends on itself through others. A check is the exception to the first rule:
 * rules are data people edit, so a check reading a table nothing provides is not a broken graph but a check
 * that cannot run, which its measurement reports as an error result.
 *
 * <p>The order is deterministic: by depth (the longest chain of nodes a node waits for), then Java steps before
 * models before checks (the long single-threaded steps start as early as they can), then by name. Each node
 * comes after every node it depends on.
 */
public final class BuildGraph {

    /** The work of a node or step: runs it and returns the rows it produced or looked at. */
    @FunctionalInterface
    public interface Work {
        long run() throws Exception;
    }

    /**
     * One node of the graph.
     *
     * @param kind   {@link StepKind#TRANSFORM} for a SQL model, {@link StepKind#VALIDATE} for a Java step,
     *               {@link StepKind#CHECK} for a quality check
     * @param name   its name, unique within its kind: the model's table, the step's or the rule's name
     * @param origin what to name in an error about it: the model's file, the step, the rule
     * @param reads  the tables it reads, {@code schema.table}
     * @param writes the tables it writes, {@code schema.table}
     * @param work   what running it does
     */
    public record Node(StepKind kind, String name, String origin, Set<String> reads, Set<String> writes, Work work) {

        public Node {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(work, "work");
            reads = Set.copyOf(new TreeSet<>(reads));
            writes = Set.copyOf(new TreeSet<>(writes));
        }

        /** A SQL model: reads what its SQL reads, writes its table; built by {@code models}. */
        public static Node model(Model model, SqlModels models) {
            Objects.requireNonNull(models, "models");
            return new Node(StepKind.TRANSFORM, model.qualifiedName(), model.source(), model.reads(),
                    Set.of(model.qualifiedName()), () -> models.build(model));
        }

        /** A Java step that validates or derives through the domain, with the tables it declares. */
        public static Node step(String name, Set<String> reads, Set<String> writes, Work work) {
            return new Node(StepKind.VALIDATE, name, "step " + StepKind.VALIDATE.taskName(name), reads, writes, work);
        }

        /** The check of one quality rule: reads the tables its query reads, writes nothing. */
        public static Node check(QualityRule rule, Set<String> reads, Work work) {
            return new Node(StepKind.CHECK, rule.name(), "quality rule " + rule.name(), reads, Set.of(), work);
        }

        /** The name it is recorded under as a task of the run, e.g. {@code transform:core.dim_customer}. */
        public String taskName() {
            return kind.taskName(name);
        }

        /** Whether every table it reads must exist in the graph (all nodes but checks). */
        boolean strict() {
            return kind != StepKind.CHECK;
        }

        /** Java steps, then models, then checks, among nodes of the same depth. */
        int rank() {
            return switch (kind) {
                case VALIDATE -> 0;
                case CHECK -> 2;
                default -> 1;
            };
        }

        @Override
        public String toString() {
            return taskName();
        }
    }

    private final List<Node> order;
    private final Set<String> sourceTables;
    private final Map<String, Node> writers;
    private final Map<String, List<Node>> upstream;
    private final Map<String, List<Node>> downstream;

    private BuildGraph(List<Node> order, Set<String> sourceTables, Map<String, Node> writers,
                       Map<String, List<Node>> upstream, Map<String, List<Node>> downstream) {
        this.order = List.copyOf(order);
        this.sourceTables = Set.copyOf(sourceTables);
        this.writers = Map.copyOf(writers);
        this.upstream = upstream;
        this.downstream = downstream;
    }

    /**
     * The graph of a warehouse build: every SQL model of {@code build}, the validation of its orders and the
     * segmentation of its customers, over the build's source tables.
     *
     * @param validated receives what validating the orders found, when that step has run
     * @throws IllegalStateException naming every model or step at fault and the table, or the cycle
     */
    public static BuildGraph forBuild(WarehouseBuild build, Consumer<OrderValidation> validated) {
        return forBuild(build, validated, false);
    }

    /**
     * The graph of a warehouse build as {@link #forBuild(WarehouseBuild, Consumer)} makes it, validating only the
     * orders that the run's changed keys touch when {@code affectedOnly} (see
     * {@link OrderValidation#ofAffected(ValidationTables, int)}):
     * for a build whose unchanged orders are those of the published warehouse, built with the same models, rules
     * and program.
     */
    public static BuildGraph forBuild(WarehouseBuild build, Consumer<OrderValidation> validated,
                                      boolean affectedOnly) {
        return forBuild(build, validated, affectedOnly, 1);
    }

    /**
     * The graph of a warehouse build as {@link #forBuild(WarehouseBuild, Consumer, boolean)} makes it, its orders
     * validated in {@code validationParts} parts side by side (see {@link OrderValidation#of(ValidationTables,
     * int)}): the validation, often the last node still running, then keeps as many cores busy.
     */
    public static BuildGraph forBuild(WarehouseBuild build, Consumer<OrderValidation> validated,
                                      boolean affectedOnly, int validationParts) {
        Objects.requireNonNull(validated, "validated");
        SqlModels models = build.models();
        List<Node> nodes = new ArrayList<>();
        for (Model model : models.models()) {
            nodes.add(Node.model(model, models));
        }
        ValidationTables validation = build.validation();
        nodes.add(Node.step("orders", validation.tablesRead(), Set.of(validation.tableWritten()), () -> {
            OrderValidation found = affectedOnly ? OrderValidation.ofAffected(validation, validationParts)
                    : OrderValidation.of(validation, validationParts);
            validated.accept(found);
            return found.orders();
        }));
        SegmentationTables segmentation = build.segmentation();
        nodes.add(Node.step("customer segments", segmentation.tablesRead(), Set.of(segmentation.tableWritten()),
                () -> CustomerSegmentation.of(segmentation)));
        return of(nodes, models.sourceTables());
    }

    /**
     * The graph of {@code nodes} over {@code sourceTables}, the tables that exist before any node runs.
     *
     * @throws IllegalStateException naming every node at fault and the table, or the cycle
     */
    public static BuildGraph of(Collection<Node> nodes, Set<String> sourceTables) {
        Set<String> sources = new TreeSet<>(sourceTables);
        List<String> problems = new ArrayList<>();
        Map<String, Node> byTask = new LinkedHashMap<>();
        Map<String, Node> writers = new HashMap<>();
        List<Node> sorted = nodes.stream().sorted(Comparator.comparing(Node::taskName)).toList();
        for (Node node : sorted) {
            Node same = byTask.putIfAbsent(node.taskName(), node);
            if (same != null) {
                problems.add(node.origin() + ": is called " + node.taskName() + " like " + same.origin());
                continue;
            }
            for (String table : node.writes()) {
                if (sources.contains(table)) {
                    problems.add(node.origin() + ": writes " + table + ", which is a source table");
                }
                Node other = writers.putIfAbsent(table, node);
                if (other != null) {
                    problems.add(node.origin() + ": writes " + table + ", which " + other.origin() + " writes too");
                }
            }
        }
        Map<String, List<Node>> upstream = new HashMap<>();
        Map<String, List<Node>> downstream = new HashMap<>();
        for (Node node : byTask.values()) {
            downstream.put(node.taskName(), new ArrayList<>());
        }
        for (Node node : byTask.values()) {
            Set<Node> dependencies = new TreeSet<>(Comparator.comparing(Node::taskName));
            for (String table : node.reads()) {
                Node writer = writers.get(table);
                if (writer != null) {
                    dependencies.add(writer);
                } else if (!sources.contains(table) && node.strict()) {
                    problems.add(node.origin() + ": reads " + table + ", " + unknown(table, sources, writers.keySet()));
                }
            }
            upstream.put(node.taskName(), List.copyOf(dependencies));
            dependencies.forEach(writer -> downstream.get(writer.taskName()).add(node));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the build graph is inconsistent:\n - " + String.join("\n - ", problems));
        }
        List<Node> order = inOrder(byTask, upstream);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).taskName(), i);
        }
        Comparator<Node> inGraphOrder = Comparator.comparing(node -> position.get(node.taskName()));
        Map<String, List<Node>> upstreamInOrder = new HashMap<>();
        upstream.forEach((task, read) -> upstreamInOrder.put(task, read.stream().sorted(inGraphOrder).toList()));
        Map<String, List<Node>> downstreamInOrder = new HashMap<>();
        downstream.forEach((task, readers) ->
                downstreamInOrder.put(task, readers.stream().sorted(inGraphOrder).toList()));
        return new BuildGraph(order, sources, writers, upstreamInOrder, downstreamInOrder);
    }

    /** Why a table read is not in the graph: what its schema holds, or that its schema holds nothing. */
    private static String unknown(String table, Set<String> sources, Set<String> written) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? "" : table.substring(0, dot);
        Set<String> known = new TreeSet<>(sources);
        known.addAll(written);
        Set<String> sameSchema = known.stream().filter(t -> t.startsWith(schema + ".")).collect(
                Collectors.toCollection(TreeSet::new));
        if (sameSchema.isEmpty()) {
            Set<String> schemas = known.stream().map(t -> t.substring(0, t.indexOf('.')))
                    .collect(Collectors.toCollection(TreeSet::new));
            return "whose schema " + schema + " is not in the build (schemas: " + String.join(", ", schemas) + ")";
        }
        return "which is not a " + schema + " table: no model or step writes it and no source holds it ("
                + schema + " tables: " + String.join(", ", sameSchema) + ")";
    }

    /** Each node after those it depends on, by depth, rank and name; a cycle is an error naming it. */
    private static List<Node> inOrder(Map<String, Node> byTask, Map<String, List<Node>> upstream) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<Node>> readers = new HashMap<>();
        List<Node> ready = new ArrayList<>();
        for (Node node : byTask.values()) {
            List<Node> dependencies = upstream.get(node.taskName());
            waiting.put(node.taskName(), dependencies.size());
            dependencies.forEach(d -> readers.computeIfAbsent(d.taskName(), t -> new ArrayList<>()).add(node));
            if (dependencies.isEmpty()) {
                depth.put(node.taskName(), 0);
                ready.add(node);
            }
        }
        List<Node> reached = new ArrayList<>();
        while (!ready.isEmpty()) {
            Node next = ready.remove(ready.size() - 1);
            reached.add(next);
            for (Node reader : readers.getOrDefault(next.taskName(), List.of())) {
                depth.merge(reader.taskName(), depth.get(next.taskName()) + 1, Math::max);
                if (waiting.merge(reader.taskName(), -1, Integer::sum) == 0) {
                    ready.add(reader);
                }
            }
        }
        if (reached.size() < byTask.size()) {
            throw new IllegalStateException("the build graph has a cycle (each reads the next): "
                    + cycle(byTask, upstream, waiting).stream().map(Node::name).collect(Collectors.joining(" -> ")));
        }
        return reached.stream()
                .sorted(Comparator.<Node>comparingInt(node -> depth.get(node.taskName()))
                        .thenComparingInt(Node::rank)
                        .thenComparing(Node::name)
                        .thenComparing(Node::taskName))
                .toList();
    }

    /** A cycle among the nodes that could not be ordered, each reading the next, the first repeated last. */
    private static List<Node> cycle(Map<String, Node> byTask, Map<String, List<Node>> upstream,
                                    Map<String, Integer> waiting) {
        Node current = new TreeMap<>(byTask).values().stream()
                .filter(node -> waiting.get(node.taskName()) > 0).findFirst().orElseThrow();
        List<Node> path = new ArrayList<>();
        while (!path.contains(current)) {
            path.add(current);
            current = upstream.get(current.taskName()).stream()
                    .filter(node -> waiting.get(node.taskName()) > 0).findFirst().orElseThrow();
        }
        List<Node> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return cycle;
    }

    /** The same graph with {@code more} nodes, e.g. the checks of a build graph. */
    public BuildGraph with(Collection<Node> more) {
        List<Node> all = new ArrayList<>(order);
        all.addAll(more);
        return of(all, sourceTables);
    }

    /** Every node, each after every node it depends on, in the deterministic order described on the class. */
    public List<Node> nodes() {
        return order;
    }

    /** The nodes {@code node} depends on (those writing what it reads), in graph order. */
    public List<Node> upstream(Node node) {
        return upstream.getOrDefault(node.taskName(), List.of());
    }

    /** The nodes that depend on {@code node}, in graph order. */
    public List<Node> downstream(Node node) {
        return downstream.getOrDefault(node.taskName(), List.of());
    }

    /** The node that writes {@code table}, if a node does. */
    public Optional<Node> writerOf(String table) {
        return Optional.ofNullable(writers.get(table));
    }

    /** The task name of the node that writes {@code table}, if a node does. */
    public Optional<String> taskWriting(String table) {
        return writerOf(table).map(Node::taskName);
    }

    /** The tables that exist before any node runs. */
    public Set<String> sourceTables() {
        return sourceTables;
    }
}
