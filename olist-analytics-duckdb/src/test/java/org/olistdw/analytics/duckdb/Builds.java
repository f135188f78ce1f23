package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.build.Warehouse;

/** Helpers shared by the tests: a small warehouse in a temporary directory, files, queries. */
final class Builds {

    private Builds() {
    }

    static DuckDbSettings settings(Path directory, String modelRoot) {
        return new DuckDbSettings("1GiB", 2, directory.resolve("spill"), modelRoot);
    }

    static Warehouse warehouse(Path directory, String modelRoot) {
        return DuckDbWarehouse.open(directory.resolve("olist.duckdb"), settings(directory, modelRoot));
    }

    /** A build of run {@code run}, as of {@code run} days after 2019-01-01: later runs are later in time. */
    static DuckDbBuild newBuild(Warehouse warehouse, long run) {
        return newBuild(warehouse, run, Instant.parse("2019-01-01T00:00:00Z").plus(Duration.ofDays(run)));
    }

    static DuckDbBuild newBuild(Warehouse warehouse, long run, Instant asOf) {
        return (DuckDbBuild) warehouse.newBuild(new RunId(run), asOf);
    }

    /** The hand-made fixture dataset: the nine files, described row by row in its FIXTURE.md. */
    static Path starFixture() {
        try {
            return Path.of(Builds.class.getResource("/fixtures/star/FIXTURE.md").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads every source file of {@code sourceDir} into {@code build} (a missing file leaves its raw table
     * empty), then runs the build graph of every model, the validation of the orders and the segmentation of
     * the customers one node after another, in graph order, as a run with a parallelism of one does. Fails on
     * any quarantined row.
     */
    static DuckDbBuild loadAndBuildAll(DuckDbBuild build, Path sourceDir) {
        for (org.olistdw.pipeline.source.SourceTable table : org.olistdw.pipeline.source.SourceTable.values()) {
            Path file = sourceDir.resolve(table.fileName());
            if (Files.exists(file)) {
                build.raw().load(table, file, row -> {
                    throw new IllegalStateException("quarantined " + row);
                });
            }
        }
        for (BuildGraph.Node node : BuildGraph.forBuild(build, validated -> { }).nodes()) {
            try {
                node.work().run();
            } catch (Exception e) {
                throw new IllegalStateException(node.taskName() + " failed: " + e.getMessage(), e);
            }
        }
        return build;
    }

    /** Builds every model of {@code build} in graph order (no step runs: their tables stay empty). */
    static List<Long> buildModels(DuckDbBuild build) {
        java.util.Set<String> sources = new java.util.TreeSet<>(build.models().sourceTables());
        sources.addAll(DomainTables.tableNames());
        List<BuildGraph.Node> nodes = build.models().models().stream()
                .map(model -> BuildGraph.Node.model(model, build.models())).toList();
        List<Long> rows = new ArrayList<>();
        for (BuildGraph.Node node : BuildGraph.of(nodes, sources).nodes()) {
            try {
                rows.add(node.work().run());
            } catch (Exception e) {
                throw new IllegalStateException(node.taskName() + " failed: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** Writes text exactly as given (no line end added). */
    static Path write(Path directory, String name, String text) {
        try {
            return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined by LF, each ending with LF. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static List<List<Object>> query(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[meta.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A read-only connection to a published warehouse, as a reader would open it. */
    static Connection reader(Path publishedFile) {
        Properties readOnly = new Properties();
        readOnly.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        try {
            return new DuckDBDriver().connect("jdbc:duckdb:" + publishedFile.toAbsolutePath(), readOnly);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
