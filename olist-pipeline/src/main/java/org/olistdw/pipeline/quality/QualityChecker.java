package org.olistdw.pipeline.quality;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.RuleMeasures;
import org.olistdw.pipeline.source.SourceTable;
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
    private final String warehouse;

    /**
     * @param runs        where the row counts of earlier runs are read, for volume anomalies and source volumes
     * @param taskWriting the name of the task that writes a table in a run, if a task does: a volume rule
     *                    compares its target's rows with those that task recorded in earlier runs
     * @param warehouse   the warehouse the checked build replaces: a source volume compares with the earlier runs
     *                    that loaded this warehouse
     */
    public QualityChecker(PipelineRuns runs, Function<String, Optional<String>> taskWriting, String warehouse) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.taskWriting = Objects.requireNonNull(taskWriting, "taskWriting");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /** The rules a run checks: the active ones, in name order. */
    public static List<QualityRule> active(List<QualityRule> rules) {
        return rules.stream().filter(QualityRule::active).sorted(Comparator.comparing(QualityRule::name)).toList();
    }

    /**
     * The rules in batches whose checks run together, each batch in name order and the batches in the order of
     * their first rules: the rules that read the same tables form one batch, but for those of kind
     * {@link RuleKind#SQL} and {@link RuleKind#UNIQUE}, whose queries take longest, which are each a batch of
     * their own so that they run beside others. A batch may start once its tables are built, as each of its
     * rules could.
     *
     * @param reads the tables a rule's check reads
     */
    public static List<List<QualityRule>> batches(List<QualityRule> rules, Function<QualityRule, Set<String>> reads) {
        Map<Set<String>, List<QualityRule>> together = new LinkedHashMap<>();
        List<List<QualityRule>> batches = new ArrayList<>();
        for (QualityRule rule : rules.stream().sorted(Comparator.comparing(QualityRule::name)).toList()) {
            if (rule.kind() == RuleKind.SQL || rule.kind() == RuleKind.UNIQUE) {
                batches.add(List.of(rule));
            } else {
                together.computeIfAbsent(Set.copyOf(reads.apply(rule)), tables -> {
                    List<QualityRule> batch = new ArrayList<>();
                    batches.add(batch);
                    return batch;
                }).add(rule);
            }
        }
        return batches.stream().map(List::copyOf).toList();
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
            result = error(rule, e, Duration.ofNanos(System.nanoTime() - t0));
        }
        return logged(result);
    }

    /**
     * Measures and judges several rules against a build, each as {@link #check} does, letting the build share
     * work between them ({@link RuleMeasures#measureAll}).
     *
     * @return one result per rule, in the order of {@code rules}
     */
    public List<CheckResult> checkAll(RuleMeasures build, List<QualityRule> rules, LocalDate asOf) {
        CheckResult[] results = new CheckResult[rules.size()];
        List<QualityRule> measured = new ArrayList<>();
        List<CheckContext> contexts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            QualityRule rule = rules.get(i);
            long t0 = System.nanoTime();
            try {
                contexts.add(new CheckContext(asOf, history(rule), SAMPLE_SIZE));
                measured.add(rule);
                positions.add(i);
            } catch (RuntimeException e) {
                results[i] = error(rule, e, Duration.ofNanos(System.nanoTime() - t0));
            }
        }
        List<RuleMeasures.Outcome> outcomes;
        long t0 = System.nanoTime();
        try {
            outcomes = build.measureAll(measured, contexts);
        } catch (RuntimeException e) {
            Duration each = Duration.ofNanos((System.nanoTime() - t0) / Math.max(1, measured.size()));
            outcomes = measured.stream().map(rule -> new RuleMeasures.Outcome(rule, null, e, each)).toList();
        }
        for (int j = 0; j < outcomes.size(); j++) {
            RuleMeasures.Outcome outcome = outcomes.get(j);
            results[positions.get(j)] = outcome.failure() == null
                    ? CheckResult.judge(outcome.rule(), outcome.measurement(), outcome.elapsed())
                    : error(outcome.rule(), outcome.failure(), outcome.elapsed());
        }
        return Arrays.stream(results).map(QualityChecker::logged).toList();
    }

    private static CheckResult error(QualityRule rule, RuntimeException e, Duration elapsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return CheckResult.error(rule, message.replaceAll("\\s*\\R\\s*", " ").strip(), elapsed);
    }

    private static CheckResult logged(CheckResult result) {
        switch (result.status()) {
            case PASS -> LOG.debug(result.summary());
            case WARN -> LOG.warn(result.summary());
            default -> LOG.error(result.summary());
        }
        return result;
    }

    /**
     * The load of the source file of a {@link RuleKind#SOURCE_VOLUME} rule's target ({@code raw.<table>}) in the
     * latest successful run that loaded it into {@code warehouse}; none when that run does not exist or the target is
     * no raw source table.
     */
    public static Optional<PipelineRuns.RecordedLoad> lastLoadOf(PipelineRuns runs, String warehouse,
                                                                 QualityRule rule) {
        return Arrays.stream(SourceTable.values())
                .filter(table -> rule.target().equals(table.qualifiedTableName()))
                .findFirst()
                .flatMap(table -> runs.lastSuccessfulLoad(table.fileName(), warehouse));
    }

    /**
     * The target's row counts in earlier successful runs, as recorded by the task that writes it, for a volume
     * rule; none for the other kinds, or when no task writes the target.
     */
    private List<Long> history(QualityRule rule) {
        if (rule.kind() == RuleKind.SOURCE_VOLUME) {
            return lastLoadOf(runs, warehouse, rule).map(load -> List.of(load.load().rowsLoaded())).orElse(List.of());
        }
        if (rule.kind() != RuleKind.VOLUME_ANOMALY) {
            return List.of();
        }
        String trailing = rule.parameter("trailing_runs");
        int limit = trailing == null ? RuleKind.DEFAULT_TRAILING_RUNS : Integer.parseInt(trailing.strip());
        return taskWriting.apply(rule.target()).map(task -> runs.recentRowCounts(task, limit)).orElse(List.of());
    }
}
