package org.olistdw.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.pipeline.build.OrderValidation;

/**
 * The outcome of one run.
 *
 * @param runId       the run's identity in the operational store
 * @param status      success or failed
 * @param steps       every step that ran, in the order they started (steps of the build graph may overlap);
 *                    after a failure, the steps already running were finished
 * @param loads       the file loads, in load order
 * @param validation  what validating every order through the domain found, when that step ran
 * @param quality     the quality report, when the checks ran
 * @param checks      each quality rule's result, by rule name, when the run recorded them with its report
 * @param failure     the one-line cause of a failure
 * @param warehouse   where readers open the warehouse (the last published one if this run failed)
 * @param duration    wall time of the whole run
 * @param mode        what the run did again (full, incremental, no change), once it compared its inputs
 */
public record RunReport(RunId runId, RunStatus status, List<StepResult> steps, List<DataLoad> loads,
                        Optional<OrderValidation> validation, Optional<QualityReport> quality, List<CheckResult> checks,
                        Optional<String> failure, String warehouse, Duration duration,
                        Optional<RunMode> mode) {

    public RunReport {
        steps = List.copyOf(steps);
        loads = List.copyOf(loads);
        checks = List.copyOf(checks);
    }

    /** Whether the run published a new warehouse. */
    public boolean succeeded() {
        return status == RunStatus.SUCCESS;
    }

    /** The run that built the published warehouse, when this run found nothing changed since and built nothing. */
    public Optional<RunId> unchangedSince() {
        return mode.filter(m -> m == RunMode.NO_CHANGE).flatMap(m -> loads.stream().findFirst())
                .flatMap(DataLoad::carriedOverFrom);
    }

    /** The files this run carried over from the published warehouse instead of reading them. */
    public long filesCarriedOver() {
        return loads.stream().filter(DataLoad::carriedOver).count();
    }

    /** Source rows read in the run. */
    public long rowsRead() {
        return loads.stream().mapToLong(DataLoad::rowsRead).sum();
    }

    /** Source rows quarantined in the run. */
    public long rowsQuarantined() {
        return loads.stream().mapToLong(DataLoad::rowsQuarantined).sum();
    }
}
