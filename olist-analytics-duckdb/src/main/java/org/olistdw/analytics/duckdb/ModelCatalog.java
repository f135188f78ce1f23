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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/**
 * The SQL models under a classpath root, each with the tables it reads.
 *
 * <p>A model is {@code <root>/<layer folder>/<name>.sql} and writes {@code <layer schema>.<name>}; the folder
 * {@code macros} (SQL macros, {@link DuckDbMacros}) and the folder {@code scopes} (the values of each scope a run
 * rebuilds, {@link ScopeTable}) hold no models. Its dependencies are derived
 * from its SQL by DuckDB's parser. The catalog only finds and reads the files: whether what a model reads
 * exists, and the order to build in, are the build graph's concern ({@code org.olistdw.pipeline.BuildGraph}).
 * Models come in resource path order.
 */
final class ModelCatalog {

    /** Folders under the model root that hold SQL but no models. */
    static final Set<String> NOT_MODELS = Set.of(DuckDbMacros.FOLDER, ScopeTable.FOLDER);

    /**
     * The header line that declares a model's scope: {@code -- scope: <column>}, maybe followed by a comment. Each
     * row of such a model belongs to one value of that column (an order, for {@code order_id}) and is computed from
     * the rows of that value in the models it reads with the same scope, and from the whole of the other tables it
     * reads.
     */
    private static final Pattern SCOPE = Pattern.compile("(?m)^--\\s*scope:\\s*([a-z_][a-z0-9_]*)(?![a-z0-9_])");

    /** {@code from <schema>.<table>} at the end of a line: how models name what they read. */
    private static final Pattern READ = Pattern.compile("(?m)\\bfrom\\s+([a-z_]+)\\.([a-z_][a-z0-9_]*)\\s*$");

    /**
     * A model with where it came from.
     *
     * @param model    the model
     * @param layer    its layer, which says whether it is a table or a view
     * @param resource its classpath path
     * @param sql      its select
     * @param scope    the column of its scope, when its header declares one ({@code -- scope: order_id})
     */
    record ModelSource(Model model, Layer layer, String resource, String sql, Optional<String> scope) {

        /** {@code create or replace table|view <schema>.<name> as <select>}: the statement that builds it. */
        String create() {
            return "create or replace " + (layer.views() ? "view " : "table ") + relation() + " as\n"
                    + ModelSql.asSelect(sql) + "\n";
        }

        /** {@code "<schema>"."<name>"}: the relation the model writes, quoted. */
        String relation() {
            return RawLayout.quote(model.schema()) + "." + RawLayout.quote(model.name());
        }

        /**
         * The model's select restricted to the values of its scope in {@code scopeTable} (a table with the scope's
         * column): each read of a model of the same scope ({@code scoped}, qualified names) reads only those
         * values' rows, and the result keeps only those values.
         *
         * @throws IllegalStateException when the model has no scope
         */
        String scopedSelect(String scopeTable, Set<String> scoped) {
            String column = scope.orElseThrow(() -> new IllegalStateException(model.qualifiedName()
                    + " declares no scope"));
            String inScope = ScopeTable.condition(column, scopeTable);
            Matcher reads = READ.matcher(ModelSql.asSelect(sql));
            StringBuilder select = new StringBuilder();
            while (reads.find()) {
                String read = reads.group(1) + "." + reads.group(2);
                String replacement = scoped.contains(read) ? "from (select * from " + read + " where " + inScope
                        + ") as " + RawLayout.quote(reads.group(2)) : reads.group();
                reads.appendReplacement(select, Matcher.quoteReplacement(replacement));
            }
            reads.appendTail(select);
            return "select * from (\n" + select + "\n) as scoped where " + inScope;
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
        try (SqlReferences.Parser prepared = new SqlReferences.Parser(parser)) {
            for (SqlFile file : ClasspathSql.list(loader, root)) {
                if (NOT_MODELS.contains(file.folder())) {
                    continue;
                }
                read(file, prepared, problems).ifPresent(source -> {
                    ModelSource earlier = models.putIfAbsent(source.model().qualifiedName(), source);
                    if (earlier != null) {
                        problems.add(file.resource() + ": model " + source.model().qualifiedName()
                                + " is also defined by " + earlier.resource());
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the SQL models under " + root + " are inconsistent:\n - "
                    + String.join("\n - ", problems));
        }
        return new ModelCatalog(models);
    }

    private static Optional<ModelSource> read(SqlFile file, SqlReferences.Parser parser, List<String> problems) {
        Optional<Layer> layer = Layer.ofFolder(file.folder());
        if (layer.isEmpty()) {
            problems.add(file.resource() + ": folder '" + file.folder() + "' is neither a layer (staging, "
                    + "intermediate, core, marts) nor one of " + String.join(", ", new TreeSet<>(NOT_MODELS)));
            return Optional.empty();
        }
        try {
            Set<String> reads = parser.of(file.text());
            Model model = new Model(layer.get().schema() + "." + file.name(), reads, file.resource());
            Matcher scope = SCOPE.matcher(file.text());
            return Optional.of(new ModelSource(model, layer.get(), file.resource(), file.text(),
                    scope.find() ? Optional.of(scope.group(1)) : Optional.empty()));
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
