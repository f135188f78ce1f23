package org.olistdw.analytics.duckdb;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/**
 * The SQL models under a classpath root, each with the tables it reads.
 *
 * <p>A model is {@code <root>/<layer folder>/<name>.sql} and writes {@code <layer schema>.<name>}; the folder
 * {@code macros} (SQL macros, {@link DuckDbMacros}) holds no models. Its dependencies are derived
 * from its SQL by DuckDB's parser. The catalog only finds and reads the files: whether what a model reads
 * exists, and the order to build in, are the build graph's concern ({@code org.olistdw.pipeline.BuildGraph}).
 * Models come in resource path order.
 */
final class ModelCatalog {

    /** Folders under the model root that hold SQL but no models. */
    static final Set<String> NOT_MODELS = Set.of(DuckDbMacros.FOLDER);

    /**
     * A model with where it came from.
     *
     * @param model    the model
     * @param layer    its layer, which says whether it is a table or a view
     * @param resource its classpath path
     * @param sql      its select
     */
    record ModelSource(Model model, Layer layer, String resource, String sql) {

        /** {@code create or replace table|view <schema>.<name> as <select>}: the statement that builds it. */
        String create() {
            String relation = RawLayout.quote(model.schema()) + "." + RawLayout.quote(model.name());
            return "create or replace " + (layer.views() ? "view " : "table ") + relation + " as\n"
                    + ModelSql.asSelect(sql) + "\n";
        }
    }

    private final Map<String, ModelSource> byQualifiedName;

    private ModelCatalog(Map<String, ModelSource> byQualifiedName) {
        this.byQualifiedName = byQualifiedName;
    }

    /**
     * Finds and parses the models under {@code root}.
     *
     * @param parser a DuckDB connection used only to parse the SQL
     * @throws IllegalStateException naming each file at fault: a folder that is no layer, SQL that is not one
     *                               select or reads a table without its schema, two files for one table
     */
    static ModelCatalog discover(ClassLoader loader, String root, Connection parser) {
        List<String> problems = new ArrayList<>();
        Map<String, ModelSource> models = new LinkedHashMap<>();
        for (SqlFile file : ClasspathSql.list(loader, root)) {
            if (NOT_MODELS.contains(file.folder())) {
                continue;
            }
            read(file, parser, problems).ifPresent(source -> {
                ModelSource earlier = models.putIfAbsent(source.model().qualifiedName(), source);
                if (earlier != null) {
                    problems.add(file.resource() + ": model " + source.model().qualifiedName()
                            + " is also defined by " + earlier.resource());
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the SQL models under " + root + " are inconsistent:\n - "
                    + String.join("\n - ", problems));
        }
        return new ModelCatalog(models);
    }

    private static Optional<ModelSource> read(SqlFile file, Connection parser, List<String> problems) {
        Optional<Layer> layer = Layer.ofFolder(file.folder());
        if (layer.isEmpty()) {
            problems.add(file.resource() + ": folder '" + file.folder() + "' is neither a layer (staging, "
                    + "intermediate, core, marts) nor one of " + String.join(", ", new TreeSet<>(NOT_MODELS)));
            return Optional.empty();
        }
        try {
            Set<String> reads = SqlReferences.of(parser, file.text());
            Model model = new Model(layer.get().schema() + "." + file.name(), reads, file.resource());
            return Optional.of(new ModelSource(model, layer.get(), file.resource(), file.text()));
        } catch (IllegalArgumentException e) {
            problems.add(file.resource() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The models, in resource path order. */
    List<Model> models() {
        return byQualifiedName.values().stream().map(ModelSource::model).toList();
    }

    /** The models with their SQL, in resource path order. */
    Collection<ModelSource> sources() {
        return byQualifiedName.values();
    }

    Optional<ModelSource> source(Model model) {
        return Optional.ofNullable(byQualifiedName.get(model.qualifiedName()));
    }

    Collection<String> qualifiedNames() {
        return byQualifiedName.keySet();
    }
}
