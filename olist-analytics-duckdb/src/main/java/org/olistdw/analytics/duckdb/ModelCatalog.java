package org.olistdw.analytics.duckdb;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.olistdw.pipeline.build.Layer;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/**
 * The SQL models under a classpath root, each with the tables it reads, in build order.
 *
 * <p>A model is {@code <root>/<layer folder>/<name>.sql}; the folder {@code checks} holds quality checks,
 * not models. Its dependencies are derived from its SQL by DuckDB's parser. The catalog is consistent or
 * is not made: every table a model reads is a model, a raw table or a domain table (those filled after
 * the core models only from marts), and no model depends on itself
 * through others. The order is topological, and among models ready to build, by layer then name, so it
 * is the same on every run.
 */
final class ModelCatalog {

    static final String CHECKS_FOLDER = "checks";

    /**
     * A model with where it came from.
     *
     * @param model    the model
     * @param resource its classpath path
     * @param sql      its select
     */
    record ModelSource(Model model, String resource, String sql) {
    }

    private static final Comparator<Model> LAYER_THEN_NAME =
            Comparator.comparing(Model::layer).thenComparing(Model::name);

    private final List<ModelSource> inBuildOrder;
    private final Map<String, ModelSource> byQualifiedName;

    private ModelCatalog(List<ModelSource> inBuildOrder) {
        this.inBuildOrder = List.copyOf(inBuildOrder);
        Map<String, ModelSource> index = new LinkedHashMap<>();
        inBuildOrder.forEach(source -> index.put(source.model().qualifiedName(), source));
        this.byQualifiedName = index;
    }

    /**
     * Finds, parses and orders the models under {@code root}.
     *
     * @param parser a DuckDB connection used only to parse the SQL
     * @throws IllegalStateException naming each file and reference at fault, or the cycle
     */
    static ModelCatalog discover(ClassLoader loader, String root, Connection parser) {
        List<String> problems = new ArrayList<>();
        Map<String, ModelSource> models = new LinkedHashMap<>();
        for (SqlFile file : ClasspathSql.list(loader, root)) {
            if (file.folder().equals(CHECKS_FOLDER) || file.folder().equals(DuckDbMacros.FOLDER)) {
                continue;
            }
            Optional<ModelSource> source = read(file, parser, problems);
            source.ifPresent(s -> {
                ModelSource earlier = models.putIfAbsent(s.model().qualifiedName(), s);
                if (earlier != null) {
                    problems.add(file.resource() + ": model " + s.model().qualifiedName() + " is also defined by "
                            + earlier.resource());
                }
            });
        }
        Set<String> rawTables = RawLayout.rawTableNames();
        Set<String> layerSchemas = new TreeSet<>();
        for (Layer layer : Layer.values()) {
            layerSchemas.add(layer.schema());
        }
        for (ModelSource source : models.values()) {
            for (String table : new TreeSet<>(source.model().dependsOn())) {
                String schema = table.substring(0, table.indexOf('.'));
                if (schema.equals(RawLayout.RAW_SCHEMA)) {
                    if (!rawTables.contains(table)) {
                        problems.add(source.resource() + ": reads " + table + ", which is not a raw table (raw tables: "
                                + String.join(", ", rawTables) + ")");
                    }
                } else if (schema.equals(DomainTables.SCHEMA)) {
                    if (!DomainTables.tableNames().contains(table)) {
                        problems.add(source.resource() + ": reads " + table + ", which is not a domain table (domain"
                                + " tables: " + String.join(", ", DomainTables.tableNames()) + ")");
                    } else if (DomainTables.filledAfterCore().contains(table) && source.model().layer() != Layer.MARTS) {
                        problems.add(source.resource() + ": reads " + table + ", which is filled after the core"
                                + " models; only marts may read it");
                    }
                } else if (layerSchemas.contains(schema)) {
                    if (!models.containsKey(table)) {
                        problems.add(source.resource() + ": reads " + table + ", which is not a model (no file "
                                + root + "/" + folderOfSchema(schema) + "/" + table.substring(schema.length() + 1)
                                + ".sql)");
                    }
                } else {
                    problems.add(source.resource() + ": reads " + table + ", whose schema " + schema
                            + " is not in the warehouse (raw, domain, " + String.join(", ", layerSchemas) + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the SQL models under " + root + " are inconsistent:\n - "
                    + String.join("\n - ", problems));
        }
        return new ModelCatalog(inBuildOrder(models));
    }

    private static Optional<ModelSource> read(SqlFile file, Connection parser, List<String> problems) {
        Layer layer;
        try {
            layer = Layer.ofFolder(file.folder());
        } catch (IllegalArgumentException e) {
            problems.add(file.resource() + ": folder '" + file.folder() + "' is neither a layer (staging, "
                    + "intermediate, core, marts) nor " + CHECKS_FOLDER);
            return Optional.empty();
        }
        try {
            Set<String> reads = SqlReferences.of(parser, file.text());
            return Optional.of(new ModelSource(new Model(file.name(), layer, reads), file.resource(), file.text()));
        } catch (IllegalArgumentException e) {
            problems.add(file.resource() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String folderOfSchema(String schema) {
        for (Layer layer : Layer.values()) {
            if (layer.schema().equals(schema)) {
                return layer.folder();
            }
        }
        return schema;
    }

    /** Kahn's algorithm, taking the ready model first by layer then name. */
    private static List<ModelSource> inBuildOrder(Map<String, ModelSource> models) {
        Map<String, Integer> unbuiltDependencies = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        PriorityQueue<Model> ready = new PriorityQueue<>(LAYER_THEN_NAME);
        for (ModelSource source : models.values()) {
            Model model = source.model();
            int count = 0;
            for (String dependency : model.dependsOn()) {
                if (models.containsKey(dependency)) {
                    count++;
                    readers.computeIfAbsent(dependency, d -> new ArrayList<>()).add(model.qualifiedName());
                }
            }
            unbuiltDependencies.put(model.qualifiedName(), count);
            if (count == 0) {
                ready.add(model);
            }
        }
        List<ModelSource> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Model next = ready.poll();
            order.add(models.get(next.qualifiedName()));
            for (String reader : readers.getOrDefault(next.qualifiedName(), List.of())) {
                if (unbuiltDependencies.merge(reader, -1, Integer::sum) == 0) {
                    ready.add(models.get(reader).model());
                }
            }
        }
        if (order.size() < models.size()) {
            throw new IllegalStateException("the SQL models form a cycle (each reads the next): "
                    + String.join(" -> ", cycle(models, unbuiltDependencies)));
        }
        return order;
    }

    /** A cycle among the models that could not be ordered, each reading the next, the first repeated last. */
    private static List<String> cycle(Map<String, ModelSource> models, Map<String, Integer> unbuiltDependencies) {
        String current = unbuiltDependencies.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        while (!path.contains(current)) {
            path.add(current);
            current = new TreeSet<>(models.get(current).model().dependsOn()).stream()
                    .filter(d -> unbuiltDependencies.getOrDefault(d, 0) > 0)
                    .findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return cycle;
    }

    /** The models in build order. */
    List<Model> models() {
        return inBuildOrder.stream().map(ModelSource::model).toList();
    }

    List<ModelSource> sources() {
        return inBuildOrder;
    }

    Optional<ModelSource> source(Model model) {
        return Optional.ofNullable(byQualifiedName.get(model.qualifiedName()));
    }

    Collection<String> qualifiedNames() {
        return byQualifiedName.keySet();
    }
}
