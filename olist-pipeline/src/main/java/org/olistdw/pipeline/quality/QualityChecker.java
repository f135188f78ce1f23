package org.olistdw.pipeline.quality;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.RuleMeasures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a build against quality rules: each rule is measured by the warehouse and judged by its threshold
 * and severity. A rule whose check cannot run is an error result, never skipped. Safe to use from several
 * threads at once.
 */
public final class QualityChecker {

    /** Offending rows kept as evidence per rule. */
    public static final int SAMPLE_SIZE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(QualityChecker.class);

    private final PipelineRuns runs;
    private final Function<String, Optional<String>> taskWriting;

    /**
     * @param runs        where the row counts of earlier runs are read, for volume anomalies
     * @param taskWriting the name of the task that writes a table in a run, if a task does: a volume rule
     *                    compares its target's rows with those that task recorded in earlier runs
     */
    public QualityChecker(PipelineRuns runs, Function<String, Optional<String>> taskWriting) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.taskWriting = Objects.requireNonNull(taskWriting, "taskWriting");
    }

    /** The rules a run checks: the active ones, in name order. */
    public static List<QualityRule> active(List<QualityRule> rules) {
        return rules.stream().filter(QualityRule::active).sorted(Comparator.comparing(QualityRule::name)).toList();
    }

    /**
     * Measures and judges one rule against a build.
     *
     * @param asOf the run's date, for freshness
     */
    public CheckResult check(RuleMeasures build, QualityRule rule, LocalDate asOf) {
        long t0 = System.nanoTime();
        CheckResult result;
        try {
            RuleMeasurement measurement = build.measure(rule, new CheckContext(asOf, history(rule), SAMPLE_SIZE));
            result = CheckResult.judge(rule, measurement, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            result = CheckResult.error(rule, message.replaceAll("\\s*\\R\\s*", " ").strip(),
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        switch (result.status()) {
            case PASS -> LOG.debug(result.summary());
            case WARN -> LOG.warn(result.summary());
            default -> LOG.error(result.summary());
        }
        return result;
    }

    /**
     * The target's row counts in earlier successful runs, as recorded by the task that writes it, for a volume
     * rule; none for the other kinds, or when no task writes the target.
     */
    private List<Long> history(QualityRule rule) {
        if (rule.kind() != RuleKind.VOLUME_ANOMALY) {
            return List.of();
        }
        String trailing = rule.parameter("trailing_runs");
        int limit = trailing == null ? RuleKind.DEFAULT_TRAILING_RUNS : Integer.parseInt(trailing.strip());
        return taskWriting.apply(rule.target()).map(task -> runs.recentRowCounts(task, limit)).orElse(List.of());
    }
}
