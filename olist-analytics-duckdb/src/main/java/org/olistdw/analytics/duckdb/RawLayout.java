package org.olistdw.analytics.duckdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The schemas of a build and the layout of its raw layer, generated from the source contracts.
 *
 * <p>Each source table {@code raw.<table>} starts with the lineage columns {@code _run_id BIGINT,
 * _source_file VARCHAR, _source_line BIGINT}, followed by every header column, named exactly as in the
 * header, as {@code VARCHAR}: the raw layer is a text copy of the file, an empty field being {@code NULL}.
 * Rows that could not be read are in {@code raw.quarantine}; the orders touched by the changed keys of the files
 * a run compared with the published warehouse are in {@code raw.affected_orders}. {@code raw.build} and
 * {@code raw.previous_<dimension>} are the build's other inputs: the run with its as-of time, and the
 * version history of each {@link VersionedDimension} carried over from the published warehouse.
 */
final class RawLayout {

    static final String RAW_SCHEMA = "raw";
    static final String QUARANTINE_TABLE = "quarantine";
    static final String BUILD_TABLE = "build";
    /** The key figures per month of the warehouse a build replaces, compared by rules of kind published_drift. */
    static final String PUBLISHED_MONTH_FIGURES_TABLE = "published_month_figures";
    /**
     * The fingerprints per month of the source rows of the warehouse a build replaces ({@code
     * intermediate.int_month_sources}), which tell rules of kind published_drift why a month moved.
     */
    static final String PUBLISHED_MONTH_SOURCES_TABLE = "published_month_sources";

    /**
     * What each model of a published build read, transitively through other models, and the SHA-256 of the statement
     * that built it: the next build tells from it which model tables it may keep ({@link SeededBuild}).
     */
    static final String MODEL_INPUTS_TABLE = "model_inputs";

    private RawLayout() {
    }

    /** {@code raw.model_inputs}. */
    static String modelInputsTable() {
        return quote(RAW_SCHEMA) + "." + quote(MODEL_INPUTS_TABLE);
    }

    /** The schemas of a build: {@code raw}, {@code domain}, then the schema of each model layer. */
    static List<String> schemas() {
        List<String> schemas = new ArrayList<>();
        schemas.add(RAW_SCHEMA);
        schemas.add(DomainTables.SCHEMA);
        Arrays.stream(Layer.values()).map(Layer::schema).forEach(schemas::add);
        return schemas;
    }

    /** Every statement that makes an empty build: schemas, raw tables, quarantine, the domain tables. */
    static List<String> createStatements() {
        return createStatements(Set.of());
    }

    /**
     * Every statement that makes a build of which the raw schema with the raw tables of {@code kept} and the
     * quarantine already exist (none when {@code kept} is empty: an empty build).
     */
    static List<String> createStatements(Set<SourceTable> kept) {
        List<String> statements = new ArrayList<>();
        // a build copied from the published warehouse may hold model tables in their schemas too
        schemas().stream().filter(schema -> kept.isEmpty() || !schema.equals(RAW_SCHEMA))
                .forEach(schema -> statements.add("create schema " + (kept.isEmpty() ? "" : "if not exists ")
                        + quote(schema)));
        for (SourceTable table : SourceTable.values()) {
            if (!kept.contains(table)) {
                statements.add(createTable(table));
            }
        }
        if (kept.isEmpty()) {
            statements.add("create table " + quarantineTable() + " ("
                    + "_run_id bigint, source_file varchar, line_number bigint, raw_text varchar, reason varchar)");
        }
        statements.add(KeyComparison.createAffectedOrders());
        statements.add(KeyComparison.createAffectedCustomers());
        statements.add("create table " + buildTable() + " (run_id bigint not null, as_of timestamp not null)");
        for (VersionedDimension dimension : VersionedDimension.values()) {
            statements.add(dimension.createPreviousTable());
        }
        statements.add("create table " + quote(RAW_SCHEMA) + "." + quote(PUBLISHED_MONTH_FIGURES_TABLE)
                + " (month date not null, orders bigint, revenue decimal(18, 2), gross_merchandise_value decimal(18, 2),"
                + " customers bigint, active_sellers bigint)");
        statements.add("create table " + quote(RAW_SCHEMA) + "." + quote(PUBLISHED_MONTH_SOURCES_TABLE)
                + " (month date not null, history_fingerprint hugeint, lifecycle_fingerprint hugeint)");
        statements.addAll(DomainTables.createStatements());
        return statements;
    }

    /** A column of a raw table, with its type as DuckDB names it ({@code BIGINT}, {@code VARCHAR}). */
    record RawColumn(String name, String type) {
    }

    /** The columns of {@code table}'s raw table in order: the lineage columns, then every header column. */
    static List<RawColumn> columns(SourceTable table) {
        List<RawColumn> columns = new ArrayList<>(List.of(new RawColumn("_run_id", "BIGINT"),
                new RawColumn("_source_file", "VARCHAR"), new RawColumn("_source_line", "BIGINT")));
        table.header().forEach(column -> columns.add(new RawColumn(column, "VARCHAR")));
        return columns;
    }

    static String createTable(SourceTable table) {
        return "create table " + rawTable(table) + " (" + columns(table).stream()
                .map(column -> quote(column.name()) + " " + column.type()).collect(Collectors.joining(", ")) + ")";
    }

    static String rawTable(SourceTable table) {
        return quote(RAW_SCHEMA) + "." + quote(table.tableName());
    }

    static String quarantineTable() {
        return quote(RAW_SCHEMA) + "." + quote(QUARANTINE_TABLE);
    }

    /** {@code raw.build}: one row, the run and its as-of time (UTC), for models that need them. */
    static String buildTable() {
        return quote(RAW_SCHEMA) + "." + quote(BUILD_TABLE);
    }

    /**
     * What models may read from raw: {@code raw.<table>} of every source, {@code raw.quarantine},
     * {@code raw.build}, the version history {@code raw.previous_<dimension>} of each versioned dimension,
     * {@code raw.published_month_figures} and {@code raw.published_month_sources}.
     */
    static Set<String> rawTableNames() {
        Set<String> names = new TreeSet<>();
        for (SourceTable table : SourceTable.values()) {
            names.add(RAW_SCHEMA + "." + table.tableName());
        }
        names.add(RAW_SCHEMA + "." + QUARANTINE_TABLE);
        names.add(RAW_SCHEMA + "." + BUILD_TABLE);
        names.add(RAW_SCHEMA + "." + KeyComparison.AFFECTED_ORDERS_TABLE);
        for (VersionedDimension dimension : VersionedDimension.values()) {
            names.add(RAW_SCHEMA + "." + dimension.previousTable());
        }
        names.add(RAW_SCHEMA + "." + PUBLISHED_MONTH_FIGURES_TABLE);
        names.add(RAW_SCHEMA + "." + PUBLISHED_MONTH_SOURCES_TABLE);
        return names;
    }

    /** A SQL string literal in single quotes. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A SQL identifier in double quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
