package org.olistdw.analytics.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.source.SourceScan;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The loads of a build, each on a session of its own so that files load at the same time; remembers a load that
 * failed part-way.
 */
final class DuckDbRawLoad implements RawLoad {

    private final DuckDbBuild build;
    private final RunId run;
    private volatile OrderedReads orderedReads;
    private volatile String failedLoad;
    /** The tables compared by key with the warehouse of a run, by that run. */
    private final Map<RunId, Set<SourceTable>> compared = new ConcurrentHashMap<>();
    /** The runs whose comparison found the orders of every key touched ({@link CarryOver#ordersAffected()}). */
    private final Set<RunId> ordersFound = ConcurrentHashMap.newKeySet();

    DuckDbRawLoad(DuckDbBuild build, RunId run) {
        this.build = build;
        this.run = run;
    }

    @Override
    public LoadResult load(SourceTable table, Path file, CompletableFuture<SourceScan> scan,
                           Consumer<QuarantinedRow> quarantine) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(quarantine, "quarantine");
        build.requireOpen();
        try (DuckDBConnection session = build.session()) {
            return new RawLoader(session, run, RawLoader.BATCH_ROWS, orderedReads()).load(table, file, scan,
                    quarantine);
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                if (failedLoad == null) {
                    failedLoad = table.fileName() + " (" + e.getMessage() + ")";
                }
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot close the session of the load of " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The warehouse of run {@code from} is the published file, or the kept failed build
     * ({@code <published>.failed}) when that is its build. It is attached read-only to the build (DuckDB's
     * {@code attach ... (read_only)}); each copy is an {@code insert ... select} of the table and of its
     * quarantined rows on a session of its own, so that copies and loads run at the same time, and the file is
     * detached on close. A table the build already holds because it started from a copy of that file
     * ({@link SeededBuild}) is not copied again: the copy reads its quarantined rows and counts its rows.
     */
    @Override
    public CarryOver carryOver(RunId from) {
        Objects.requireNonNull(from, "from");
        build.requireOpen();
        Path published = build.publishedFile();
        Path kept = BuildFiles.failedFile(published);
        String alias = CARRIED + "_" + from.value();
        // A session of its own: the build's connection may be in use by another thread at this moment, and a
        // DuckDB connection serves one thread at a time. The attached file is seen by every session of the build.
        DuckDBConnection connection = build.session();
        for (Path source : List.of(published, kept)) {
            if (!Files.isRegularFile(source)) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("attach " + RawLayout.literal(source.toAbsolutePath().toString()) + " as "
                        + RawLayout.quote(alias) + " (read_only)");
                try (ResultSet result = statement.executeQuery("select max(run_id) from " + RawLayout.quote(alias)
                        + "." + RawLayout.buildTable())) {
                    result.next();
                    if (result.getLong(1) == from.value() && !result.wasNull()) {
                        return new PublishedCopy(connection, alias, source, from);
                    }
                }
                statement.execute("detach " + RawLayout.quote(alias));
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new IllegalStateException(WarehouseVersions.unreadable(source, e), e);
            }
        }
        closeQuietly(connection);
        throw new IllegalStateException("neither the published warehouse " + published + " nor the kept failed "
                + "build " + kept + " is the build of run " + from + "; nothing carried over");
    }

    private static void closeQuietly(DuckDBConnection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the attach or the read of its run failed already; that is the error to report
        }
    }

    private static final String CARRIED = "carried_over";

    /**
     * The warehouse of an earlier run (published, or a kept failed build), attached on a session of its own, which
     * it detaches and closes on close.
     */
    private final class PublishedCopy implements CarryOver {
        private final DuckDBConnection connection;
        private final String alias;
        private final Path source;
        private final RunId run;
        private boolean closed;

        PublishedCopy(DuckDBConnection connection, String alias, Path source, RunId run) {
            this.connection = connection;
            this.run = run;
            this.alias = alias;
            this.source = source;
        }

        @Override
        public KeyChanges compare(SourceTable table) {
            Objects.requireNonNull(table, "table");
            try (DuckDBConnection session = build.session()) {
                KeyChanges changes = KeyComparison.compare(session, table, alias);
                compared.computeIfAbsent(run, key -> ConcurrentHashMap.newKeySet()).add(table);
                return changes;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot compare " + table.fileName() + " with " + source
                        + " by key: " + RuleQueries.oneLine(e.getMessage()), e);
            }
        }

        @Override
        public long ordersAffected() {
            try (DuckDBConnection session = build.session()) {
                long orders = KeyComparison.ordersAffected(session);
                ordersFound.add(run);
                return orders;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the orders affected: "
                        + RuleQueries.oneLine(e.getMessage()), e);
            }
        }

        @Override
        public LoadResult copy(SourceTable table, Consumer<QuarantinedRow> quarantine) {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(quarantine, "quarantine");
            String columns = RawLayout.columns(table).stream()
                    .map(column -> RawLayout.quote(column.name())).collect(Collectors.joining(", "));
            String from = RawLayout.quote(alias) + "." + RawLayout.quote(RawLayout.RAW_SCHEMA) + "."
                    + RawLayout.quote(table.tableName());
            String quarantined = RawLayout.quote(alias) + "." + RawLayout.quarantineTable();
            try (DuckDBConnection connection = build.session()) {
                if (!build.holdsCarried(table, run)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("insert into " + RawLayout.rawTable(table) + " (" + columns + ") select "
                                + columns + " from " + from);
                    }
                    try (PreparedStatement insert = connection.prepareStatement("insert into "
                            + RawLayout.quarantineTable() + " select * from " + quarantined
                            + " where source_file = ?")) {
                        insert.setString(1, table.fileName());
                        insert.executeUpdate();
                    }
                }
                long rowsQuarantined = 0;
                try (PreparedStatement select = connection.prepareStatement("select line_number, raw_text, reason from "
                        + RawLayout.quarantineTable() + " where source_file = ? order by line_number")) {
                    select.setString(1, table.fileName());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            quarantine.accept(new QuarantinedRow(table.fileName(), rows.getLong(1), rows.getString(2),
                                    rows.getString(3)));
                            rowsQuarantined++;
                        }
                    }
                }
                long rowsLoaded = DuckDbBuild.rowCount(connection, RawLayout.RAW_SCHEMA + "." + table.tableName());
                return new LoadResult(rowsLoaded + rowsQuarantined, rowsLoaded, rowsQuarantined);
            } catch (SQLException | RuntimeException e) {
                synchronized (DuckDbRawLoad.this) {
                    if (failedLoad == null) {
                        failedLoad = table.fileName() + " (carried over: " + e.getMessage() + ")";
                    }
                }
                throw new IllegalStateException("cannot carry " + table.fileName() + " over from " + source + ": "
                        + RuleQueries.oneLine(e.getMessage()), e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (DuckDBConnection session = connection; Statement statement = session.createStatement()) {
                statement.execute("detach " + RawLayout.quote(alias));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot detach " + source + ": " + e.getMessage(), e);
            }
        }
    }

    private synchronized OrderedReads orderedReads() {
        if (orderedReads == null) {
            orderedReads = new OrderedReads(build.connection());
        }
        return orderedReads;
    }

    /**
     * Whether {@code raw.affected_orders} holds the orders of every key that differs from the warehouse of run
     * {@code from} in the tables other than {@code carried}: each was compared by key with that warehouse, and
     * then the orders of the customers touched were added.
     */
    boolean foundEveryOrderAffected(RunId from, Set<SourceTable> carried) {
        Set<SourceTable> done = compared.getOrDefault(from, Set.of());
        return ordersFound.contains(from) && Arrays.stream(SourceTable.values())
                .allMatch(table -> carried.contains(table) || done.contains(table));
    }

    /** The first load that failed part-way, with why: such a build holds part of a file. */
    Optional<String> failedLoad() {
        return Optional.ofNullable(failedLoad);
    }
}
