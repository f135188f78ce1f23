package org.olistdw.ops.postgres;

import java.util.Objects;
import org.olistdw.domain.orchestration.PipelineRun;

/**
 * One line of a runs listing: a run with the totals of its tasks and file loads.
 *
 * @param run             the run as recorded
 * @param tasks           tasks recorded for the run
 * @param tasksFailed     of which failed
 * @param filesLoaded     source files loaded
 * @param rowsRead        data rows read over all files
 * @param rowsLoaded      rows written to the raw tables
 * @param rowsQuarantined rows quarantined with a reason
 */
public record RunSummary(PipelineRun run, int tasks, int tasksFailed, int filesLoaded,
                         long rowsRead, long rowsLoaded, long rowsQuarantined) {

    public RunSummary {
        Objects.requireNonNull(run, "run");
    }
}
