package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.ModelCatalog.ModelSource;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The warehouse as plain SQL, for tools that build it with DuckDB alone, without the pipeline (the benchmark's
 * bare-engine baseline): the connection settings of a build, the statements that lay out an empty build, the
 * macros, and each SQL model as the statement that creates its table with the tables it reads. A build made
 * by the pipeline runs the same statements; what it adds (extraction checks, the contract and quarantine,
 * dimension history, the domain's steps, quality rules, publishing) is not here.
 */
public final class WarehouseSql {

    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private WarehouseSql() {
    }

    /**
     * One SQL model.
     *
     * @param model    its table, {@code schema.name}, e.g. {@code core.dim_customer}
     * @param resource the class-path file it comes from
     * @param reads    the tables its select reads, {@code schema.table}, found by DuckDB's parser
     * @param create   {@code create or replace table <model> as <select>}, or {@code view} for a staging model
     */
    public record ModelStatement(String model, String resource, Set<String> reads, String create) {

        /** Copies the set. */
        public ModelStatement {
            reads = Set.copyOf(reads);
        }
    }

    /**
     * A connection to the DuckDB file {@code file} (created when missing) with a build's settings: memory limit,
     * threads, spill directory, and insertion order not preserved.
     */
    public static DuckDBConnection connect(Path file, DuckDbSettings settings) throws SQLException {
        return DuckDbBuild.connect(Objects.requireNonNull(file, "file"), Objects.requireNonNull(settings, "settings"));
    }

    /**
     * The statements that make an empty build: the schemas, every raw table (lineage columns
     * {@code _run_id, _source_file, _source_line}, then the header's columns as text), the quarantine, the
     * version history carried by the dimensions (empty: every dimension starts its history), the domain tables,
     * and {@code raw.build} holding run {@code runId} as of {@code asOf} (UTC).
     */
    public static List<String> layout(long runId, LocalDateTime asOf) {
        List<String> statements = new ArrayList<>(RawLayout.createStatements());
        statements.add("insert into " + RawLayout.buildTable() + " values (" + runId + ", cast("
                + RawLayout.literal(asOf.format(SQL_TIMESTAMP)) + " as timestamp))");
        return statements;
    }

    /** DuckDB's write-ahead log of a database file: the file name with {@code .wal} appended. */
    public static Path walOf(Path databaseFile) {
        return BuildFiles.walOf(databaseFile);
    }

    /** {@code "raw"."<table>"}: the raw table a source file is loaded into. */
    public static String rawTable(SourceTable table) {
        return RawLayout.rawTable(table);
    }

    /** A SQL string literal, in single quotes. */
    public static String literal(String text) {
        return RawLayout.literal(text);
    }

    /** Creates (or replaces) the macros the models call, those generated from the domain's rules included. */
    public static void installMacros(Connection connection, DuckDbSettings settings) throws SQLException {
        DuckDbMacros.install(connection, settings.modelRoot());
    }

    /**
     * The SQL models under the settings' model root, in resource path order (the build graph orders them).
     *
     * @param parser a DuckDB connection, used only to parse the models
     * @throws IllegalStateException naming each file at fault
     */
    public static List<ModelStatement> models(Connection parser, DuckDbSettings settings) {
        List<ModelStatement> models = new ArrayList<>();
        for (ModelSource source : ModelCatalog.discover(classLoader(), settings.modelRoot(), parser).sources()) {
            models.add(new ModelStatement(source.model().qualifiedName(), source.resource(), source.model().reads(),
                    source.create()));
        }
        return models;
    }

    /**
     * The tables models may read that no model writes: the raw tables, the quarantine, {@code raw.build}, the
     * carried version history and the domain tables (which the pipeline's Java steps fill).
     */
    public static Set<String> inputTables() {
        Set<String> tables = new TreeSet<>(RawLayout.rawTableNames());
        tables.addAll(DomainTables.tableNames());
        return tables;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : WarehouseSql.class.getClassLoader();
    }
}
