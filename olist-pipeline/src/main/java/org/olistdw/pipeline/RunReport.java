package org.olistdw.pipeline;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.pipeline.build.ModelOrigin;
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
 * @param keyChanges  the keys new, changed and gone of each file read and compared with the published warehouse's
 *                    raw table, by file name, in contract order; empty in a full run
 * @param ordersAffected the distinct orders of those keys, when the run compared any file
 * @param modelTables how many model tables were built, kept from the published warehouse and patched (their
 *                    rows of the orders in scope rebuilt), when the build graph ran to its end
 * @param checksCarried how many rules kept the measurements of the run that built the published warehouse, their
 *                    tables unchanged since, when the run carried any over
 */
public record RunReport(RunId runId, RunStatus status, List<StepResult> steps, List<DataLoad> loads,
                        Optional<OrderValidation> validation, Optional<QualityReport> quality, List<CheckResult> checks,
                        Optional<String> failure, String warehouse, Duration duration,
                        Optional<RunMode> mode, Map<String, KeyChanges> keyChanges, Optional<Long> ordersAffected,
                        Map<ModelOrigin, Long> modelTables, Optional<CarriedChecks> checksCarried) {

    /**
     * The rules whose measurements a run took over instead of measuring them again
     * ({@link org.olistdw.pipeline.quality.CarriedMeasurements}).
     *
     * @param rules how many
     * @param from  the run that measured them, which built the published warehouse
     */
    public record CarriedChecks(int rules, RunId from) {

        public CarriedChecks {
            Objects.requireNonNull(from, "from");
            if (rules < 0) {
                throw new IllegalArgumentException("rules must not be negative, was " + rules);
            }
        }
    }

    public RunReport {
        keyChanges = Collections.unmodifiableMap(new LinkedHashMap<>(keyChanges));
        modelTables = modelTables.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(modelTables));
        steps = List.copyOf(steps);
        loads = List.copyOf(loads);
        checks = List.copyOf(checks);
        Objects.requireNonNull(checksCarried, "checksCarried");
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

    /** The keys new, changed and gone over every file compared by key, when the run compared any. */
    public Optional<KeyChanges> keysTouched() {
        return keyChanges.values().stream().reduce(KeyChanges::plus);
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
