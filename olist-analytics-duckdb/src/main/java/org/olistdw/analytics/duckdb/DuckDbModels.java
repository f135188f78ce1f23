package org.olistdw.analytics.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.ModelCatalog.ModelSource;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.SqlModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL models of a build, found under the model root; each is built on a session of its own. */
final class DuckDbModels implements SqlModels {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbModels.class);

    private final DuckDbBuild build;
    private final String modelRoot;
    private ModelCatalog catalog;

    DuckDbModels(DuckDbBuild build, String modelRoot) {
        this.build = build;
        this.modelRoot = modelRoot;
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

    @Override
    public long build(Model model) {
        Objects.requireNonNull(model, "model");
        ModelSource source = catalog().source(model)
                .orElseThrow(() -> new IllegalArgumentException("no model " + model.qualifiedName() + " under "
                        + modelRoot + " (models: " + String.join(", ", catalog().qualifiedNames()) + ")"));
        String statement = source.create();
        long started = System.nanoTime();
        try (DuckDBConnection session = build.session()) {
            try (Statement create = session.createStatement()) {
                create.execute(statement);
            } catch (SQLException e) {
                throw new IllegalStateException("model " + model.qualifiedName() + " (" + source.resource()
                        + ") failed: " + e.getMessage(), e);
            }
            long rows = DuckDbBuild.rowCount(session, model.qualifiedName());
            LOG.info("built {} from {}: {} rows in {} ms", model.qualifiedName(), source.resource(), rows,
                    (System.nanoTime() - started) / 1_000_000);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the session of model " + model.qualifiedName() + ": "
                    + e.getMessage(), e);
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
