package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.build.RuleMeasures;
import org.olistdw.pipeline.build.SegmentationTables;
import org.olistdw.pipeline.build.SqlModels;
import org.olistdw.pipeline.build.ValidationTables;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's build: a DuckDB file beside the published warehouse, until it is published (checkpointed, closed
 * and renamed over the published file) or closed (deleted). The loads write on the build's own connection; every
 * node of the build graph works on a {@linkplain #session() session} of its own (a duplicate of that connection:
 * same database, own transactions), so that nodes can run at the same time. DuckDB's optimistic concurrency lets
 * sessions create different tables at once.
 */
final class DuckDbBuild implements WarehouseBuild {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbBuild.class);
    private static final Pattern QUALIFIED_TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    private enum State { OPEN, PUBLISHED, DISCARDED }

    private final RunId run;
    private final Path publishedFile;
    private final Path buildFile;
    private final DuckDbSettings settings;
    private final int keepVersions;
    private final DuckDBConnection connection;
    private final DuckDbRawLoad raw;
    private final DuckDbModels models;
    private final DuckDbValidationTables validation;
    private final DuckDbSegmentationTables segmentation;
    private final DuckDbChecks checks;
    private volatile State state = State.OPEN;
    private final SeededBuild.Seed seed;

    private DuckDbBuild(RunId run, Path publishedFile, Path buildFile, DuckDbSettings settings, int keepVersions,
                        DuckDBConnection connection, SeededBuild.Seed seed) {
        this.run = run;
        this.seed = seed;
        this.publishedFile = publishedFile;
        this.buildFile = buildFile;
        this.settings = settings;
        this.keepVersions = keepVersions;
        this.connection = connection;
        this.raw = new DuckDbRawLoad(this, run);
        this.models = new DuckDbModels(this, settings.modelRoot());
        this.validation = new DuckDbValidationTables(this);
        this.segmentation = new DuckDbSegmentationTables(this);
        this.checks = new DuckDbChecks(this);
    }

    /**
     * Cleans stale builds, then creates the empty build of {@code run}: schemas, raw tables, quarantine, the
     * run's as-of time and the dimension history carried over from the published warehouse. Its publish keeps
     * {@code keepVersions} warehouses, itself included ({@link WarehouseVersions}).
     *
     * <p>With {@code from} and {@code unchanged}, the build starts instead from a copy of the published file when
     * that is the build of {@code from} ({@link SeededBuild}), holding the raw tables of {@code unchanged} and
     * their quarantined rows, and with {@code sameDefinitions} the tables of the models that read only those; the
     * rest is made as for an empty build.
     */
    static DuckDbBuild start(RunId run, Instant asOf, Path publishedFile, DuckDbSettings settings, int keepVersions,
                             Optional<RunId> from, Set<SourceTable> unchanged, boolean sameDefinitions) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(asOf, "asOf");
        Path buildFile = BuildFiles.buildFile(publishedFile, run);
        try {
            Files.createDirectories(publishedFile.getParent());
            Files.createDirectories(settings.tempDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directories of " + publishedFile, e);
        }
        BuildFiles.deleteStale(publishedFile);
        BuildFiles.claim(buildFile);
        DuckDBConnection connection = null;
        try {
            Files.deleteIfExists(buildFile);
            Files.deleteIfExists(BuildFiles.walOf(buildFile));
            SeededBuild.Seed seed = SeededBuild.Seed.none();
            if (from.isPresent() && !unchanged.isEmpty() && SeededBuild.copy(publishedFile, buildFile)) {
                connection = connect(buildFile, settings);
                Optional<SeededBuild.Seed> cleared;
                try (AllCores all = AllCores.of(connection, settings)) {
                    cleared = SeededBuild.clear(connection, from.get(), unchanged, sameDefinitions);
                }
                if (cleared.isPresent()) {
                    seed = cleared.get();
                } else {
                    connection.close();
                    Files.delete(buildFile);
                    Files.deleteIfExists(BuildFiles.walOf(buildFile));
                    connection = null;
                }
            }
            if (connection == null) {
                connection = connect(buildFile, settings);
            }
            Set<SourceTable> kept = seed.tables();
            try (Statement statement = connection.createStatement()) {
                for (String ddl : RawLayout.createStatements(kept)) {
                    statement.execute(ddl);
                }
                statement.execute(RawLoader.attachStage());
            }
            DuckDbMacros.install(connection, settings.modelRoot());
            // no other session works on the build yet: the copies of the history may use every core
            try (AllCores all = AllCores.of(connection, settings)) {
                DimensionHistory.carryOver(connection, run, DimensionHistory.utc(asOf), publishedFile);
            }
            DuckDbBuild build = new DuckDbBuild(run, publishedFile, buildFile, settings, keepVersions,
                    connection, seed);
            LOG.info("run {}: new build {} (memory_limit {}, threads {}, temp_directory {}){}{}{}", run, buildFile,
                    build.setting("memory_limit"), build.setting("threads"), build.setting("temp_directory"),
                    kept.isEmpty() ? "" : ", copied from the published warehouse with the raw tables of "
                            + kept.stream().map(SourceTable::fileName).collect(Collectors.joining(", ")),
                    seed.models().isEmpty() ? "" : " and the models " + String.join(", ", seed.models().keySet()),
                    seed.patchable().isEmpty() ? "" : ", and the models to patch "
                            + String.join(", ", seed.patchable().keySet()));
            return build;
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection);
            deleteQuietly(buildFile);
            BuildFiles.release(buildFile);
            throw new IllegalStateException("cannot create the build " + buildFile + ": " + e.getMessage(), e);
        }
    }

    /** A connection to {@code file} with the build settings: memory limit, threads, spill directory. */
    static DuckDBConnection connect(Path file, DuckDbSettings settings) throws SQLException {
        Properties config = new Properties();
        config.setProperty("memory_limit", settings.memoryLimit());
        config.setProperty("threads", Integer.toString(settings.threads()));
        config.setProperty("temp_directory", settings.tempDirectory().toAbsolutePath().toString());
        // Raw loads and model tables need no particular row order; not keeping it lets DuckDB stream and
        // parallelise with less memory.
        config.setProperty("preserve_insertion_order", "false");
        // A build is one short burst of work: memory its blocks and allocations free is kept for the next ones
        // instead of going back to the operating system, and being faulted in again page by page (about a fifth
        // of a scale-1 run's page faults; docs/performance.md). Memory in use stays under memory_limit.
        config.setProperty("block_allocator_memory", settings.memoryLimit());
        config.setProperty("allocator_flush_threshold", settings.memoryLimit());
        return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), config);
    }

    /**
     * Whether the build started holding {@code table}'s raw rows and quarantined rows as the warehouse of run
     * {@code from} published them (a build copied from it, {@link SeededBuild}).
     */
    boolean holdsCarried(SourceTable table, RunId from) {
        return seed.from().filter(from::equals).isPresent() && seed.tables().contains(table);
    }

    /**
     * The SHA-256 of the statement that built {@code model}'s table in the published warehouse, when the build
     * started holding that table from it ({@link SeededBuild}).
     */
    Optional<String> heldModel(String model) {
        return Optional.ofNullable(seed.models().get(model));
    }

    /**
     * The SHA-256 of the statement that built {@code model}'s table in the published warehouse, when the build
     * started holding that table for its rows in the run's scope to be rebuilt ({@link SeededBuild}).
     */
    Optional<String> patchableModel(String model) {
        return Optional.ofNullable(seed.patchable().get(model));
    }

    /**
     * Whether the run's scope is complete: the build was copied from the warehouse of a run, and every file it did
     * not carry over was compared with that warehouse by key, so that {@code raw.affected_orders} holds every
     * order its changes reach. Only then may a model rebuild its scope alone.
     */
    boolean scopeComplete() {
        return seed.from().filter(from -> raw.foundEveryOrderAffected(from, seed.tables())).isPresent();
    }

    @Override
    public RawLoad raw() {
        return raw;
    }

    @Override
    public SqlModels models() {
        return models;
    }

    @Override
    public ValidationTables validation() {
        return validation;
    }

    @Override
    public SegmentationTables segmentation() {
        return segmentation;
    }

    @Override
    public RuleMeasures checks() {
        return checks;
    }

    /**
     * A connection of its own on this build: the same database, its own transactions, for one node or one
     * statement; the caller closes it. Safe to call from several threads at once.
     */
    DuckDBConnection session() {
        requireOpen();
        try {
            return (DuckDBConnection) connection.duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a session on the build " + buildFile + ": "
                    + RuleQueries.oneLine(e.getMessage()), e);
        }
    }

    /** The number of rows in a table of this build, {@code schema.table}. */
    long rowCount(String qualifiedTable) {
        requireOpen();
        return rowCount(connection, qualifiedTable);
    }

    /** The number of rows in {@code qualifiedTable}, {@code schema.table}, read on {@code connection}. */
    static long rowCount(Connection connection, String qualifiedTable) {
        Objects.requireNonNull(qualifiedTable, "qualifiedTable");
        if (!QUALIFIED_TABLE.matcher(qualifiedTable).matches()) {
            throw new IllegalArgumentException("expected schema.table in lower snake case, was '" + qualifiedTable
                    + "'");
        }
        String[] parts = qualifiedTable.split("\\.");
        String sql = "select count(*) from " + RawLayout.quote(parts[0]) + "." + RawLayout.quote(parts[1]);
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + qualifiedTable + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when a load failed part-way: such a build holds part of a file and can
     *                               only be discarded
     */
    @Override
    public synchronized void publish() {
        requireOpen();
        raw.failedLoad().ifPresent(failed -> {
            throw new IllegalStateException("the build " + buildFile + " cannot be published: the load of "
                    + failed + " failed part-way");
        });
        try {
            models.recordInputs(connection);
            // every session's work has ended: the last checkpoint may use every core
            try (AllCores all = AllCores.of(connection, settings); Statement statement = connection.createStatement()) {
                statement.execute("checkpoint");
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot checkpoint the build " + buildFile + ": " + e.getMessage(), e);
        }
        state = State.PUBLISHED;
        try {
            if (Files.exists(BuildFiles.walOf(buildFile))) {
                throw new IllegalStateException("the build " + buildFile + " still has a write-ahead log after "
                        + "its checkpoint; not published");
            }
            // A log left by a writer of the old warehouse must not be replayed onto the new one.
            Files.deleteIfExists(BuildFiles.walOf(publishedFile));
            WarehouseVersions.replaceKeeping(publishedFile, keepVersions, () -> Files.move(buildFile, publishedFile,
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
            syncDirectory(publishedFile.toAbsolutePath().getParent());
            LOG.info("run {}: published {} as {}", run, buildFile, publishedFile);
            deleteQuietly(BuildFiles.failedFile(publishedFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + buildFile + " as " + publishedFile, e);
        } finally {
            BuildFiles.release(buildFile);
        }
    }

    /**
     * Discards an unpublished build, keeping it as {@code <published>.failed} (in place of the build kept before)
     * so that the next run may carry over the raw tables of the files this one loaded; does nothing once
     * published or closed. A build DuckDB could not close cleanly (its write-ahead log left over) is deleted.
     */
    @Override
    public synchronized void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.DISCARDED;
        closeQuietly(connection);
        Path kept = BuildFiles.failedFile(publishedFile);
        try {
            if (Files.exists(BuildFiles.walOf(buildFile))) {
                throw new IOException("its write-ahead log is left over");
            }
            Files.deleteIfExists(BuildFiles.walOf(kept));
            Files.move(buildFile, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("run {}: build {} discarded and kept as {}; {} unchanged", run, buildFile, kept, publishedFile);
        } catch (IOException e) {
            deleteQuietly(buildFile);
            LOG.info("run {}: build {} discarded ({}); {} unchanged", run, buildFile, e.getMessage(), publishedFile);
        } finally {
            BuildFiles.release(buildFile);
        }
    }

    /** The published warehouse this build replaces when it is published. */
    Path publishedFile() {
        return publishedFile;
    }

    /** The file this build writes until it is published. */
    Path buildFile() {
        return buildFile;
    }

    /** The build's own connection: the loads write on it, and cursors are duplicated from it. */
    DuckDBConnection connection() {
        requireOpen();
        return connection;
    }

    /** A DuckDB setting as the build sees it, e.g. {@code memory_limit}. */
    String setting(String name) {
        requireOpen();
        try (var statement = connection.prepareStatement("select current_setting(?)::varchar")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read setting " + name + ": " + e.getMessage(), e);
        }
    }

    void requireOpen() {
        State now = state;
        if (now != State.OPEN) {
            throw new IllegalStateException("the build " + buildFile + " of run " + run + " is "
                    + now.name().toLowerCase(Locale.ROOT));
        }
    }

    /** The class loader the models are found with. */
    ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : DuckDbBuild.class.getClassLoader();
    }

    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot sync directory {}: {}", directory, e.toString());
        }
    }

    private static void closeQuietly(DuckDBConnection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("cannot close build connection: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path buildFile) {
        for (Path file : List.of(buildFile, BuildFiles.walOf(buildFile))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}; it will be cleaned by the next build", file, e.getMessage());
            }
        }
    }

    /**
     * DuckDB's threads raised to the machine's cores for work no other session of the build does at the same time
     * (the copies of the dimension history before the loads, the checkpoint that publishes), and set back to the
     * build's own number on close. A build gives DuckDB fewer threads than cores while its sessions work side by
     * side ({@link DuckDbSettings#threadsBeside}); alone, the second core would stay idle.
     */
    private static final class AllCores implements AutoCloseable {
        private final Connection connection;
        private final int threads;

        private AllCores(Connection connection, int threads) {
            this.connection = connection;
            this.threads = threads;
        }

        static AllCores of(Connection connection, DuckDbSettings settings) throws SQLException {
            int cores = Math.max(settings.threads(), Runtime.getRuntime().availableProcessors());
            try (Statement statement = connection.createStatement()) {
                statement.execute("set threads = " + cores);
            }
            return new AllCores(connection, settings.threads());
        }

        @Override
        public void close() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set threads = " + threads);
            }
        }
    }
}
