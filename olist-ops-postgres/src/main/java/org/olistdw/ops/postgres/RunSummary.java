package org.olistdw.ops.postgres;

import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.RunMode;

/**
 * One line of a runs listing: a run with the totals of its tasks and file loads.
 *
 * @param run             the run as recorded
 * @param tasks           tasks recorded for the run
 * @param tasksFailed     of which failed
 * @param filesLoaded     source files read and loaded
 * @param rowsRead        data rows read over all files
 * @param rowsLoaded      rows written to the raw tables
 * @param rowsQuarantined rows quarantined with a reason
 * @param mode            full, incremental or no change, once the run has decided
 * @param filesCarriedOver source files found unchanged and carried over instead of read
 * @param keysTouched     keys new, changed or gone over the files the run compared by key with the published raw
 *                        tables; empty when it compared none (a full run)
 * @param ordersAffected  the distinct orders of those keys; empty when the run compared no file by key
 */
public record RunSummary(PipelineRun run, int tasks, int tasksFailed, int filesLoaded,
                         long rowsRead, long rowsLoaded, long rowsQuarantined, Optional<RunMode> mode,
                         int filesCarriedOver, Optional<Long> keysTouched, Optional<Long> ordersAffected) {

    public RunSummary {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keysTouched, "keysTouched");
        Objects.requireNonNull(ordersAffected, "ordersAffected");
    }
}
