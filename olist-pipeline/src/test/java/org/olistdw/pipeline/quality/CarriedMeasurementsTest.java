package org.olistdw.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.RuleMeasures;

class CarriedMeasurementsTest {

    private static final CheckContext CONTEXT = new CheckContext(LocalDate.of(2026, 12, 7), List.of(), 10);

    @Test
    void unchanged_tables_are_the_unchanged_raw_tables_the_constant_ones_and_the_models_reading_only_them() {
        List<Model> models = List.of(
                new Model("core.dim_geography", Set.of("staging.stg_geolocation", "intermediate.int_states"), "g.sql"),
                new Model("staging.stg_geolocation", Set.of("raw.geolocation"), "sg.sql"),
                new Model("intermediate.int_states", Set.of("domain.states"), "s.sql"),
                new Model("staging.stg_orders", Set.of("raw.orders"), "so.sql"),
                new Model("core.fact_orders", Set.of("staging.stg_orders", "core.dim_geography"), "f.sql"),
                new Model("intermediate.int_run", Set.of("raw.build"), "r.sql"));

        Set<String> unchanged = CarriedMeasurements.unchangedTables(Set.of("raw.geolocation"), Set.of("domain.states"),
                models);

        // a model reading a changed table (raw.orders) or one of every run (raw.build) is not, nor what reads it
        assertThat(unchanged).containsExactlyInAnyOrder("raw.geolocation", "domain.states",
                "staging.stg_geolocation", "intermediate.int_states", "core.dim_geography");
    }

    @Test
    void only_rules_over_unchanged_tables_whose_measurement_depends_on_them_alone_keep_the_earlier_one() {
        QualityRule geography = rule("geography_unique", RuleKind.UNIQUE, Map.of("columns", "zip"));
        QualityRule orders = rule("orders_unique", RuleKind.UNIQUE, Map.of("columns", "order_id"));
        QualityRule fresh = rule("geography_fresh", RuleKind.FRESHNESS, Map.of("column", "d", "max_age_days", "3"));
        QualityRule clock = rule("geography_today", RuleKind.SQL, Map.of("query", "select * where d < current_date"));
        QualityRule erred = rule("geography_erred", RuleKind.NOT_NULL, Map.of("column", "zip"));
        QualityRule absent = rule("geography_new_rule", RuleKind.NOT_NULL, Map.of("column", "city"));
        Map<QualityRule, Set<String>> reads = new LinkedHashMap<>();
        for (QualityRule rule : List.of(geography, fresh, clock, erred, absent)) {
            reads.put(rule, Set.of("core.dim_geography"));
        }
        reads.put(orders, Set.of("core.fact_orders", "core.dim_geography"));
        List<CheckResult> published = new ArrayList<>();
        for (QualityRule rule : List.of(geography, orders, fresh, clock)) {
            published.add(CheckResult.judge(rule, new RuleMeasurement(100, 3, List.of(Map.of("zip", "01001"))),
                    Duration.ofMillis(5)));
        }
        published.add(CheckResult.error(erred, "no such column", Duration.ZERO));
        Recording build = new Recording();

        CarriedMeasurements carried = CarriedMeasurements.of(build, reads, Set.of("core.dim_geography"), published);

        assertThat(carried.rules()).containsExactly("geography_unique");
        List<QualityRule> asked = List.of(orders, geography, fresh, absent);
        List<RuleMeasures.Outcome> outcomes = carried.measureAll(asked,
                List.of(CONTEXT, CONTEXT, CONTEXT, CONTEXT));
        // in the order asked; the carried one as measured then, taking no time, the others by the build, together
        assertThat(outcomes).extracting(RuleMeasures.Outcome::rule).containsExactlyElementsOf(asked);
        assertThat(outcomes.get(1).measurement()).isEqualTo(new RuleMeasurement(100, 3,
                List.of(Map.of("zip", "01001"))));
        assertThat(outcomes.get(1).elapsed()).isEqualTo(Duration.ZERO);
        assertThat(outcomes.get(0).measurement().rowsChecked()).isEqualTo(7);
        assertThat(build.asked).containsExactly(List.of("orders_unique", "geography_fresh", "geography_new_rule"));
        assertThat(carried.measure(geography, CONTEXT).rowsFailed()).isEqualTo(3);
        assertThat(carried.measure(orders, CONTEXT).rowsFailed()).isZero();
    }

    @Test
    void a_rule_reading_the_clock_depends_on_more_than_its_tables() {
        assertThat(CarriedMeasurements.dependsOnTablesAlone(rule("a_rule", RuleKind.EXPRESSION,
                Map.of("expression", "shipped_at <= now()")))).isFalse();
        assertThat(CarriedMeasurements.dependsOnTablesAlone(rule("a_rule", RuleKind.EXPRESSION,
                Map.of("expression", "known_at <= shipped_at")))).isTrue();
        assertThat(CarriedMeasurements.dependsOnTablesAlone(rule("a_rule", RuleKind.SOURCE_VOLUME,
                Map.of("max_drop_percent", "10")))).isFalse();
    }

    private static QualityRule rule(String name, RuleKind kind, Map<String, String> parameters) {
        return new QualityRule(name, RuleType.VALIDITY, kind, "core.dim_geography", parameters, Severity.MEDIUM,
                BigDecimal.ZERO, true, "A rule.");
    }

    /** Measures every rule as 7 rows checked and none failed, remembering which rules it was asked, call by call. */
    private static final class Recording implements RuleMeasures {

        final List<List<String>> asked = new ArrayList<>();

        @Override
        public Set<String> tablesRead(QualityRule rule) {
            return Set.of(rule.target());
        }

        @Override
        public RuleMeasurement measure(QualityRule rule, CheckContext context) {
            return new RuleMeasurement(7, 0, List.of());
        }

        @Override
        public List<Outcome> measureAll(List<QualityRule> rules, List<CheckContext> contexts) {
            asked.add(rules.stream().map(QualityRule::name).toList());
            return rules.stream().map(rule -> new Outcome(rule, measure(rule, CONTEXT), null, Duration.ofMillis(1)))
                    .toList();
        }
    }
}
