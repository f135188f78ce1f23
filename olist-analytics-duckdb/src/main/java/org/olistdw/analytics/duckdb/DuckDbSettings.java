package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a warehouse build uses the machine, and where its SQL models are.
 *
 * @param memoryLimit   DuckDB's {@code memory_limit} for a build, e.g. {@code 4GB}; beyond it DuckDB spills
 *                      to {@code tempDirectory}
 * @param threads       DuckDB's {@code threads} for a build
 * @param tempDirectory where DuckDB spills intermediate results that do not fit in memory
 * @param modelRoot     the classpath folder holding one sub-folder of {@code .sql} models per layer,
 *                      {@code sql/duckdb} for the real models
 */
public record DuckDbSettings(String memoryLimit, int threads, Path tempDirectory, String modelRoot) {

    /** An amount of bytes as DuckDB reads it: 4GB, 4G, 4GiB, 512MB, 1.5GB, 100KB, 2048bytes... */
    private static final Pattern MEMORY_AMOUNT =
            Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(b|bytes?|[kmgt]|[kmgt]i?b)");

    /** The classpath folder of the real models. */
    public static final String DEFAULT_MODEL_ROOT = "sql/duckdb";

    /** Four gigabytes of memory, one thread per processor and the real models. */
    public static DuckDbSettings defaults(Path tempDirectory) {
        return new DuckDbSettings("4GB", Runtime.getRuntime().availableProcessors(), tempDirectory,
                DEFAULT_MODEL_ROOT);
    }

    /**
     * DuckDB's threads for a build that runs {@code sessions} queries at once on this machine's processors: each
     * session's own thread works on its query, and DuckDB adds {@code threads - 1} workers that all sessions
     * share, so that the processors are used once, not oversubscribed. At least one; with two processors and two
     * sessions, one (docs/performance.md measures it).
     */
    public static int threadsBeside(int sessions) {
        return threadsBeside(sessions, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #threadsBeside(int)} for a machine of {@code processors}. */
    static int threadsBeside(int sessions, int processors) {
        if (sessions < 1) {
            throw new IllegalArgumentException("sessions must be at least 1, was " + sessions);
        }
        return Math.max(1, processors - sessions + 1);
    }

    public DuckDbSettings {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        Objects.requireNonNull(modelRoot, "modelRoot");
        if (!MEMORY_AMOUNT.matcher(memoryLimit.strip()).matches()) {
            throw new IllegalArgumentException(
                    "memory limit must be an amount of bytes such as 4GB or 512MiB, was '" + memoryLimit + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        modelRoot = modelRoot.strip().replaceAll("^/+|/+$", "");
        if (modelRoot.isEmpty()) {
            throw new IllegalArgumentException("model root must name a classpath folder, was blank");
        }
    }

    /** The same settings with models read from another classpath folder. */
    public DuckDbSettings withModelRoot(String otherModelRoot) {
        return new DuckDbSettings(memoryLimit, threads, tempDirectory, otherModelRoot);
    }
}
