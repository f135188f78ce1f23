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
        String digest = sha256(statement);
        long started = System.nanoTime();
        try (DuckDBConnection session = build.session()) {
            boolean held = build.heldModel(model.qualifiedName()).filter(digest::equals).isPresent();
            if (!held) {
                try (Statement create = session.createStatement()) {
                    create.execute(statement);
                } catch (SQLException e) {
                    throw new IllegalStateException("model " + model.qualifiedName() + " (" + source.resource()
                            + ") failed: " + e.getMessage(), e);
                }
            }
            built.put(model.qualifiedName(), digest);
            long rows = DuckDbBuild.rowCount(session, model.qualifiedName());
            LOG.info("{} {} from {}: {} rows in {} ms", held ? "kept" : "built", model.qualifiedName(),
                    held ? "the published warehouse (same statement, same inputs)" : source.resource(), rows,
                    (System.nanoTime() - started) / 1_000_000);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the session of model " + model.qualifiedName() + ": "
                    + e.getMessage(), e);
        }
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
        for (Model model : catalog().models()) {
            reads.put(model.qualifiedName(), model.reads());
        }
        SeededBuild.recordModels(connection, built, reads);
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
