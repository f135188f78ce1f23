package org.olistdw.analytics.duckdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.ModelCatalog.ModelSource;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.ModelOrigin;
import org.olistdw.pipeline.build.SqlModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL models of a build, found under the model root; each is built on a session of its own. */
final class DuckDbModels implements SqlModels {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbModels.class);

    private final DuckDbBuild build;
    private final String modelRoot;
    private ModelCatalog catalog;
    /** Every model built (or kept) in this build, with the SHA-256 of its statement. */
    private final Map<String, String> built = new ConcurrentHashMap<>();
    /** How each model's table came about in this build. */
    private final Map<String, ModelOrigin> origins = new ConcurrentHashMap<>();
    private final ScopeTable scopes;

    DuckDbModels(DuckDbBuild build, String modelRoot) {
        this.build = build;
        this.modelRoot = modelRoot;
        this.scopes = new ScopeTable(build, modelRoot);
    }

    @Override
    public List<Model> models() {
        return catalog().models();
    }

    /** The raw tables (sources, quarantine, the run, the carried-over dimension history) and the seeded states. */
    @Override
    public Set<String> sourceTables() {
        Set<String> tables = new TreeSet<>(RawLayout.rawTableNames());
        tables.addAll(DomainTables.seededTableNames());
        return tables;
    }

    /** The Brazilian states, seeded into every build from the same constant. */
    @Override
    public Set<String> constantTables() {
        return Set.of(DomainTables.qualified(DomainTables.BRAZILIAN_STATES));
    }

    @Override
    public long build(Model model) {
        Objects.requireNonNull(model, "model");
        ModelSource source = catalog().source(model)
                .orElseThrow(() -> new IllegalArgumentException("no model " + model.qualifiedName() + " under "
                        + modelRoot + " (models: " + String.join(", ", catalog().qualifiedNames()) + ")"));
        String statement = source.create();
        String digest = sha256(statement);
        long started = System.nanoTime();
        try (DuckDBConnection session = build.session()) {
            boolean held = build.heldModel(model.qualifiedName()).filter(digest::equals).isPresent();
            boolean patched = !held && source.scope().isPresent()
                    && build.patchableModel(model.qualifiedName()).filter(digest::equals).isPresent()
                    && build.scopeComplete();
            String how;
            ModelOrigin origin;
            if (held) {
                origin = ModelOrigin.KEPT;
                how = "kept " + model.qualifiedName() + " from the published warehouse (same statement, same inputs)";
            } else if (patched && scopeIsSmall(session, source)) {
                origin = ModelOrigin.PATCHED;
                long[] changed = patch(session, source);
                how = "patched " + model.qualifiedName() + " from " + source.resource() + ": " + changed[0]
                        + " rows of the " + changed[1] + " values of " + source.scope().get() + " in scope replaced";
            } else {
                origin = ModelOrigin.BUILT;
                try (Statement create = session.createStatement()) {
                    create.execute(statement);
                } catch (SQLException e) {
                    throw new IllegalStateException("model " + model.qualifiedName() + " (" + source.resource()
                            + ") failed: " + e.getMessage(), e);
                }
                how = "built " + model.qualifiedName() + " from " + source.resource();
            }
            built.put(model.qualifiedName(), digest);
            origins.put(model.qualifiedName(), origin);
            long rows = DuckDbBuild.rowCount(session, model.qualifiedName());
            LOG.info("{}: {} rows in {} ms", how, rows, (System.nanoTime() - started) / 1_000_000);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the session of model " + model.qualifiedName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Replaces, in the model's table as the published warehouse left it, the rows of the values of its scope that
     * the run's changes reach ({@link ScopeTable}) by those its select gives now, reading only their rows of the
     * models of the same scope.
     *
     * @return the rows inserted and the values in scope
     */
    private long[] patch(DuckDBConnection session, ModelSource source) throws SQLException {
        String column = source.scope().orElseThrow();
        String scopeTable = scopes.table(column);
        Set<String> sameScope = new TreeSet<>();
        for (ModelSource other : catalog().sources()) {
            if (other.scope().equals(source.scope())) {
                sameScope.add(other.model().qualifiedName());
            }
        }
        String table = source.relation();
        String inScope = ScopeTable.condition(column, scopeTable);
        boolean autoCommit = session.getAutoCommit();
        session.setAutoCommit(false);
        try (Statement statement = session.createStatement()) {
            statement.executeUpdate("delete from " + table + " where " + inScope);
            long inserted = statement.executeUpdate("insert into " + table + " "
                    + source.scopedSelect(scopeTable, sameScope));
            session.commit();
            return new long[] {inserted, scopes.size(column)};
        } catch (SQLException e) {
            session.rollback();
            throw new IllegalStateException("model " + source.model().qualifiedName() + " (" + source.resource()
                    + ") failed to patch its scope: " + e.getMessage(), e);
        } finally {
            session.setAutoCommit(autoCommit);
        }
    }

    /**
     * Whether the run's scope holds at most a quarter as many values as the model's published table has rows:
     * beyond that, deleting and inserting the scope's rows costs more than building the table whole (a line removed
     * near the top of a file moves every later line, and the models carry the lines along).
     */
    private boolean scopeIsSmall(DuckDBConnection session, ModelSource source) throws SQLException {
        String column = source.scope().orElseThrow();
        scopes.table(column);
        long rows = DuckDbBuild.rowCount(session, source.model().qualifiedName());
        boolean small = scopes.size(column) * 4 <= rows;
        if (!small) {
            LOG.info("{} is built whole: {} values of {} in scope for {} rows", source.model().qualifiedName(),
                    scopes.size(column), column, rows);
        }
        return small;
    }

    @Override
    public Map<String, ModelOrigin> origins() {
        Map<String, ModelOrigin> tables = new TreeMap<>();
        for (ModelSource source : catalog().sources()) {
            ModelOrigin origin = origins.get(source.model().qualifiedName());
            if (origin != null && !source.layer().views()) {
                tables.put(source.model().qualifiedName(), origin);
            }
        }
        return tables;
    }

    /**
     * Records in the build what every model built so far read, transitively, and the statement that built it
     * ({@link SeededBuild#recordModels}), for the next build to tell which tables it may keep.
     */
    void recordInputs(Connection connection) throws SQLException {
        if (built.isEmpty()) {
            return;
        }
        Map<String, Set<String>> reads = new TreeMap<>();
        Map<String, String> scopeColumns = new TreeMap<>();
        for (ModelSource source : catalog().sources()) {
            reads.put(source.model().qualifiedName(), source.model().reads());
            source.scope().ifPresent(column -> scopeColumns.put(source.model().qualifiedName(), column));
        }
        SeededBuild.recordModels(connection, built, reads, scopeColumns, origins);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private synchronized ModelCatalog catalog() {
        if (catalog == null) {
            try (DuckDBConnection parser = build.session()) {
                catalog = ModelCatalog.discover(build.classLoader(), modelRoot, parser);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close the parser's session: " + e.getMessage(), e);
            }
        }
        return catalog;
    }
}
