package org.olistdw.analytics.duckdb;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.pipeline.build.RuleMeasures;

/** Quality rules measured against a build by {@link RuleQueries}, each call on a session of its own. */
final class DuckDbChecks implements RuleMeasures {

    private final DuckDbBuild build;

    DuckDbChecks(DuckDbBuild build) {
        this.build = build;
    }

    /**
     * {@inheritDoc} Read by DuckDB's parser from the rule's rendered statements
     * ({@link RuleQueries#tablesRead}). A rule whose statements cannot be rendered or parsed reads its target
     * only: measuring it then reports the problem as the rule's error.
     */
    @Override
    public Set<String> tablesRead(QualityRule rule) {
        try (DuckDBConnection session = build.session()) {
            return readOrTarget(new RuleQueries(session), rule);
        } catch (SQLException e) {
            throw new IllegalStateException("rule " + rule.name() + ": cannot close its session: " + e.getMessage(), e);
        }
    }

    /** What the rule's statements read; its target alone when they cannot be made (a closed build still throws). */
    private static Set<String> readOrTarget(RuleQueries queries, QualityRule rule) {
        try {
            return queries.tablesRead(rule);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Set.of(rule.target());
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when a table or column parameter is not a plain lower-case identifier
     *                                  or a number parameter is not a number
     */
    @Override
    public RuleMeasurement measure(QualityRule rule, CheckContext context) {
        try (DuckDBConnection session = build.session()) {
            return new RuleQueries(session).measure(rule, context);
        } catch (SQLException e) {
            throw new IllegalStateException("rule " + rule.name() + ": cannot close its session: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc} On one session: the rules that count offending rows have their counts from one query (see
     * {@link RuleQueries#measureAll}).
     */
    @Override
    public List<Outcome> measureAll(List<QualityRule> rules, List<CheckContext> contexts) {
        try (DuckDBConnection session = build.session()) {
            return new RuleQueries(session).measureAll(rules, contexts);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the session of rules " + rules.stream().map(QualityRule::name)
                    .toList() + ": " + e.getMessage(), e);
        }
    }
}
