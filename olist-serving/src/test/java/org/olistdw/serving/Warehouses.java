package org.olistdw.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.DuckDbWarehouse;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.sample.SampleDataGenerator;

/** Warehouses for the tests, built and published as a run does: load, the build graph, publish. */
final class Warehouses {

    private Warehouses() {
    }

    /** The hand-made star fixture of the DuckDB adapter's tests (described row by row in its FIXTURE.md). */
    static Path starFixture() {
        try {
            return Path.of(Warehouses.class.getResource("/fixtures/star/FIXTURE.md").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a generated sample of the given scale and seed into {@code dir}. */
    static Path generated(double scale, long seed, Path dir) {
        try {
            new SampleDataGenerator(scale, seed).generate(dir, (table, rows, took) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Builds a warehouse from the nine files of {@code sourceDir} as run {@code run} and publishes it at
     * {@code published}, replacing (by rename) the warehouse published there.
     */
    static void publish(Path published, Path sourceDir, long run) {
        try {
            Files.createDirectories(published.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DuckDbSettings settings = new DuckDbSettings("1GiB", 2, published.getParent().resolve("spill"),
                DuckDbSettings.DEFAULT_MODEL_ROOT);
        Warehouse warehouse = DuckDbWarehouse.open(published, settings);
        try (WarehouseBuild build = warehouse.newBuild(new RunId(run),
                Instant.parse("2019-01-01T00:00:00Z").plus(Duration.ofDays(run)))) {
            for (SourceTable table : SourceTable.values()) {
                Path file = sourceDir.resolve(table.fileName());
                if (Files.exists(file)) {
                    build.raw().load(table, file, row -> { });
                }
            }
            for (BuildGraph.Node node : BuildGraph.forBuild(build, validated -> { }).nodes()) {
                try {
                    node.work().run();
                } catch (Exception e) {
                    throw new IllegalStateException(node.taskName() + " failed: " + e.getMessage(), e);
                }
            }
            build.publish();
        }
    }
}
