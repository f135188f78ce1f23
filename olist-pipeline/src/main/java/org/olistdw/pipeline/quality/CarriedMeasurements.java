package org.olistdw.pipeline.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.RuleMeasures;

/**
 * The measurements a run over changed files takes over from the run that built the published warehouse, instead of
 * measuring them again: those of the rules whose every table holds what it held in that warehouse. Such a table is
 * the raw table of a file unchanged since that run (same size and SHA-256, its rows carried over), a table every
 * build is seeded with the same rows, or a model that reads nothing else; with the same models, rules and program
 * (the run's definitions fingerprint), a rule over such tables counts what it counted then. Rules whose measurement
 * depends on more than their tables are always measured: freshness (the run's date), volume and source volume (the
 * loads before), published drift (the warehouse replaced), the domain's order rules (the validation), and any rule
 * whose SQL reads the clock. A rule that could not be measured then is measured now.
 *
 * <p>Every other rule is measured by the build's own {@link RuleMeasures}. The carried measurements are judged
 * like any other, with the rules' thresholds as they are now.
 */
public final class CarriedMeasurements implements RuleMeasures {

    /** Kinds whose measurement depends on more than the tables the rule reads. */
    private static final Set<RuleKind> CONTEXTUAL = EnumSet.of(RuleKind.FRESHNESS, RuleKind.VOLUME_ANOMALY,
            RuleKind.SOURCE_VOLUME, RuleKind.PUBLISHED_DRIFT, RuleKind.ORDER_RULE);

    /** SQL that reads the date or time, whose result may differ from one run to the next over the same tables. */
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)\\b(current_date|current_time|current_timestamp|localtime|localtimestamp|now|today|get_current_\\w+)\\b");

    private final RuleMeasures build;
    private final Map<String, RuleMeasurement> carried;

    private CarriedMeasurements(RuleMeasures build, Map<String, RuleMeasurement> carried) {
        this.build = build;
        this.carried = Map.copyOf(carried);
    }

    /**
     * The tables that hold what they held in the published warehouse: {@code unchangedRaw} (the raw tables of the
     * files carried over from it), {@code constant} (those every build is seeded with the same rows) and, of
     * {@code models}, every one whose reads are all such tables, following models that read models.
     */
    public static Set<String> unchangedTables(Set<String> unchangedRaw, Set<String> constant, List<Model> models) {
        Set<String> unchanged = new TreeSet<>(unchangedRaw);
        unchanged.addAll(constant);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Model model : models) {
                if (!unchanged.contains(model.qualifiedName()) && unchanged.containsAll(model.reads())) {
                    unchanged.add(model.qualifiedName());
                    grew = true;
                }
            }
        }
        return unchanged;
    }

    /**
     * Takes over, from {@code published} (the results the run that built the published warehouse recorded), the
     * measurement of each rule of {@code reads} whose tables are all {@code unchanged}, whose kind depends on its
     * tables alone and whose result then was a measurement (not an error); the other rules are measured by
     * {@code build}.
     *
     * @param reads the tables each rule reads, as {@code build} found them
     */
    public static CarriedMeasurements of(RuleMeasures build, Map<QualityRule, Set<String>> reads,
                                         Set<String> unchanged, List<CheckResult> published) {
        Objects.requireNonNull(build, "build");
        Map<String, CheckResult> before = new HashMap<>();
        published.forEach(result -> before.put(result.rule().name(), result));
        Map<String, RuleMeasurement> carried = new HashMap<>();
        reads.forEach((rule, tables) -> {
            CheckResult then = before.get(rule.name());
            if (then != null && then.status() != CheckStatus.ERROR && dependsOnTablesAlone(rule)
                    && !tables.isEmpty() && unchanged.containsAll(tables)) {
                carried.put(rule.name(), new RuleMeasurement(then.rowsChecked(), then.rowsFailed(), then.sample()));
            }
        });
        return new CarriedMeasurements(build, carried);
    }

    /** Whether a rule's measurement is a function of the tables it reads: its kind, and SQL without the clock. */
    public static boolean dependsOnTablesAlone(QualityRule rule) {
        return !CONTEXTUAL.contains(rule.kind())
                && rule.parameters().values().stream().noneMatch(value -> CLOCK.matcher(value).find());
    }

    /** The names of the rules whose measurements are taken over. */
    public Set<String> rules() {
        return new TreeSet<>(carried.keySet());
    }

    @Override
    public Set<String> tablesRead(QualityRule rule) {
        return build.tablesRead(rule);
    }

    @Override
    public Map<QualityRule, Set<String>> tablesReadAll(List<QualityRule> rules) {
        return build.tablesReadAll(rules);
    }

    @Override
    public RuleMeasurement measure(QualityRule rule, CheckContext context) {
        RuleMeasurement then = carried.get(rule.name());
        return then != null ? then : build.measure(rule, context);
    }

    /** The carried measurements as they are, taking no time; the other rules measured together by the build. */
    @Override
    public List<Outcome> measureAll(List<QualityRule> rules, List<CheckContext> contexts) {
        if (rules.size() != contexts.size()) {
            throw new IllegalArgumentException(rules.size() + " rules but " + contexts.size() + " contexts");
        }
        Outcome[] outcomes = new Outcome[rules.size()];
        List<QualityRule> measured = new ArrayList<>();
        List<CheckContext> measuredContexts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleMeasurement then = carried.get(rules.get(i).name());
            if (then != null) {
                outcomes[i] = new Outcome(rules.get(i), then, null, Duration.ZERO);
            } else {
                measured.add(rules.get(i));
                measuredContexts.add(contexts.get(i));
                positions.add(i);
            }
        }
        if (!measured.isEmpty()) {
            List<Outcome> now = build.measureAll(measured, measuredContexts);
            for (int j = 0; j < now.size(); j++) {
                outcomes[positions.get(j)] = now.get(j);
            }
        }
        return List.of(outcomes);
    }
}
