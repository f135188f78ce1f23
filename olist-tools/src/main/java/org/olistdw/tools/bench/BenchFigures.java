package org.olistdw.tools.bench;

import java.util.List;

/**
 * What {@code olist bench} measured, as written to its JSON file and rendered into the performance page.
 * Times are milliseconds unless a name says seconds; sizes are bytes.
 */
final class BenchFigures {

    private BenchFigures() {
    }

    /**
     * The machine the figures come from.
     *
     * @param cores           processors available to the JVM
     * @param memoryBytes     physical memory ({@code MemTotal} of /proc/meminfo), -1 when unknown
     * @param cpuModel        the processor's model name, or {@code unknown}
     * @param os              operating system name, version and architecture
     * @param jdk             the JDK's vendor and version
     * @param duckdbVersion   DuckDB's {@code version()}
     * @param postgresVersion the PostgreSQL server's {@code version()}
     */
    record Machine(int cores, long memoryBytes, String cpuModel, String os, String jdk, String duckdbVersion,
                   String postgresVersion) {
    }

    /**
     * One step of the pipeline run, as the run process measured it.
     *
     * @param kind         extract, load, transform, validate, check or publish
     * @param name         the step's name
     * @param rows         rows the step reports
     * @param wallMs       wall time
     * @param cpuMs        CPU time of the whole process during the step (all threads, DuckDB's included)
     * @param peakRssBytes peak resident memory of the process when the step ended
     */
    record Step(String kind, String name, long rows, long wallMs, long cpuMs, long peakRssBytes) {
    }

    /**
     * Where a run process's time goes outside its pipeline, from its log's marks; -1 where a mark is missing.
     *
     * @param toMainMs        from launching the process to starting PostgreSQL: the JVM's start, reaching main,
     *                        parsing the command line
     * @param postgresStartMs starting the embedded PostgreSQL, as the server's start reports it
     * @param storeSetupMs    from the server being up to the pipeline's start: migrations, seeding the rules,
     *                        recovering interrupted runs
     * @param pipelineMs      the pipeline, from its start to its end
     * @param afterMs         from the pipeline's end to the process's exit: the report, stopping PostgreSQL
     */
    record Startup(long toMainMs, long postgresStartMs, long storeSetupMs, long pipelineMs, long afterMs) {

        /** No marks. */
        static final Startup UNKNOWN = new Startup(-1, -1, -1, -1, -1);
    }

    /**
     * The full pipeline run, a process of its own.
     *
     * @param processWallMs   from starting the JVM to its exit: what a user waits for
     * @param jvmStartMs      JVM uptime when the run started: start-up and connecting the stores
     * @param cpuMs           CPU time of the process's steps
     * @param peakRssBytes    peak resident memory of the Java process
     * @param warehouseBytes  size of the published warehouse file
     * @param sourceRows      rows read from the nine files
     * @param steps           every step, in order
     * @param treePeakBytes   peak memory of the whole process tree (the JVM and its PostgreSQL server), sampled
     *                        every 50 ms ({@link ProcessTreeMemory}); -1 when not sampled
     * @param startup         where the time outside the pipeline goes
     */
    record Run(long processWallMs, long jvmStartMs, long cpuMs, long peakRssBytes, long warehouseBytes,
               long sourceRows, List<Step> steps, long treePeakBytes, Startup startup) {

        /** A run without process tree sampling nor startup marks. */
        Run(long processWallMs, long jvmStartMs, long cpuMs, long peakRssBytes, long warehouseBytes,
            long sourceRows, List<Step> steps) {
            this(processWallMs, jvmStartMs, cpuMs, peakRssBytes, warehouseBytes, sourceRows, steps, -1,
                    Startup.UNKNOWN);
        }

        /** The same run with another warehouse size. */
        Run withWarehouseBytes(long bytes) {
            return new Run(processWallMs, jvmStartMs, cpuMs, peakRssBytes, bytes, sourceRows, steps, treePeakBytes,
                    startup);
        }

        /** Total wall time of the steps of one kind. */
        long wallMs(String kind) {
            return steps.stream().filter(step -> step.kind().equals(kind)).mapToLong(Step::wallMs).sum();
        }

        /** Total CPU time of the steps of one kind. */
        long cpuMs(String kind) {
            return steps.stream().filter(step -> step.kind().equals(kind)).mapToLong(Step::cpuMs).sum();
        }
    }

    /**
     * The same loads and models done by DuckDB alone, without orchestration, row checks, quarantine,
     * validation, quality checks or operational records.
     *
     * @param loadMs      loading the nine files with DuckDB's CSV reader, and the checkpoint after
     * @param transformMs building every model
     * @param totalMs     on the clock: setup, loads, models and close
     * @param setupMs     opening the new file, layout and macros
     * @param closeMs     the final checkpoint and closing
     * @param prepareMs   off the clock: parsing the models and capturing the macros
     * @param parallelism sessions the loads and models ran on
     */
    record Bare(long loadMs, long transformMs, long totalMs, long setupMs, long closeMs, long prepareMs,
                int parallelism) {

        /** Loads, models and total only. */
        Bare(long loadMs, long transformMs, long totalMs) {
            this(loadMs, transformMs, totalMs, -1, -1, -1, 1);
        }
    }

    /**
     * Percentiles of one series of timings (nearest rank).
     *
     * @param p50 median
     * @param p95 95th percentile
     * @param max slowest
     */
    record Timing(double p50, double p95, double max) {
    }

    /**
     * One dashboard query timed on both engines.
     *
     * @param name        the query's file name without {@code .sql}
     * @param rows        rows it returns
     * @param duckdbCold  DuckDB, first execution on a fresh connection
     * @param duckdbWarm  DuckDB, repeated executions on one connection
     * @param postgresCold PostgreSQL, first execution on a fresh connection
     * @param postgresWarm PostgreSQL, repeated executions on one connection
     */
    record Query(String name, long rows, Timing duckdbCold, Timing duckdbWarm, Timing postgresCold,
                 Timing postgresWarm) {

        /** PostgreSQL's warm median over DuckDB's: how many times faster DuckDB answers. */
        double warmRatio() {
            return postgresWarm.p50() / Math.max(duckdbWarm.p50(), 0.001);
        }
    }

    /**
     * Everything measured at one scale.
     *
     * @param scale          size relative to the published dataset
     * @param generateMs     generating the sample, or -1 when an earlier sample was reused
     * @param run            the median full pipeline run, with the size of the warehouse the queries read (the
     *                       last run's)
     * @param bare           the bare engine doing the same loads and models
     * @param starCopyMs     copying the star schema into PostgreSQL
     * @param queries        the dashboard queries
     * @param runWallMs      every run's process wall time, in order; {@code run} is the median one
     * @param bareTotalMs    every bare run's total, in order; {@code bare} is the median one
     * @param incremental    the runs over changed and unchanged sources after the full runs, or null when not
     *                       measured
     */
    record Scale(double scale, long generateMs, Run run, Bare bare, long starCopyMs, List<Query> queries,
                 List<Long> runWallMs, List<Long> bareTotalMs, Incremental incremental) {

        /** Copies the lists. */
        Scale {
            queries = List.copyOf(queries);
            runWallMs = List.copyOf(runWallMs);
            bareTotalMs = List.copyOf(bareTotalMs);
        }

        /** Without incremental runs. */
        Scale(double scale, long generateMs, Run run, Bare bare, long starCopyMs, List<Query> queries,
              List<Long> runWallMs, List<Long> bareTotalMs) {
            this(scale, generateMs, run, bare, starCopyMs, queries, runWallMs, bareTotalMs, null);
        }

        /** One run and one bare run. */
        Scale(double scale, long generateMs, Run run, Bare bare, long starCopyMs, List<Query> queries) {
            this(scale, generateMs, run, bare, starCopyMs, queries, List.of(run.processWallMs()),
                    List.of(bare.totalMs()));
        }

        /** The geometric mean of the warm ratios PostgreSQL / DuckDB. */
        double geometricMeanRatio() {
            return Math.exp(queries.stream().mapToDouble(query -> Math.log(query.warmRatio())).average().orElse(0));
        }

        /** Our full run (process wall time) over the bare engine's total. */
        double overhead() {
            return run.processWallMs() / (double) Math.max(bare.totalMs(), 1);
        }

        /** Our load and transform steps over the bare engine's load and transform. */
        double loadTransformOverhead() {
            return (run.wallMs("load") + run.wallMs("transform")) / (double) Math.max(bare.loadMs() + bare.transformMs(), 1);
        }

        /** The slowest warm p95 of DuckDB over every dashboard query. */
        double worstWarmP95() {
            return queries.stream().mapToDouble(query -> query.duckdbWarm().p95()).max().orElse(0);
        }
    }

    /**
     * Runs after the full ones into the same warehouse: over the sample with new and changed orders
     * ({@code olist evolve}), each after a full run over the original sample restored the starting point, and then
     * over the same files again, with nothing changed.
     *
     * @param newOrdersPercent     new orders, as a percentage of the sample's
     * @param changedOrdersPercent old orders changed, as a percentage of the sample's
     * @param changed              the median run over the changed sample
     * @param unchanged            the median run with nothing changed
     * @param changedWallMs        every run over the changed sample, in order
     * @param unchangedWallMs      every run with nothing changed, in order
     */
    record Incremental(double newOrdersPercent, double changedOrdersPercent, Run changed, Run unchanged,
                       List<Long> changedWallMs, List<Long> unchangedWallMs) {

        /** Copies the lists. */
        Incremental {
            changedWallMs = List.copyOf(changedWallMs);
            unchangedWallMs = List.copyOf(unchangedWallMs);
        }
    }

    /**
     * One bench: where, when, how often, and the figures per scale.
     *
     * @param machine   the machine
     * @param startedAt ISO-8601 instant
     * @param runs      samples per query timing
     * @param command   the command line that produced it
     * @param scales    the figures, in the order measured
     */
    record Bench(Machine machine, String startedAt, int runs, String command, List<Scale> scales) {
    }

    /** The element at the middle of the values sorted by {@code key} (the lower middle of an even count). */
    static <T> T median(List<T> values, java.util.function.ToLongFunction<T> key) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        List<T> sorted = values.stream().sorted(java.util.Comparator.comparingLong(key)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
