package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.util.Objects;

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

    /** The classpath folder of the real models. */
    public static final String DEFAULT_MODEL_ROOT = "sql/duckdb";

    /** Four gigabytes of memory, one thread per processor and the real models. */
    public static DuckDbSettings defaults(Path tempDirectory) {
        return new DuckDbSettings("4GB", Runtime.getRuntime().availableProcessors(), tempDirectory,
                DEFAULT_MODEL_ROOT);
    }

    public DuckDbSettings {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        Objects.requireNonNull(modelRoot, "modelRoot");
        if (!memoryLimit.strip().matches("(?i)\\d+(\\.\\d+)?\\s*(b|[kmgt]i?b)")) {
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
