package org.olistdw.pipeline.quality;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a build against the active quality rules: each rule is measured by the warehouse and judged
 * by its threshold and severity. A rule whose check cannot run is an error result, never skipped.
 */
public final class QualityChecker {

    /** Offending rows kept as evidence per rule. */
    public static final int SAMPLE_SIZE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(QualityChecker.class);

    private final PipelineRuns runs;

    /** @param runs where the row counts of earlier runs are read, for volume anomalies */
    public QualityChecker(PipelineRuns runs) {
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    /**
     * Measures and judges every active rule in {@code rules}, in name order.
     *
     * @param asOf the run's date, for freshness
     */
    public List<CheckResult> check(WarehouseBuild build, List<QualityRule> rules, LocalDate asOf) {
        List<CheckResult> results = new ArrayList<>();
        for (QualityRule rule : rules.stream().filter(QualityRule::active)
                .sorted(java.util.Comparator.comparing(QualityRule::name)).toList()) {
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
            results.add(result);
        }
        return results;
    }

    /** The target's row counts in earlier successful runs, for a volume rule; none for the other kinds. */
    private List<Long> history(QualityRule rule) {
        if (rule.kind() != RuleKind.VOLUME_ANOMALY) {
            return List.of();
        }
        String trailing = rule.parameter("trailing_runs");
        int limit = trailing == null ? RuleKind.DEFAULT_TRAILING_RUNS : Integer.parseInt(trailing.strip());
        return runs.recentRowCounts("transform:" + rule.target(), limit);
    }
}
