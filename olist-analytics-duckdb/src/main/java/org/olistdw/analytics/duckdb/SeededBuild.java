package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A build that starts from a copy of the published warehouse instead of an empty file, for a run that carries the
 * raw tables of unchanged files over: the file is copied whole (the operating system copies its pages, nothing is
 * decompressed or compressed again), then everything but those raw tables and their quarantined rows is dropped, so
 * that the build holds what an empty build would after copying those tables row by row from the published file.
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
     * Keeps only what the build carries over in the copy open on {@code connection}: the raw tables of
     * {@code unchanged} and their rows of {@code raw.quarantine}. Every other schema, the other tables of
     * {@code raw} and {@code main}, and the macros are dropped; a checkpoint then frees their blocks.
     *
     * @return whether the copy is the build of {@code from} and was cleared; when it is not, it is left as it is
     *         and the caller starts an empty build instead
     */
    static boolean clear(Connection connection, RunId from, Set<SourceTable> unchanged) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select max(run_id) from " + RawLayout.buildTable())) {
                result.next();
                long run = result.getLong(1);
                if (result.wasNull() || run != from.value()) {
                    LOG.info("the published warehouse is the build of run {}, not of run {}; the build starts empty",
                            result.wasNull() ? "(none)" : run, from);
                    return false;
                }
            }
            for (String drop : drops(statement, unchanged)) {
                statement.execute(drop);
            }
            statement.execute("delete from " + RawLayout.quarantineTable() + " where source_file not in ("
                    + unchanged.stream().map(table -> RawLayout.literal(table.fileName()))
                            .collect(Collectors.joining(", ")) + ")");
            statement.execute("checkpoint");
        }
        return true;
    }

    private static List<String> drops(Statement statement, Set<SourceTable> unchanged) throws SQLException {
        Set<String> kept = unchanged.stream().map(SourceTable::tableName).collect(Collectors.toSet());
        kept.add(RawLayout.QUARANTINE_TABLE);
        List<String> drops = new ArrayList<>();
        try (ResultSet schemas = statement.executeQuery("select schema_name from duckdb_schemas() "
                + "where database_name = current_database() and not internal and schema_name not in ('main', "
                + RawLayout.literal(RawLayout.RAW_SCHEMA) + ") order by schema_name")) {
            while (schemas.next()) {
                drops.add("drop schema " + RawLayout.quote(schemas.getString(1)) + " cascade");
            }
        }
        try (ResultSet views = statement.executeQuery("select schema_name, view_name from duckdb_views() "
                + "where database_name = current_database() and not internal and schema_name in ('main', "
                + RawLayout.literal(RawLayout.RAW_SCHEMA) + ") order by all")) {
            while (views.next()) {
                drops.add("drop view " + RawLayout.quote(views.getString(1)) + "." + RawLayout.quote(views.getString(2)));
            }
        }
        try (ResultSet tables = statement.executeQuery("select schema_name, table_name from duckdb_tables() "
                + "where database_name = current_database() and schema_name in ('main', "
                + RawLayout.literal(RawLayout.RAW_SCHEMA) + ") order by all")) {
            while (tables.next()) {
                String schema = tables.getString(1);
                String table = tables.getString(2);
                if (!(schema.equals(RawLayout.RAW_SCHEMA) && kept.contains(table))) {
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

    /** The tables of {@code unchanged}, as an ordered set that may be empty. */
    static Set<SourceTable> of(Set<SourceTable> unchanged) {
        return unchanged.isEmpty() ? EnumSet.noneOf(SourceTable.class) : EnumSet.copyOf(unchanged);
    }
}
