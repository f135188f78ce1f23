package org.olistdw.analytics.duckdb;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
            RuleQueries queries = new RuleQueries(session);
            return readOrTarget(() -> queries.tablesRead(rule), rule);
        } catch (SQLException e) {
            throw new IllegalStateException("rule " + rule.name() + ": cannot close its session: " + e.getMessage(), e);
        }
    }

    /** {@inheritDoc} On one session, with DuckDB's parser prepared once for every rule. */
    @Override
    public Map<QualityRule, Set<String>> tablesReadAll(List<QualityRule> rules) {
        Map<QualityRule, Set<String>> reads = new LinkedHashMap<>();
        try (DuckDBConnection session = build.session();
             SqlReferences.Parser parser = new SqlReferences.Parser(session)) {
            RuleQueries queries = new RuleQueries(session);
            for (QualityRule rule : rules) {
                reads.put(rule, readOrTarget(() -> queries.tablesRead(rule, parser), rule));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the session that parsed the rules: " + e.getMessage(), e);
        }
        return reads;
    }

    /** What the rule's statements read; its target alone when they cannot be made (a closed build still throws). */
    private static Set<String> readOrTarget(Supplier<Set<String>> parsed, QualityRule rule) {
        try {
            return parsed.get();
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
