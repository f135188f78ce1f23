package org.olistdw.analytics.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBDriver;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.Warehouse;

/**
 * The analytical store in embedded DuckDB: the entry point the runner wires, and a way to measure quality
 * rules against a warehouse file without a run.
 *
 * <p>The published warehouse is one DuckDB file. A run builds a new file beside it,
 * {@code <published>.build-<run id>-<random part>}, with the schemas {@code raw}, {@code staging}, {@code intermediate},
 * {@code core} and {@code mart}; publishing checkpoints and closes the build and renames it over the
 * published file in one atomic step, so readers open either the previous warehouse or the new one, never a
 * partial one. A build closed without publishing is deleted, and one left by a killed run is deleted when
 * the next build starts. The file a publish replaces is kept as a version, and a kept version can be
 * published again ({@link #versions}).
 *
 * <p>Raw layout, a contract for the SQL models: {@code raw.<source table>(_run_id BIGINT,
 * _source_file VARCHAR, _source_line BIGINT, <each header column, exactly as named, VARCHAR>)} with
 * {@code NULL} for an empty field, and {@code raw.quarantine(_run_id BIGINT, source_file VARCHAR,
 * line_number BIGINT, raw_text VARCHAR, reason VARCHAR)}. {@code _source_file} and {@code source_file} hold
 * the contract's file name; lines are 1-based with the header on line 1, a row's line being where it starts.
 */
public final class DuckDbWarehouse {

    private static final AtomicBoolean WARMING_UP = new AtomicBoolean();

    private DuckDbWarehouse() {
    }

    /**
     * Loads DuckDB's native library, and opens and closes an in-memory database, on a daemon thread of its own,
     * so that the first build need not wait for it: for a caller with other work to do first, such as starting
     * PostgreSQL. Returns at once; only the first call starts the thread. A failure here is left for the first
     * real connection to report.
     */
    public static void warmUp() {
        if (!WARMING_UP.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
                connection.isValid(0);
            } catch (SQLException | RuntimeException | LinkageError e) {
                // the first build's connection meets the same problem and reports it
            }
        }, "olist-duckdb-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The warehouse published at {@code publishedFile} (which need not exist yet).
     *
     * @param publishedFile the DuckDB file readers open
     * @param settings      memory, threads, spill directory and model root for builds
     */
    public static Warehouse open(Path publishedFile, DuckDbSettings settings) {
        return open(publishedFile, settings, PublishedVersions.DEFAULT_KEEP);
    }

    /**
     * The warehouse published at {@code publishedFile} (which need not exist yet), each publish keeping the
     * file it replaces under {@code <published>.versions/} so that {@code keepVersions} warehouses remain, the
     * published one included (1 keeps none).
     *
     * @param publishedFile the DuckDB file readers open
     * @param settings      memory, threads, spill directory and model root for builds
     * @param keepVersions  how many warehouses to keep, the published one included; at least 1
     */
    public static Warehouse open(Path publishedFile, DuckDbSettings settings, int keepVersions) {
        Objects.requireNonNull(settings, "settings");
        if (keepVersions < 1) {
            throw new IllegalArgumentException("keep at least the published warehouse (1 version), was "
                    + keepVersions);
        }
        return new PublishedWarehouse(publishedFile(publishedFile), settings, keepVersions);
    }

    /**
     * The published warehouse at {@code publishedFile} and the versions kept beside it, to list them or roll back
     * to one; every file is opened read-only.
     */
    public static PublishedVersions versions(Path publishedFile) {
        return new WarehouseVersions(publishedFile(publishedFile));
    }

    private static Path publishedFile(Path publishedFile) {
        Objects.requireNonNull(publishedFile, "publishedFile");
        Path file = publishedFile.toAbsolutePath().normalize();
        if (file.getFileName() == null) {
            throw new IllegalArgumentException("the published warehouse must be a file, was " + publishedFile);
        }
        return file;
    }

    /**
     * The run whose build is published at {@code publishedFile}, as its {@code raw.build} records it: to tell
     * whether a run that died after its publish had replaced the warehouse. The file is opened read-only and
     * closed again.
     *
     * @return empty when there is no such file, or it holds no run
     * @throws IllegalStateException with a one-line reason when the file cannot be read
     */
    public static Optional<RunId> publishedRun(Path publishedFile) {
        Objects.requireNonNull(publishedFile, "publishedFile");
        Path file = publishedFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, readOnly());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select max(run_id) from " + RawLayout.buildTable())) {
            result.next();
            long run = result.getLong(1);
            return result.wasNull() ? Optional.empty() : Optional.of(new RunId(run));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run of the warehouse " + file + ": "
                    + RuleQueries.oneLine(e.getMessage()), e);
        }
    }

    private static Properties readOnly() {
        Properties readOnly = new Properties();
        readOnly.setProperty(DuckDBDriver.DUCKDB_ACCESS_MODE_PROPERTY, DuckDBDriver.DUCKDB_ACCESS_MODE_READ_ONLY);
        return readOnly;
    }

    /**
     * Measures quality rules against the warehouse in {@code warehouseFile} (a published warehouse, or a copy
     * of one), opened read-only, with the same SQL a run's check step runs on its build: to check a warehouse
     * without a run.
     *
     * @return each rule's measurement by rule name, in the order of {@code rules}
     * @throws IllegalStateException    with a one-line reason when the file cannot be opened or a rule's check
     *                                  cannot run (naming the rule)
     * @throws IllegalArgumentException when a rule's parameters are not what its kind needs
     */
    public static Map<String, RuleMeasurement> measure(Path warehouseFile, List<QualityRule> rules,
                                                       CheckContext context) {
        Objects.requireNonNull(warehouseFile, "warehouseFile");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(context, "context");
        Path file = warehouseFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no warehouse at " + file);
        }
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, readOnly())) {
            RuleQueries queries = new RuleQueries(connection);
            Map<String, RuleMeasurement> measured = new LinkedHashMap<>();
            for (QualityRule rule : rules) {
                measured.put(rule.name(), queries.measure(rule, context));
            }
            return measured;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the warehouse " + file + ": "
                    + RuleQueries.oneLine(e.getMessage()), e);
        }
    }
}
