package org.olistdw.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBConnection;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.WarehouseSql;
import org.olistdw.analytics.duckdb.WarehouseSql.ModelStatement;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.BuildGraph.Node;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The same loads and models as a warehouse build, done by DuckDB alone: the yardstick for what our own work
 * around the engine costs (a full run's time over this one's).
 *
 * <p>Off the clock, on an in-memory database: the models are parsed and ordered into the build graph (models
 * only), and the macro statements are captured. On the clock, in a new file with a build's settings
 * ({@code memory_limit}, {@code threads}, {@code temp_directory}, {@code preserve_insertion_order = false}):
 * <ol>
 *   <li>setup: a build's layout and the macros the models call (all from {@link WarehouseSql}, the statements
 *       a build runs), in one transaction;</li>
 *   <li>loads: each of the nine source files into its {@code raw} table with DuckDB's own {@code read_csv}
 *       (every column {@code VARCHAR}, named as the contract's header, {@code "} as quote and escape, an empty
 *       field {@code NULL}), largest file first, on up to {@code parallelism} sessions of the one database at
 *       once, then a checkpoint;</li>
 *   <li>models: each SQL model as {@code create or replace table <schema>.<model> as <select>} (a view for a
 *       staging model, as a build makes it), a model starting as soon as every model it reads is built, on up
 *       to {@code parallelism} sessions;</li>
 *   <li>close: a checkpoint and closing the database, timed on their own.</li>
 * </ol>
 * Why the checkpoint after the loads: DuckDB folds its write-ahead log into the file on a commit only when no
 * other transaction is open, so loads committing side by side leave their whole data in the log for the next
 * checkpoint (at scale 1, 275 MB of log and a final checkpoint of 2 s, against 0.3 MB and 0.1 s on one
 * session). A checkpoint once the loads are done, when no session is busy, writes the raw tables once and
 * leaves the final checkpoint only the models; both are on the clock.
 *
 * <p>What it leaves out: no operational store, no extraction checks (header, encoding, checksum), no check of
 * rows against the contract and no quarantine (a row DuckDB cannot read fails the run), no domain validation
 * and segmentation, no quality rules, no dimension history, no publishing. Hence:
 * <ul>
 *   <li>{@code domain.order_violations} and {@code domain.customer_segments} stay empty, so
 *       {@code mart.mart_customer_analytics}, which reads the segments, is empty;</li>
 *   <li>every dimension starts its history, as on a first run; {@code raw.build} holds run 0 as of the
 *       start of this run (UTC);</li>
 *   <li>lineage is {@code _run_id = 0}, {@code _source_file} the contract's file name and {@code _source_line}
 *       the row's position in DuckDB's reading plus one (the header being line 1): a line number as long as
 *       no earlier row holds a quoted line break, which shifts every later row by one line per break. DuckDB's
 *       CSV reader gives no line numbers, and its parallel reading may number rows in another order than the
 *       file's, so the lineage is approximate (which row of a repeated key a model keeps may differ from a
 *       full build).</li>
 * </ul>
 */
public final class BareEngineRun {

    private BareEngineRun() {
    }

    /**
     * One source file loaded into its raw table.
     *
     * @param file    the contract's file name, e.g. {@code olist_orders_dataset.csv}
     * @param table   the raw table, e.g. {@code raw.orders}
     * @param rows    rows loaded
     * @param seconds wall time of the load
     */
    public record FileLoad(String file, String table, long rows, double seconds) {
    }

    /**
     * One model built.
     *
     * @param model   its qualified name, e.g. {@code core.dim_customer}
     * @param rows    rows of its table
     * @param seconds wall time of its {@code create table ... as} statement
     */
    public record ModelBuild(String model, long rows, double seconds) {
    }

    /**
     * What a bare run did and how long it took.
     *
     * @param loads            every file, in the order of {@link SourceTable} (whatever order they ran in)
     * @param models           every model, in build graph order (whatever order they ran in)
     * @param parallelism      sessions the loads and the models ran on
     * @param prepareSeconds   off the clock: parsing and ordering the models, capturing the macros
     * @param setupSeconds     opening the new file, layout and macros in one transaction
     * @param loadSeconds      wall time of loading the nine files, with the checkpoint that follows
     * @param transformSeconds wall time of building every model
     * @param closeSeconds     the final checkpoint and closing the database
     * @param totalSeconds     wall time on the clock: setup, loads, models and close
     * @param fileBytes        size of the database file once closed
     */
    public record Result(List<FileLoad> loads, List<ModelBuild> models, int parallelism, double prepareSeconds,
                         double setupSeconds, double loadSeconds, double transformSeconds, double closeSeconds,
                         double totalSeconds, long fileBytes) {

        /** Copies the lists. */
        public Result {
            loads = List.copyOf(loads);
            models = List.copyOf(models);
        }

        /** Rows loaded from the nine files. */
        public long sourceRows() {
            return loads.stream().mapToLong(FileLoad::rows).sum();
        }

        /** Rows of every table the run wrote, by qualified name: raw tables first, then models in build order. */
        public Map<String, Long> rowCounts() {
            Map<String, Long> rows = new LinkedHashMap<>();
            loads.forEach(load -> rows.put(load.table(), load.rows()));
            models.forEach(model -> rows.put(model.model(), model.rows()));
            return rows;
        }
    }

    /**
     * Loads the nine files of {@code sourceDir} and builds every model into the new DuckDB file
     * {@code databaseFile} on as many sessions as the settings have threads, then closes it.
     *
     * @see #run(Path, Path, DuckDbSettings, int)
     */
    public static Result run(Path sourceDir, Path databaseFile, DuckDbSettings settings) {
        return run(sourceDir, databaseFile, settings, settings.threads());
    }

    /**
     * Loads the nine files of {@code sourceDir} and builds every model into the new DuckDB file
     * {@code databaseFile}, then closes it. On failure, the file is deleted.
     *
     * @param sourceDir    directory holding the nine Olist CSV files
     * @param databaseFile the DuckDB file to create; it must not exist
     * @param settings     memory, threads, spill directory and model root, as for a build
     * @param parallelism  how many loads or models may run at once, each on a session of its own; at least one
     * @return the rows and timings of every load and model
     * @throws IllegalArgumentException when a source file is missing (naming every missing file),
     *                                  {@code databaseFile} already exists or the parallelism is below one
     * @throws IllegalStateException    when DuckDB cannot read a file or build a model (naming which), on one line
     * @throws UncheckedIOException     when the directories or the file cannot be created or measured
     */
    public static Result run(Path sourceDir, Path databaseFile, DuckDbSettings settings, int parallelism) {
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(settings, "settings");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Path file = databaseFile.toAbsolutePath().normalize();
        List<String> missing = Arrays.stream(SourceTable.values()).map(SourceTable::fileName)
                .filter(name -> !Files.isRegularFile(sourceDir.resolve(name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((missing.size() == 1 ? "missing source file " : "missing source files ")
                    + String.join(", ", missing) + " in " + sourceDir.toAbsolutePath());
        }
        if (Files.exists(file) || Files.exists(WarehouseSql.walOf(file))) {
            throw new IllegalArgumentException("the database file " + file + " (or its write-ahead log) already"
                    + " exists; a bare run writes a new file");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.createDirectories(settings.tempDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directories of " + file, e);
        }
        long prepareStarted = System.nanoTime();
        Plan plan = Plan.of(sourceDir, settings);
        double prepareSeconds = seconds(System.nanoTime() - prepareStarted);

        Map<SourceTable, FileLoad> loads = new ConcurrentHashMap<>();
        Map<String, ModelBuild> models = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long setupNanos;
        long loadNanos;
        long transformNanos;
        long closeStarted;
        boolean done = false;
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, BareEngineRun::daemon);
        try {
            try (DuckDBConnection connection = WarehouseSql.connect(file, settings)) {
                setup(connection, plan);
                setupNanos = System.nanoTime() - started;
                try (Sessions sessions = new Sessions(connection, parallelism)) {
                    long loadStarted = System.nanoTime();
                    runAll(pool, plan.loadsLargestFirst().stream().<Callable<Void>>map(table -> () -> {
                        loads.put(table, load(sessions.take(), sessions, table, sourceDir.resolve(table.fileName())));
                        return null;
                    }).toList());
                    checkpoint(connection);
                    loadNanos = System.nanoTime() - loadStarted;
                    long transformStarted = System.nanoTime();
                    buildInGraphOrder(pool, sessions, plan.graph(), plan.statements(), models);
                    transformNanos = System.nanoTime() - transformStarted;
                }
                closeStarted = System.nanoTime();
                checkpoint(connection);
            }
            done = true;
        } catch (SQLException e) {
            throw new IllegalStateException("bare run into " + file + " failed: " + oneLine(e.getMessage()), e);
        } finally {
            pool.shutdownNow();
            if (!done) {
                deleteQuietly(file);
            }
        }
        long ended = System.nanoTime();
        List<FileLoad> loadList = Arrays.stream(SourceTable.values()).map(loads::get).toList();
        List<ModelBuild> modelList = plan.graph().nodes().stream().map(node -> models.get(node.name())).toList();
        try {
            return new Result(loadList, modelList, parallelism, prepareSeconds, seconds(setupNanos),
                    seconds(loadNanos), seconds(transformNanos), seconds(ended - closeStarted),
                    seconds(ended - started), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + file, e);
        }
    }

    /** What is prepared off the clock: the layout, the macro statements, the models and their graph. */
    private record Plan(List<String> layout, List<String> macros, Map<String, ModelStatement> statements,
                        BuildGraph graph, List<SourceTable> loadsLargestFirst) {

        static Plan of(Path sourceDir, DuckDbSettings settings) {
            try (Connection memory = DriverManager.getConnection("jdbc:duckdb:")) {
                List<String> macros = MacroCapture.statements(memory, settings);
                Map<String, ModelStatement> statements = new LinkedHashMap<>();
                List<Node> nodes = new ArrayList<>();
                for (ModelStatement model : WarehouseSql.models(memory, settings)) {
                    statements.put(model.model(), model);
                    // No step runs here: the domain tables the steps would fill are inputs, left empty.
                    nodes.add(new Node(StepKind.TRANSFORM, model.model(), model.resource(), model.reads(),
                            Set.of(model.model()), () -> 0L));
                }
                BuildGraph graph = BuildGraph.of(nodes, WarehouseSql.inputTables());
                List<SourceTable> bySize = Arrays.stream(SourceTable.values())
                        .sorted(Comparator.comparingLong((SourceTable t) -> size(sourceDir.resolve(t.fileName())))
                                .reversed())
                        .toList();
                return new Plan(WarehouseSql.layout(0, LocalDateTime.now(ZoneOffset.UTC)), macros, statements, graph,
                        bySize);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the bare run: " + oneLine(e.getMessage()), e);
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot measure " + file, e);
            }
        }
    }

    /** The database's sessions: the first connection and duplicates of it, handed out one task at a time. */
    private static final class Sessions implements AutoCloseable {

        private final BlockingQueue<DuckDBConnection> idle;
        private final List<DuckDBConnection> opened = new ArrayList<>();

        Sessions(DuckDBConnection connection, int count) throws SQLException {
            idle = new ArrayBlockingQueue<>(count);
            for (int i = 0; i < count; i++) {
                DuckDBConnection session = (DuckDBConnection) connection.duplicate();
                opened.add(session);
                idle.add(session);
            }
        }

        DuckDBConnection take() throws InterruptedException {
            return idle.take();
        }

        void give(DuckDBConnection session) {
            idle.add(session);
        }

        @Override
        public void close() throws SQLException {
            for (DuckDBConnection session : opened) {
                session.close();
            }
        }
    }

    private static void setup(DuckDBConnection connection, Plan plan) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : plan.layout()) {
                statement.execute(ddl);
            }
            for (String macro : plan.macros()) {
                statement.execute(macro);
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Runs every task on the pool and waits for all; then the first failure, if any, is thrown as it is. */
    private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        List<Future<Void>> futures = tasks.stream().map(pool::submit).toList();
        RuntimeException first = null;
        for (Future<Void> future : futures) {
            try {
                await(future);
            } catch (RuntimeException e) {
                first = first != null ? first : e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bare run interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(oneLine(cause.getMessage()), cause);
        }
    }

    /** Builds each model once every model it reads is built, up to one per session at a time. */
    private static void buildInGraphOrder(ExecutorService pool, Sessions sessions, BuildGraph graph,
                                          Map<String, ModelStatement> statements, Map<String, ModelBuild> built) {
        Map<String, Integer> waitingFor = new HashMap<>();
        for (Node node : graph.nodes()) {
            waitingFor.put(node.name(), graph.upstream(node).size());
        }
        CompletionService<Node> completion = new ExecutorCompletionService<>(pool);
        int running = 0;
        for (Node node : graph.nodes()) {
            if (waitingFor.get(node.name()) == 0) {
                submit(completion, sessions, statements.get(node.name()), built, node);
                running++;
            }
        }
        RuntimeException first = null;
        while (running > 0) {
            Node finished;
            try {
                finished = await(take(completion));
            } catch (RuntimeException e) {
                first = first != null ? first : e;
                finished = null;
            }
            running--;
            if (finished == null || first != null) {
                continue;
            }
            for (Node next : graph.downstream(finished)) {
                if (waitingFor.merge(next.name(), -1, Integer::sum) == 0) {
                    submit(completion, sessions, statements.get(next.name()), built, next);
                    running++;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Future<Node> take(CompletionService<Node> completion) {
        try {
            return completion.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bare run interrupted", e);
        }
    }

    private static void submit(CompletionService<Node> completion, Sessions sessions, ModelStatement model,
                               Map<String, ModelBuild> built, Node node) {
        completion.submit(() -> {
            DuckDBConnection session = sessions.take();
            try {
                built.put(model.model(), build(session, model));
            } finally {
                sessions.give(session);
            }
            return node;
        });
    }

    private static void checkpoint(DuckDBConnection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bare-engine");
        thread.setDaemon(true);
        return thread;
    }

    private static FileLoad load(DuckDBConnection session, Sessions sessions, SourceTable table, Path file) {
        String sql = loadStatement(table, file);
        long started = System.nanoTime();
        long rows;
        try (Statement statement = session.createStatement()) {
            rows = statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("bare load of " + table.fileName() + " into raw." + table.tableName()
                    + " failed: " + oneLine(e.getMessage()), e);
        } finally {
            sessions.give(session);
        }
        return new FileLoad(table.fileName(), table.qualifiedTableName(), rows,
                seconds(System.nanoTime() - started));
    }

    /**
     * {@code insert into raw.<table> select 0, '<file name>', row_number() over () + 1, * from read_csv(...)},
     * reading every header column as {@code VARCHAR} under the contract's name.
     */
    static String loadStatement(SourceTable table, Path file) {
        StringBuilder columns = new StringBuilder("{");
        for (String column : table.header()) {
            columns.append(columns.length() > 1 ? ", " : "").append(WarehouseSql.literal(column)).append(": 'VARCHAR'");
        }
        columns.append('}');
        return "insert into " + WarehouseSql.rawTable(table) + "\n"
                + "select 0, " + WarehouseSql.literal(table.fileName()) + ", row_number() over () + 1, *\n"
                + "from read_csv(" + WarehouseSql.literal(file.toAbsolutePath().toString())
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
                + " columns = " + columns + ")";
    }

    private static ModelBuild build(DuckDBConnection connection, ModelStatement source) {
        String model = source.model();
        try (Statement create = connection.createStatement()) {
            long started = System.nanoTime();
            create.execute(source.create());
            double seconds = seconds(System.nanoTime() - started);
            try (ResultSet count = create.executeQuery("select count(*) from " + model)) {
                count.next();
                return new ModelBuild(model, count.getLong(1), seconds);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bare build of model " + model + " (" + source.resource() + ") failed: "
                    + oneLine(e.getMessage()), e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void deleteQuietly(Path file) {
        for (Path each : List.of(file, WarehouseSql.walOf(file))) {
            try {
                Files.deleteIfExists(each);
            } catch (IOException e) {
                // the caller sees the run's own failure; a leftover file only makes the next run refuse to start
            }
        }
    }
}
