package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.pipeline.quality.RuleCatalog;

/**
 * {@code olist quality rules}: the shipped rules appear in PostgreSQL on first use, and people switch them
 * on and off and change thresholds there, without a rebuild; a later seeding keeps what they set.
 */
class QualityRulesCommandTest {

    private static Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestStores.opsArgs()));
        return Cli.run(all.toArray(String[]::new));
    }

    private static QualityRules store() {
        return TestStores.ops().qualityRules();
    }

    /** A shipped rule the tests change and put back. */
    private static QualityRule someRule() {
        return RuleCatalog.shipped().get(0);
    }

    @Test
    void list_shows_every_shipped_rule_with_its_severity_threshold_and_target() throws Exception {
        Cli json = cli("quality", "rules", "list", "--json");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.OK);
        JsonNode rules = new ObjectMapper().readTree(json.out());
        List<String> listed = new ArrayList<>();
        rules.forEach(rule -> listed.add(rule.get("name").asText()));
        assertThat(listed).containsAll(RuleCatalog.shipped().stream().map(QualityRule::name).toList());
        for (QualityRule shipped : RuleCatalog.shipped()) {
            JsonNode row = rules.get(listed.indexOf(shipped.name()));
            assertThat(row.get("severity").asText()).as(shipped.name()).isEqualTo(shipped.severity().code());
            assertThat(row.get("kind").asText()).as(shipped.name()).isEqualTo(shipped.kind().code());
            assertThat(row.get("target").asText()).as(shipped.name()).isEqualTo(shipped.target());
        }

        Cli table = cli("quality", "rules", "list");
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains(someRule().name()).containsPattern("\\d+ rules, \\d+ active");
    }

    @Test
    void a_disabled_rule_stays_disabled_in_postgresql_until_enabled_again_even_when_the_catalogue_is_seeded_again() {
        String name = someRule().name();
        try {
            Cli disabled = cli("quality", "rules", "disable", name);

            assertThat(disabled.exitCode()).as(disabled.toString()).isEqualTo(ExitCodes.OK);
            assertThat(disabled.out()).contains("rule " + name + " disabled");
            assertThat(store().find(name)).get().extracting(QualityRule::active).isEqualTo(false);
            assertThat(cli("quality", "rules", "list").exitCode()).isZero(); // seeds the catalogue again
            assertThat(store().find(name)).get().extracting(QualityRule::active).isEqualTo(false);

            Cli enabled = cli("quality", "rules", "enable", name);
            assertThat(enabled.exitCode()).as(enabled.toString()).isEqualTo(ExitCodes.OK);
            assertThat(store().find(name)).get().extracting(QualityRule::active).isEqualTo(true);
        } finally {
            store().setActive(name, someRule().active());
        }
    }

    @Test
    void set_threshold_changes_the_tolerated_failure_rate_and_a_later_seeding_keeps_it() {
        String name = someRule().name();
        try {
            Cli set = cli("quality", "rules", "set-threshold", name, "2.5");

            assertThat(set.exitCode()).as(set.toString()).isEqualTo(ExitCodes.OK);
            assertThat(set.out()).contains("rule " + name + " now tolerates 2.5 % failing rows");
            assertThat(cli("quality", "rules", "list").exitCode()).isZero();
            assertThat(store().find(name)).get().extracting(QualityRule::threshold)
                    .satisfies(threshold -> assertThat(threshold).isEqualByComparingTo(new BigDecimal("2.5")));
        } finally {
            store().setThreshold(name, someRule().threshold());
        }
    }

    @Test
    void an_unknown_rule_or_a_threshold_outside_0_to_100_is_a_command_line_error() {
        Cli unknown = cli("quality", "rules", "disable", "no_such_rule");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no rule named 'no_such_rule'");

        Cli tooHigh = cli("quality", "rules", "set-threshold", someRule().name(), "120");
        assertThat(tooHigh.exitCode()).as(tooHigh.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooHigh.err()).contains("PERCENT must be between 0 and 100, was 120");
        assertThat(store().find(someRule().name())).get().extracting(QualityRule::threshold)
                .satisfies(threshold -> assertThat(threshold).isEqualByComparingTo(someRule().threshold()));
    }
}
