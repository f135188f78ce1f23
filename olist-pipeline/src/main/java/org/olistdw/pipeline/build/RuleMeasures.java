package org.olistdw.pipeline.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleMeasurement;

/**
 * Port: measuring quality rules against a build. {@link #measure} and {@link #measureAll} may be called from
 * several threads at once; each call works on a connection of its own.
 */
public interface RuleMeasures {

    /**
     * The tables measuring {@code rule} reads, {@code schema.table}: those its statements name, its target at
     * least. A rule whose statements cannot be made reads its target only; measuring it then reports why.
     */
    Set<String> tablesRead(QualityRule rule);

    /**
     * {@link #tablesRead(QualityRule)} of each rule, in the order given; an adapter may parse them all on one
     * connection.
     */
    default Map<QualityRule, Set<String>> tablesReadAll(List<QualityRule> rules) {
        Map<QualityRule, Set<String>> reads = new LinkedHashMap<>();
        for (QualityRule rule : rules) {
            reads.put(rule, tablesRead(rule));
        }
        return reads;
    }

    /**
     * Measures one quality rule: how many rows the rule looked at, how many offend it, and a sample of the
     * offending rows. Every table {@link #tablesRead(QualityRule)} names must be complete.
     *
     * @throws IllegalStateException with a one-line reason when the rule's check cannot run (a missing
     *                               table or column, an invalid expression)
     * @throws IllegalArgumentException when a parameter is not what the rule's kind needs
     */
    RuleMeasurement measure(QualityRule rule, CheckContext context);

    /**
     * What measuring one rule gave, among several measured together.
     *
     * @param measurement what {@link #measure} returns, null when it throws
     * @param failure     what {@link #measure} throws, null when it returns
     * @param elapsed     the time spent on this rule, its share of work done for several included
     */
    record Outcome(QualityRule rule, RuleMeasurement measurement, RuntimeException failure, Duration elapsed) {

        public Outcome {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(elapsed, "elapsed");
            if ((measurement == null) == (failure == null)) {
                throw new IllegalArgumentException("an outcome is a measurement or a failure");
            }
        }
    }

    /**
     * Measures several rules, each with its context, giving for each exactly what {@link #measure} gives (its
     * measurement, or the exception it throws), in the order of {@code rules}. Implementations may share work
     * between them, such as counting rows for several rules in one query. Every table the rules read must be
     * complete.
     */
    default List<Outcome> measureAll(List<QualityRule> rules, List<CheckContext> contexts) {
        if (rules.size() != contexts.size()) {
            throw new IllegalArgumentException(rules.size() + " rules but " + contexts.size() + " contexts");
        }
        List<Outcome> outcomes = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            long t0 = System.nanoTime();
            try {
                RuleMeasurement measurement = measure(rules.get(i), contexts.get(i));
                outcomes.add(new Outcome(rules.get(i), measurement, null, Duration.ofNanos(System.nanoTime() - t0)));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(rules.get(i), null, e, Duration.ofNanos(System.nanoTime() - t0)));
            }
        }
        return outcomes;
    }
}
