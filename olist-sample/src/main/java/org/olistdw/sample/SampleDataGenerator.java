package org.olistdw.sample;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Writes the nine Olist CSV files with synthetic data that looks and joins like the published dataset: the
 * real file names, header lines (including the misspelled {@code lenght} columns), formats, proportions
 * and quirks (see the package documentation for the list and for how each count follows the scale).
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Deterministic</b>: the same scale and seed give byte-identical files, whatever the machine and
 *       the number of threads.</li>
 *   <li><b>Referentially whole</b> like the real data: every item's order, product and seller exists; every
 *       order has exactly one customer row; payments and reviews point to existing orders; every product
 *       and every seller is sold at least once.</li>
 *   <li><b>Streaming</b>: memory does not grow with the scale. Every entity is derived from (seed, kind,
 *       index) and each file is written in its own pass; only fixed-size tables (categories, states,
 *       cities, at most 19,172 zip prefixes) are held.</li>
 *   <li>Every row satisfies its {@link SourceTable#problemWith(List) source contract}.</li>
 * </ul>
 *
 * <p>Instances are immutable and may be reused; each {@link #generate} call writes the files again.
 */
public final class SampleDataGenerator {

    private static final int WRITER_THREADS = 2;

    /** Biggest files first, so that the two writer threads finish at about the same time. */
    private static final List<SourceTable> WRITE_ORDER = List.of(
            SourceTable.GEOLOCATION, SourceTable.ORDERS, SourceTable.ORDER_REVIEWS, SourceTable.ORDER_ITEMS,
            SourceTable.CUSTOMERS, SourceTable.ORDER_PAYMENTS, SourceTable.PRODUCTS, SourceTable.SELLERS,
            SourceTable.CATEGORY_TRANSLATION);

    private final double scale;
    private final long seed;

    /**
     * @param scale size relative to the published dataset: 1 gives about 99,441 orders and 1.55 M rows in
     *              all, 0.01 about 1 %, 10 ten times as many; must be finite and greater than 0
     * @param seed  any number; the same seed gives the same bytes
     * @throws IllegalArgumentException when the scale is not a finite number greater than 0
     */
    public SampleDataGenerator(double scale, long seed) {
        SampleSize.of(scale);
        this.scale = scale;
        this.seed = seed;
    }

    /**
     * Writes the nine files into {@code outDir}, creating it if needed and replacing files of the same
     * names. Files are written on up to two threads; {@code progress} hears about each as it completes.
     *
     * @param outDir   the directory to write to
     * @param progress told about every finished file, one call at a time
     * @return rows per file, total bytes and duration
     * @throws IOException when the directory or a file cannot be written; files already written stay
     */
    public GenerationSummary generate(Path outDir, GenerationProgress progress) throws IOException {
        Objects.requireNonNull(outDir, "output directory");
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        SampleFiles files = new SampleFiles(new Seeds(seed), SampleSize.of(scale));

        Map<SourceTable, Long> rows = new EnumMap<>(SourceTable.class);
        Object progressLock = new Object();
        ExecutorService writers = Executors.newFixedThreadPool(WRITER_THREADS, new WriterThreads());
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (SourceTable table : WRITE_ORDER) {
                futures.add(writers.submit(() -> {
                    long fileStarted = System.nanoTime();
                    long written = files.write(table, outDir);
                    Duration took = Duration.ofNanos(System.nanoTime() - fileStarted);
                    synchronized (progressLock) {
                        progress.fileDone(table, written, took);
                    }
                    return written;
                }));
            }
            for (int k = 0; k < WRITE_ORDER.size(); k++) {
                rows.put(WRITE_ORDER.get(k), await(futures.get(k)));
            }
        } finally {
            writers.shutdownNow();
        }

        long bytes = 0;
        for (SourceTable table : SourceTable.values()) {
            bytes += Files.size(outDir.resolve(table.fileName()));
        }
        return new GenerationSummary(rows, bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    private static long await(Future<Long> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing sample files");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("sample file writer failed", cause);
        }
    }

    @Override
    public String toString() {
        return "SampleDataGenerator[scale=" + scale + ", seed=" + seed + "]";
    }

    private static final class WriterThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "sample-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
