package org.olistdw.analytics.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.olistdw.domain.orchestration.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new build's {@code raw.build} row and carries the version history of every
 * {@link VersionedDimension} over from the published warehouse into {@code raw.previous_<dimension>}, and its
 * key figures per month into {@code raw.published_month_figures} and the fingerprints of their source rows into
 * {@code raw.published_month_sources}. The published file is only ever attached read-only.
 */
final class DimensionHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DimensionHistory.class);
    private static final String PREVIOUS = "previous_warehouse";
    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DimensionHistory() {
    }

    /**
     * Records the run and its as-of time, then copies the history from {@code publishedFile} when it
     * exists and holds the versioned dimensions.
     *
     * @throws IllegalStateException when the published warehouse cannot be read, or already holds a version
     *                               newer than {@code asOf} (a clock gone backwards would make windows overlap)
     */
    static void carryOver(Connection connection, RunId run, LocalDateTime asOf, Path publishedFile) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + RawLayout.buildTable() + " values (?, cast(? as timestamp))")) {
            insert.setLong(1, run.value());
            insert.setString(2, asOf.format(SQL_TIMESTAMP));
            insert.executeUpdate();
        }
        if (!Files.exists(publishedFile)) {
            LOG.info("run {}: no published warehouse yet; every dimension starts its history", run);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("attach " + RawLayout.literal(publishedFile.toAbsolutePath().toString()) + " as "
                    + RawLayout.quote(PREVIOUS) + " (read_only)");
        } catch (SQLException e) {
            throw new IllegalStateException(WarehouseVersions.unreadable(publishedFile, e), e);
        }
        try {
            for (VersionedDimension dimension : VersionedDimension.values()) {
                copy(connection, run, dimension, asOf);
            }
            copyMonthFigures(connection, run);
            copyMonthSources(connection, run);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("detach " + RawLayout.quote(PREVIOUS));
            }
        }
    }

    /** The as-of time of {@code instant} as DuckDB stores it: a timestamp without zone, in UTC. */
    static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void copy(Connection connection, RunId run, VersionedDimension dimension, LocalDateTime asOf)
            throws SQLException {
        Set<String> published = publishedColumns(connection, dimension);
        if (!published.containsAll(dimension.columnNames())) {
            Set<String> missing = new HashSet<>(dimension.columnNames());
            missing.removeAll(published);
            LOG.warn("run {}: the published {}.{} has no {}; its history starts again with this run", run,
                    VersionedDimension.CORE_SCHEMA, dimension.dimension(), published.isEmpty() ? "such table" : missing);
            return;
        }
        String columns = String.join(", ", dimension.columnNames().stream().map(RawLayout::quote).toList());
        String source = RawLayout.quote(PREVIOUS) + "." + RawLayout.quote(VersionedDimension.CORE_SCHEMA) + "."
                + RawLayout.quote(dimension.dimension());
        String target = RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote(dimension.previousTable());
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into " + target + " (" + columns + ") select " + columns + " from " + source
                    + " where " + RawLayout.quote(dimension.key()) + " <> -1");
            try (ResultSet result = statement.executeQuery("select count(*), max(valid_from) from " + target)) {
                result.next();
                long versions = result.getLong(1);
                Timestamp newest = result.getTimestamp(2);
                if (newest != null && newest.toLocalDateTime().isAfter(asOf)) {
                    throw new IllegalStateException("the run's as-of time " + asOf.format(SQL_TIMESTAMP)
                            + " is before the newest version of " + dimension.dimension() + " in the published "
                            + "warehouse (" + newest.toLocalDateTime().format(SQL_TIMESTAMP) + "); check the clock");
                }
                LOG.info("run {}: carried {} versions of {} over from the published warehouse", run, versions,
                        dimension.dimension());
            }
        }
    }

    /**
     * Copies the key figures of every month of the published {@code mart.mart_executive_dashboard} into
     * {@code raw.published_month_figures}, for the comparison of the build with what readers see; a published
     * warehouse without that mart leaves it empty.
     */
    private static void copyMonthFigures(Connection connection, RunId run) throws SQLException {
        Set<String> published = publishedColumns(connection, "mart", "mart_executive_dashboard");
        if (!published.containsAll(Set.of("period_grain", "period_start", "orders", "revenue",
                "gross_merchandise_value", "customers", "active_sellers"))) {
            LOG.warn("run {}: the published warehouse has no monthly key figures to compare the build with", run);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            int months = statement.executeUpdate("insert into " + RawLayout.quote(RawLayout.RAW_SCHEMA) + "."
                    + RawLayout.quote(RawLayout.PUBLISHED_MONTH_FIGURES_TABLE)
                    + " select period_start, orders, revenue, gross_merchandise_value, customers, active_sellers from "
                    + RawLayout.quote(PREVIOUS) + ".mart.mart_executive_dashboard where period_grain = 'month'");
            LOG.info("run {}: carried the key figures of {} months over from the published warehouse", run, months);
        }
    }

    /**
     * Copies the published {@code intermediate.int_month_sources} into {@code raw.published_month_sources}; a
     * published warehouse without it leaves it empty, and then no move of a closed month counts as explained.
     */
    private static void copyMonthSources(Connection connection, RunId run) throws SQLException {
        Set<String> published = publishedColumns(connection, "intermediate", "int_month_sources");
        if (!published.containsAll(Set.of("month", "history_fingerprint", "lifecycle_fingerprint"))) {
            LOG.warn("run {}: the published warehouse has no fingerprints of its months' sources; any move of a closed"
                    + " month counts as unexplained", run);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            int months = statement.executeUpdate("insert into " + RawLayout.quote(RawLayout.RAW_SCHEMA) + "."
                    + RawLayout.quote(RawLayout.PUBLISHED_MONTH_SOURCES_TABLE)
                    + " select month, history_fingerprint, lifecycle_fingerprint from " + RawLayout.quote(PREVIOUS)
                    + ".intermediate.int_month_sources");
            LOG.info("run {}: carried the source fingerprints of {} months over from the published warehouse", run,
                    months);
        }
    }

    private static Set<String> publishedColumns(Connection connection, VersionedDimension dimension)
            throws SQLException {
        return publishedColumns(connection, VersionedDimension.CORE_SCHEMA, dimension.dimension());
    }

    private static Set<String> publishedColumns(Connection connection, String schema, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select column_name from information_schema.columns "
                + "where table_catalog = ? and table_schema = ? and table_name = ?")) {
            query.setString(1, PREVIOUS);
            query.setString(2, schema);
            query.setString(3, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
        }
        return columns;
    }
}
