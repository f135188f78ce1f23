package org.olistdw.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p>What it does, on one connection with a build's settings ({@code memory_limit}, {@code threads},
 * {@code temp_directory}, {@code preserve_insertion_order = false}): creates a build's layout in a new file
 * and installs the macros the models call (all from {@link WarehouseSql}, the statements a build runs);
 * loads each of the nine source files into its {@code raw} table with DuckDB's own {@code read_csv} (every
 * column {@code VARCHAR}, named as the contract's header, {@code "} as quote and escape, an empty field
 * {@code NULL}); builds every SQL model one after another in the order of the build graph (models only), each as
 * {@code create or replace table <schema>.<model> as <select>}; checkpoints and closes.
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
     * @param loads            every file, in load order (the order of {@link SourceTable})
     * @param models           every model, in build order
     * @param loadSeconds      wall time of loading the nine files
     * @param transformSeconds wall time of building every model (finding and ordering the models not included)
     * @param totalSeconds     wall time of the whole run: opening the new file, layout, loads, ordering the models,
     *                         building them, checkpoint and close
     * @param fileBytes        size of the database file once closed
     */
    public record Result(List<FileLoad> loads, List<ModelBuild> models, double loadSeconds, double transformSeconds,
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
     * {@code databaseFile}, then closes it. On failure, the file is deleted.
     *
     * @param sourceDir    directory holding the nine Olist CSV files
     * @param databaseFile the DuckDB file to create; it must not exist
     * @param settings     memory, threads, spill directory and model root, as for a build
     * @return the rows and timings of every load and model
     * @throws IllegalArgumentException when a source file is missing (naming every missing file) or
     *                                  {@code databaseFile} already exists
     * @throws IllegalStateException    when DuckDB cannot read a file or build a model (naming which), on one line
     * @throws UncheckedIOException     when the directories or the file cannot be created or measured
     */
    public static Result run(Path sourceDir, Path databaseFile, DuckDbSettings settings) {
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(settings, "settings");
        long started = System.nanoTime();
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
        List<FileLoad> loads = new ArrayList<>();
        List<ModelBuild> models = new ArrayList<>();
        long loadNanos;
        long transformNanos;
        boolean done = false;
        try {
            try (DuckDBConnection connection = WarehouseSql.connect(file, settings)) {
                layout(connection);
                WarehouseSql.installMacros(connection, settings);
                long loadStarted = System.nanoTime();
                for (SourceTable table : SourceTable.values()) {
                    loads.add(load(connection, table, sourceDir.resolve(table.fileName())));
                }
                loadNanos = System.nanoTime() - loadStarted;
                List<Node> nodes = new ArrayList<>();
                for (ModelStatement model : WarehouseSql.models(connection, settings)) {
                    nodes.add(new Node(StepKind.TRANSFORM, model.model(), model.resource(), model.reads(),
                            Set.of(model.model()), () -> {
                                models.add(build(connection, model));
                                return 0;
                            }));
                }
                // No step runs here: the domain tables the steps would fill are inputs, left empty.
                List<Node> order = BuildGraph.of(nodes, WarehouseSql.inputTables()).nodes();
                long transformStarted = System.nanoTime();
                for (Node node : order) {
                    runUnchecked(node);
                }
                transformNanos = System.nanoTime() - transformStarted;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("checkpoint");
                }
            }
            done = true;
        } catch (SQLException e) {
            throw new IllegalStateException("bare run into " + file + " failed: " + oneLine(e.getMessage()), e);
        } finally {
            if (!done) {
                deleteQuietly(file);
            }
        }
        try {
            return new Result(loads, models, seconds(loadNanos), seconds(transformNanos),
                    seconds(System.nanoTime() - started), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + file, e);
        }
    }

    private static void layout(DuckDBConnection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : WarehouseSql.layout(0, LocalDateTime.now(ZoneOffset.UTC))) {
                statement.execute(ddl);
            }
        }
    }

    private static FileLoad load(DuckDBConnection connection, SourceTable table, Path file) {
        String sql = loadStatement(table, file);
        long started = System.nanoTime();
        long rows;
        try (Statement statement = connection.createStatement()) {
            rows = statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("bare load of " + table.fileName() + " into raw." + table.tableName()
                    + " failed: " + oneLine(e.getMessage()), e);
        }
        return new FileLoad(table.fileName(), "raw." + table.tableName(), rows,
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

    private static void runUnchecked(Node node) {
        try {
            node.work().run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
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
