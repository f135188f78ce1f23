package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.ModelOrigin;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A build that starts from a copy of the published warehouse instead of an empty file, for a run that carries the
 * raw tables of unchanged files over: the file is copied whole (the operating system copies its pages, nothing is
 * decompressed or compressed again), then everything but those raw tables and their quarantined rows is dropped, so
 * that the build holds what an empty build would after copying those tables row by row from the published file.
 * When the definitions are those that built the published warehouse, the tables of the models that read nothing
 * but those raw tables and the seeded tables stay too, and are kept instead of built again: each published
 * warehouse records what every model read and the statement that built it ({@code raw.model_inputs}). The tables
 * of the models that declare a scope stay as well, for the build to rebuild only their rows of the run's scope
 * ({@link DuckDbModels}, {@link ScopeTable}).
 *
 * <p>The dropped objects' blocks are freed by a checkpoint and reused by the tables the run writes, so the build
 * ends about as large as a build that started empty.
 */
final class SeededBuild {

    private static final Logger LOG = LoggerFactory.getLogger(SeededBuild.class);

    private SeededBuild() {
    }

    /**
     * Copies the published file to {@code buildFile} when it can start a build: it exists and has no write-ahead
     * log beside it (a published file is closed after its last checkpoint; a log would hold changes the copy
     * lacks).
     *
     * @return whether the build file is now that copy
     * @throws IOException when the copy fails part-way (the caller deletes the build file)
     */
    static boolean copy(Path publishedFile, Path buildFile) throws IOException {
        if (!Files.isRegularFile(publishedFile) || Files.exists(BuildFiles.walOf(publishedFile))) {
            return false;
        }
        Files.copy(publishedFile, buildFile);
        return true;
    }

    /**
     * What a build copied from the warehouse of run {@code from} holds: the raw tables of {@code tables} with their
     * quarantined rows, the tables of {@code models} to keep and the tables of {@code patchable} models, whose rows
     * in the run's scope are to be rebuilt (each qualified name to the SHA-256 of the statement that built it);
     * {@link #none()} for a build that started empty.
     */
    record Seed(Optional<RunId> from, Set<SourceTable> tables, Map<String, String> models,
                Map<String, String> patchable) {
        Seed {
            tables = tables.isEmpty() ? EnumSet.noneOf(SourceTable.class) : EnumSet.copyOf(tables);
            models = Map.copyOf(models);
            patchable = Map.copyOf(patchable);
        }

        static Seed none() {
            return new Seed(Optional.empty(), Set.of(), Map.of(), Map.of());
        }
    }

    /**
     * Keeps only what the build carries over in the copy open on {@code connection}: the raw tables of
     * {@code unchanged} and their rows of {@code raw.quarantine}, and with {@code sameDefinitions} the tables of the
     * models that read, transitively, nothing but those raw tables and the tables seeded with every build (as
     * {@code raw.model_inputs} records them). Every other schema, table, view and macro is dropped; a checkpoint
     * then frees their blocks.
     *
     * @return what the copy holds, or empty when it is not the build of {@code from} or one of those raw tables
     *         has other columns than this program's layout gives it: it is then left as it is and the caller starts
     *         an empty build instead
     */
    static Optional<Seed> clear(Connection connection, RunId from, Set<SourceTable> unchanged,
                                boolean sameDefinitions) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select max(run_id) from " + RawLayout.buildTable())) {
                result.next();
                long run = result.getLong(1);
                if (result.wasNull() || run != from.value()) {
                    LOG.info("the published warehouse is the build of run {}, not of run {}; the build starts empty",
                            result.wasNull() ? "(none)" : run, from);
                    return Optional.empty();
                }
            }
            for (SourceTable table : unchanged) {
                List<RawLayout.RawColumn> columns = columns(statement, table);
                if (!columns.equals(RawLayout.columns(table))) {
                    LOG.info("the published raw table of {} has the columns {}, not those of this program's layout; "
                            + "the build starts empty", table.fileName(), columns);
                    return Optional.empty();
                }
            }
            List<Recorded> recorded = sameDefinitions ? recorded(statement) : List.of();
            Map<String, String> models = modelsOf(recorded, unchanged);
            Map<String, String> patchable = patchableOf(recorded, unchanged);
            patchable.keySet().removeAll(models.keySet());
            Set<String> keptModels = new TreeSet<>(models.keySet());
            keptModels.addAll(patchable.keySet());
            for (String drop : drops(statement, unchanged, keptModels)) {
                statement.execute(drop);
            }
            statement.execute("delete from " + RawLayout.quarantineTable() + " where source_file not in ("
                    + unchanged.stream().map(table -> RawLayout.literal(table.fileName()))
                            .collect(Collectors.joining(", ")) + ")");
            statement.execute("checkpoint");
            return Optional.of(new Seed(Optional.of(from), unchanged, models, patchable));
        }
    }

    /** The columns of {@code table}'s raw table in the copy, in table order. */
    private static List<RawLayout.RawColumn> columns(Statement statement, SourceTable table) throws SQLException {
        List<RawLayout.RawColumn> columns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select column_name, data_type from information_schema.columns "
                + "where table_catalog = current_database() and table_schema = "
                + RawLayout.literal(RawLayout.RAW_SCHEMA) + " and table_name = " + RawLayout.literal(table.tableName())
                + " order by ordinal_position")) {
            while (rows.next()) {
                columns.add(new RawLayout.RawColumn(rows.getString(1), rows.getString(2)));
            }
        }
        return columns;
    }

    /**
     * A model table of the copy as {@code raw.model_inputs} recorded it: the SHA-256 of the statement that built it,
     * the tables it read through the other models, and the column of its scope when it declared one.
     */
    private record Recorded(String model, String statementSha256, Set<String> inputs, Optional<String> scope) {
    }

    /**
     * The model tables of the copy that read only the raw tables of {@code unchanged} and the seeded tables, with
     * the SHA-256 of the statement that built each.
     */
    private static Map<String, String> modelsOf(List<Recorded> recorded, Set<SourceTable> unchanged) {
        Set<String> allowed = new TreeSet<>(DomainTables.seededTableNames());
        unchanged.forEach(table -> allowed.add(RawLayout.RAW_SCHEMA + "." + table.tableName()));
        Map<String, String> models = new TreeMap<>();
        for (Recorded model : recorded) {
            if (allowed.containsAll(model.inputs())) {
                models.put(model.model(), model.statementSha256());
            }
        }
        return models;
    }

    /**
     * The model tables of the copy whose rows can be rebuilt for the run's scope alone: each declared a scope this
     * program supports ({@link ScopeTable}) when it was built, and of the files that changed it reads only those
     * whose changes reach it through the scope: the orders' four files, whose keys belong to orders, and the
     * customers, whose ids' orders join the scope ({@link KeyComparison}). A model reading, say, a changed products
     * file is built whole: a product's new version may reach orders the scope does not hold.
     */
    private static Map<String, String> patchableOf(List<Recorded> recorded, Set<SourceTable> unchanged) {
        Set<String> outOfScope = new TreeSet<>();
        for (SourceTable table : SourceTable.values()) {
            if (!unchanged.contains(table) && !table.ofOrders() && table != SourceTable.CUSTOMERS) {
                outOfScope.add(RawLayout.RAW_SCHEMA + "." + table.tableName());
            }
        }
        Map<String, String> patchable = new TreeMap<>();
        for (Recorded model : recorded) {
            if (model.scope().filter(ScopeTable::supports).isPresent()
                    && model.inputs().stream().noneMatch(outOfScope::contains)) {
                patchable.put(model.model(), model.statementSha256());
            }
        }
        return patchable;
    }

    /**
     * The model tables of the copy as {@code raw.model_inputs} recorded them; none when the copy records no model
     * inputs, and no scopes when it was published before scopes were recorded.
     */
    private static List<Recorded> recorded(Statement statement) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rows = statement.executeQuery("select column_name from information_schema.columns "
                + "where table_catalog = current_database() and table_schema = "
                + RawLayout.literal(RawLayout.RAW_SCHEMA) + " and table_name = "
                + RawLayout.literal(RawLayout.MODEL_INPUTS_TABLE))) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        List<Recorded> recorded = new ArrayList<>();
        if (columns.isEmpty()) {
            return recorded;
        }
        try (ResultSet rows = statement.executeQuery("select m.model, m.statement_sha256, m.inputs, "
                + (columns.contains("scope") ? "m.scope" : "null") + " from " + RawLayout.modelInputsTable()
                + " m join duckdb_tables() t on t.database_name = current_database() "
                + "and t.schema_name || '.' || t.table_name = m.model order by m.model")) {
            while (rows.next()) {
                Set<String> inputs = new TreeSet<>();
                for (Object input : (Object[]) rows.getArray(3).getArray()) {
                    inputs.add((String) input);
                }
                recorded.add(new Recorded(rows.getString(1), rows.getString(2), inputs,
                        Optional.ofNullable(rows.getString(4))));
            }
        }
        return recorded;
    }

    /**
     * Records, for each model {@code built} (qualified name to the SHA-256 of its statement), the tables it reads
     * transitively through other models ({@code reads}: each model's own reads), the column of its scope when
     * it declares one ({@code scopes}) and how its table came about in this build ({@code origins}: built, kept or
     * patched, in lower case; built when not given), in {@code raw.model_inputs}.
     */
    static void recordModels(Connection connection, Map<String, String> built, Map<String, Set<String>> reads,
                             Map<String, String> scopes, Map<String, ModelOrigin> origins) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace table " + RawLayout.modelInputsTable()
                    + " (model varchar not null, statement_sha256 varchar not null, inputs varchar[] not null, "
                    + "scope varchar, built_as varchar not null)");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + RawLayout.modelInputsTable()
                + " select ?, ?, string_split(?, ' '), ?, ?")) {
            for (Map.Entry<String, String> model : new TreeMap<>(built).entrySet()) {
                insert.setString(1, model.getKey());
                insert.setString(2, model.getValue());
                insert.setString(3, String.join(" ", inputs(model.getKey(), reads, new TreeSet<>())));
                if (scopes.containsKey(model.getKey())) {
                    insert.setString(4, scopes.get(model.getKey()));
                } else {
                    insert.setNull(4, Types.VARCHAR);
                }
                insert.setString(5, origins.getOrDefault(model.getKey(), ModelOrigin.BUILT).name()
                        .toLowerCase(Locale.ROOT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The tables {@code model} reads, following models to what they read. */
    private static Set<String> inputs(String model, Map<String, Set<String>> reads, Set<String> found) {
        for (String read : reads.getOrDefault(model, Set.of())) {
            if (reads.containsKey(read)) {
                inputs(read, reads, found);
            } else {
                found.add(read);
            }
        }
        return found;
    }

    private static List<String> drops(Statement statement, Set<SourceTable> unchanged, Set<String> models)
            throws SQLException {
        Set<String> kept = new TreeSet<>(models);
        unchanged.forEach(table -> kept.add(RawLayout.RAW_SCHEMA + "." + table.tableName()));
        kept.add(RawLayout.RAW_SCHEMA + "." + RawLayout.QUARANTINE_TABLE);
        Set<String> keptSchemas = kept.stream().map(table -> table.substring(0, table.indexOf('.')))
                .collect(Collectors.toSet());
        keptSchemas.add("main");
        List<String> drops = new ArrayList<>();
        try (ResultSet schemas = statement.executeQuery("select schema_name from duckdb_schemas() "
                + "where database_name = current_database() and not internal order by schema_name")) {
            while (schemas.next()) {
                if (!keptSchemas.contains(schemas.getString(1))) {
                    drops.add("drop schema " + RawLayout.quote(schemas.getString(1)) + " cascade");
                }
            }
        }
        String inKeptSchemas = keptSchemas.stream().map(RawLayout::literal).collect(Collectors.joining(", "));
        try (ResultSet views = statement.executeQuery("select schema_name, view_name from duckdb_views() "
                + "where database_name = current_database() and not internal and schema_name in (" + inKeptSchemas
                + ") order by all")) {
            while (views.next()) {
                drops.add("drop view " + RawLayout.quote(views.getString(1)) + "."
                        + RawLayout.quote(views.getString(2)));
            }
        }
        try (ResultSet tables = statement.executeQuery("select schema_name, table_name from duckdb_tables() "
                + "where database_name = current_database() and schema_name in (" + inKeptSchemas + ") order by all")) {
            while (tables.next()) {
                String schema = tables.getString(1);
                String table = tables.getString(2);
                if (!kept.contains(schema + "." + table)) {
                    drops.add("drop table " + RawLayout.quote(schema) + "." + RawLayout.quote(table));
                }
            }
        }
        try (ResultSet macros = statement.executeQuery("select distinct schema_name, function_name, function_type "
                + "from duckdb_functions() where database_name = current_database() and not internal "
                + "and function_type in ('macro', 'table_macro') order by all")) {
            while (macros.next()) {
                drops.add("drop macro " + (macros.getString(3).equals("table_macro") ? "table " : "")
                        + RawLayout.quote(macros.getString(1)) + "." + RawLayout.quote(macros.getString(2)));
            }
        }
        return drops;
    }
}
