package org.olistdw.analytics.duckdb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures raw-load throughput on generated, Olist-like files; asserts nothing. Not part of the suite (the
 * name does not match surefire's patterns); run it with
 * {@code mvn -o -pl olist-analytics-duckdb test -Dtest=LoadThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and optionally {@code -Dolistdw.benchRows=1000000}.
 */
class LoadThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(LoadThroughputBenchmark.class);

    @TempDir
    Path directory;

    @Test
    void measure_rows_per_second() throws IOException {
        int rows = Integer.getInteger("olistdw.benchRows", 1_000_000);
        Path items = generateItems(directory.resolve(SourceTable.ORDER_ITEMS.fileName()), rows);
        Path geolocation = generateGeolocation(directory.resolve(SourceTable.GEOLOCATION.fileName()), rows);
        Path reviews = generateReviews(directory.resolve(SourceTable.ORDER_REVIEWS.fileName()), rows);
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            for (int round = 1; round <= 2; round++) {
                measure(build, SourceTable.ORDER_ITEMS, items, round);
                measure(build, SourceTable.GEOLOCATION, geolocation, round);
                measure(build, SourceTable.ORDER_REVIEWS, reviews, round);
            }
        }
    }

    private void measure(DuckDbBuild build, SourceTable table, Path file, int round) throws IOException {
        long quarantined = build.rowCount("raw.quarantine");
        long started = System.nanoTime();
        LoadResult result = build.raw().load(table, file, row -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("round {} {}: {} rows ({} MB) in {} s = {} rows/s, {} MB/s; {} quarantined", round,
                table.tableName(), result.rowsRead(), Files.size(file) / 1_000_000,
                String.format(Locale.ROOT, "%.2f", seconds), Math.round(result.rowsRead() / seconds),
                String.format(Locale.ROOT, "%.1f", Files.size(file) / 1e6 / seconds),
                build.rowCount("raw.quarantine") - quarantined);
    }

    private static String hex(Random random) {
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private static Path generateItems(Path file, int rows) throws IOException {
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SourceTable.ORDER_ITEMS.headerLine());
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                out.write('"' + hex(random) + "\"," + (1 + i % 3) + ",\"" + hex(random) + "\",\"" + hex(random)
                        + "\",2017-09-19 09:45:35," + (10 + random.nextInt(900)) + "." + random.nextInt(10) + "0,"
                        + random.nextInt(50) + "." + random.nextInt(100));
                out.write('\n');
            }
        }
        return file;
    }

    private static Path generateGeolocation(Path file, int rows) throws IOException {
        Random random = new Random(2);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SourceTable.GEOLOCATION.headerLine());
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                out.write(String.format(Locale.ROOT, "%05d,%.15f,%.15f,sao paulo,SP%n", random.nextInt(99_999),
                        -23.5 + random.nextDouble(), -46.6 + random.nextDouble()));
            }
        }
        return file;
    }

    private static Path generateReviews(Path file, int rows) throws IOException {
        Random random = new Random(3);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SourceTable.ORDER_REVIEWS.headerLine());
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                String message = i % 2 == 0 ? "" : "\"Produto chegou, \"\"ótimo\"\"\nrecomendo\"";
                out.write(hex(random) + "," + hex(random) + "," + (1 + random.nextInt(5)) + ",," + message
                        + ",2018-01-18 00:00:00,2018-01-18 21:46:59\n");
            }
        }
        return file;
    }
}
