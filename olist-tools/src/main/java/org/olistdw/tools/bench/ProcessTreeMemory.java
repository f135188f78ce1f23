package org.olistdw.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The resident memory of a process and every process it started (for a run: the JVM and the embedded
 * PostgreSQL server with its backends), sampled from {@code /proc} at a fixed interval on a thread of its own
 * until closed, keeping the peak.
 *
 * <p>A process counts its proportional set size ({@code Pss} of {@code /proc/<pid>/smaps_rollup}): a page
 * shared by several processes of the tree, such as PostgreSQL's shared buffers, is counted once over all of
 * them rather than once per process. A process resident beyond {@link #LARGE_BYTES}, and one whose
 * {@code smaps_rollup} cannot be read, counts its resident set size ({@code VmRSS} of {@code /proc/<pid>/status})
 * instead: the kernel walks every page of a process to sum its {@code Pss} (about 20 ms of system time at
 * 500 MiB, more the larger it is), which, every 50 ms, would take a good part of a core from the run being
 * measured; a process that large (the run's JVM and DuckDB) holds its own pages. Processes that end between two
 * samples are not seen in the later one; a peak shorter than the interval may be missed.
 */
final class ProcessTreeMemory implements AutoCloseable {

    /** Resident size beyond which a process counts its resident set, not its proportional set. */
    static final long LARGE_BYTES = 256L * 1024 * 1024;

    private final ProcessHandle root;
    private final long intervalMillis;
    private final AtomicLong peakBytes = new AtomicLong(-1);
    private final AtomicInteger peakProcesses = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean stopped;

    private ProcessTreeMemory(ProcessHandle root, long intervalMillis) {
        this.root = root;
        this.intervalMillis = intervalMillis;
        this.sampler = new Thread(this::sampleUntilStopped, "process-tree-memory");
        sampler.setDaemon(true);
    }

    /**
     * Starts sampling the tree under {@code root} every {@code intervalMillis} milliseconds, the first sample
     * at once.
     *
     * @throws IllegalArgumentException when the interval is below one millisecond
     */
    static ProcessTreeMemory watch(ProcessHandle root, long intervalMillis) {
        Objects.requireNonNull(root, "root");
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms, was " + intervalMillis);
        }
        ProcessTreeMemory memory = new ProcessTreeMemory(root, intervalMillis);
        memory.sampler.start();
        return memory;
    }

    /** The tree's memory now: the root and its live descendants; -1 when none could be read. */
    static long treeBytes(ProcessHandle root) {
        return sample(root)[0];
    }

    /** The highest sample so far, in bytes; -1 before any sample could be read. */
    long peakBytes() {
        return peakBytes.get();
    }

    /** How many processes the tree had at the highest sample. */
    int peakProcesses() {
        return peakProcesses.get();
    }

    /** How many samples were taken. */
    int samples() {
        return samples.get();
    }

    /** Stops sampling. */
    @Override
    public void close() {
        stopped = true;
        sampler.interrupt();
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleUntilStopped() {
        while (!stopped) {
            long[] now = sample(root);
            samples.incrementAndGet();
            if (now[0] > peakBytes.get()) {
                peakBytes.set(now[0]);
                peakProcesses.set((int) now[1]);
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {bytes, processes} of the tree. */
    private static long[] sample(ProcessHandle root) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        long bytes = -1;
        long processes = 0;
        for (ProcessHandle process : tree) {
            long one = processBytes(process.pid());
            if (one >= 0) {
                bytes = Math.max(bytes, 0) + one;
                processes++;
            }
        }
        return new long[] {bytes, processes};
    }

    /**
     * Pss of the process, or its VmRSS when it is resident beyond {@link #LARGE_BYTES} or its Pss cannot be read,
     * in bytes; -1 when neither can be read (e.g. it has ended).
     */
    static long processBytes(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        long rss = kilobytes(proc.resolve("status"), "VmRSS:");
        if (rss >= 0 && rss * 1024 > LARGE_BYTES) {
            return rss * 1024;
        }
        long pss = kilobytes(proc.resolve("smaps_rollup"), "Pss:");
        if (pss >= 0) {
            return pss * 1024;
        }
        return rss >= 0 ? rss * 1024 : -1;
    }

    private static long kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
