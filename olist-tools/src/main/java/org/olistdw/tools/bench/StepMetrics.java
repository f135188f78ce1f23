package org.olistdw.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;
import org.olistdw.runner.EnvironmentProblem;

/**
 * Measures, per step of a run, what the process spent on it: wall time (the step's own), CPU time of the
 * whole process (every thread, DuckDB's included) and its resident memory, current and peak so far. Written
 * as JSON for {@code olist bench} (see {@link RunMetrics}):
 * <pre>
 * {"run_id": 7, "jvm_uptime_at_start_ms": 2350, "process_cpu_ms_at_start": 4100,
 *  "steps": [{"kind": "load", "name": "olist_orders_dataset.csv", "status": "success", "rows": 99441,
 *             "wall_ms": 2540, "cpu_ms": 3900, "peak_rss_bytes": 512000000, "rss_bytes": 498000000}, ...],
 *  "peak_rss_bytes": 813000000, "cpu_ms_total": 30100, "warehouse_bytes": 250000000}
 * </pre>
 * Memory is read from {@code /proc/self/status} ({@code VmHWM}, {@code VmRSS}) and is -1 where that file
 * cannot be read; CPU time is -1 where the JVM cannot measure it. {@code cpu_ms_total} is the sum of the
 * steps' CPU time, {@code peak_rss_bytes} the process's peak when the file is written.
 */
final class StepMetrics implements RunListener {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /**
     * One step as the process saw it.
     *
     * @param kind         the kind of step
     * @param name         the step's name
     * @param status       success or failed, as stored
     * @param rows         rows the step reports
     * @param wallMs       the step's wall time
     * @param cpuMs        CPU time of the process between the step's start and end, -1 when unknown
     * @param peakRssBytes the process's peak resident memory when the step ended, -1 when unknown
     * @param rssBytes     the process's resident memory when the step ended, -1 when unknown
     */
    record Step(StepKind kind, String name, String status, long rows, long wallMs, long cpuMs, long peakRssBytes,
                long rssBytes) {
    }

    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final Map<String, Long> cpuAtStart = new HashMap<>();
    private RunId run;
    private long jvmUptimeAtStartMs = -1;
    private long cpuMsAtStart = -1;

    @Override
    public synchronized void runStarted(RunId run, int steps) {
        this.run = run;
        jvmUptimeAtStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = processCpuNanos();
        cpuMsAtStart = cpu < 0 ? -1 : cpu / 1_000_000;
    }

    @Override
    public synchronized void stepStarted(StepKind kind, String name) {
        cpuAtStart.put(kind.taskName(name), processCpuNanos());
        steps.put(kind.taskName(name), null);
    }

    /**
     * {@inheritDoc} Steps may overlap: a step's CPU time is the whole process's while it ran, other steps'
     * included.
     */
    @Override
    public synchronized void stepFinished(StepResult result) {
        long cpuNow = processCpuNanos();
        String task = result.kind().taskName(result.name());
        Long cpuBefore = cpuAtStart.remove(task);
        long cpuMs = cpuBefore == null || cpuBefore < 0 || cpuNow < 0 ? -1 : (cpuNow - cpuBefore) / 1_000_000;
        List<String> status = procStatus();
        steps.put(task, new Step(result.kind(), result.name(), result.status().code(), result.rows(),
                result.duration().toMillis(), cpuMs, statusBytes(status, "VmHWM"), statusBytes(status, "VmRSS")));
    }

    /** The steps measured so far (those that ended), in the order they started, as their tasks are recorded. */
    synchronized List<Step> steps() {
        return steps.values().stream().filter(Objects::nonNull).toList();
    }

    /** The JVM's uptime when the run started: start-up and connecting the stores; -1 before the run starts. */
    long jvmUptimeAtStartMs() {
        return jvmUptimeAtStartMs;
    }

    /** The sum of the steps' CPU time; -1 when some step's is unknown. */
    long cpuMsTotal() {
        long total = 0;
        for (Step step : steps()) {
            if (step.cpuMs() < 0) {
                return -1;
            }
            total += step.cpuMs();
        }
        return total;
    }

    /** The metrics as a JSON document; see the class comment for its shape. */
    ObjectNode toJson(ObjectMapper mapper, long warehouseBytes) {
        ObjectNode root = mapper.createObjectNode();
        if (run != null) {
            root.put("run_id", run.value());
        }
        root.put("jvm_uptime_at_start_ms", jvmUptimeAtStartMs);
        root.put("process_cpu_ms_at_start", cpuMsAtStart);
        ArrayNode array = root.putArray("steps");
        for (Step step : steps()) {
            ObjectNode node = array.addObject();
            node.put("kind", step.kind().code());
            node.put("name", step.name());
            node.put("status", step.status());
            node.put("rows", step.rows());
            node.put("wall_ms", step.wallMs());
            node.put("cpu_ms", step.cpuMs());
            node.put("peak_rss_bytes", step.peakRssBytes());
            node.put("rss_bytes", step.rssBytes());
        }
        root.put("peak_rss_bytes", peakRssBytes());
        root.put("cpu_ms_total", cpuMsTotal());
        root.put("warehouse_bytes", warehouseBytes);
        return root;
    }

    /**
     * Writes the metrics as JSON to {@code file}, creating its directory.
     *
     * @param warehouseBytes size of the published warehouse file, 0 when there is none
     * @throws EnvironmentProblem when the file cannot be written
     */
    void write(Path file, long warehouseBytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(file.toFile(), toJson(mapper, warehouseBytes));
        } catch (IOException e) {
            throw new EnvironmentProblem("cannot write the metrics file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The size of {@code file}, 0 when it does not exist or cannot be read. */
    static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU time of the whole process so far, in nanoseconds; -1 when the JVM cannot tell. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** The process's peak resident memory so far ({@code VmHWM}) in bytes; -1 when unknown. */
    static long peakRssBytes() {
        return statusBytes(procStatus(), "VmHWM");
    }

    /**
     * A memory line of {@code /proc/self/status} in bytes, e.g. {@code VmHWM:\t  812340 kB}; -1 when the
     * line is missing or not in kB.
     */
    static long statusBytes(List<String> statusLines, String field) {
        for (String line : statusLines) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).strip().split("\\s+");
                if (parts.length == 2 && parts[1].equalsIgnoreCase("kB")) {
                    try {
                        return Long.parseLong(parts[0]) * 1024;
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    private static List<String> procStatus() {
        try {
            return Files.readAllLines(PROC_STATUS);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
