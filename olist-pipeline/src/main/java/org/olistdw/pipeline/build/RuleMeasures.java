package org.olistdw.pipeline.build;

import java.util.Set;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleMeasurement;

/**
 * Port: measuring quality rules against a build. {@link #measure} may be called from several threads at once;
 * each call works on a connection of its own.
 */
public interface RuleMeasures {

    /**
     * The tables measuring {@code rule} reads, {@code schema.table}: those its statements name, its target at
     * least. A rule whose statements cannot be made reads its target only; measuring it then reports why.
     */
    Set<String> tablesRead(QualityRule rule);

    /**
     * Measures one quality rule: how many rows the rule looked at, how many offend it, and a sample of the
     * offending rows. Every table {@link #tablesRead(QualityRule)} names must be complete.
     *
     * @throws IllegalStateException with a one-line reason when the rule's check cannot run (a missing
     *                               table or column, an invalid expression)
     * @throws IllegalArgumentException when a parameter is not what the rule's kind needs
     */
    RuleMeasurement measure(QualityRule rule, CheckContext context);
}
