package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.quality.CheckContext;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/**
 * Every rule of the shipped catalogue ({@code sql/quality/rules.json}, plus one rule per domain order rule)
 * runs on the whole warehouse built from
 * the hand-made star fixture: none may fail to run, whatever its verdict. The catalogue loader lives in
 * olist-pipeline, which this module cannot depend on, so the file is read here with Jackson.
 */
class ShippedRulesRunTest {

    private static final Set<RuleKind> COMPARISONS = EnumSet.of(RuleKind.ROW_COUNT_RECONCILIATION,
            RuleKind.MONEY_RECONCILIATION, RuleKind.FRESHNESS, RuleKind.VOLUME_ANOMALY, RuleKind.SOURCE_VOLUME);
    private static final int SAMPLE_SIZE = 5;

    @TempDir
    static Path directory;

    private static DuckDbBuild build;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    @Test
    void the_shipped_catalogue_covers_every_kind_of_rule_with_unique_names() throws IOException {
        List<QualityRule> rules = shippedRules();

        assertThat(rules).extracting(QualityRule::name).doesNotHaveDuplicates();
        assertThat(rules.stream().map(QualityRule::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(RuleKind.values());
    }

    @Test
    void every_shipped_rule_runs_on_the_warehouse_built_from_the_fixture_with_sane_counts() throws IOException {
        List<QualityRule> rules = shippedRules();
        // with history, so that volume_anomaly computes a change instead of passing for want of runs
        CheckContext context = new CheckContext(LocalDate.of(2019, 1, 2), List.of(30L, 29L, 31L), SAMPLE_SIZE);

        List<String> errors = new ArrayList<>();
        Map<String, RuleMeasurement> measured = new LinkedHashMap<>();
        for (QualityRule rule : rules) {
            try {
                measured.put(rule.name(), build.checks().measure(rule, context));
            } catch (RuntimeException e) {
                errors.add(rule.name() + ": " + e);
            }
        }

        assertThat(errors).isEmpty();
        assertThat(measured).hasSize(rules.size());
        for (QualityRule rule : rules) {
            RuleMeasurement measurement = measured.get(rule.name());
            assertThat(measurement.rowsFailed()).as(rule.name()).isLessThanOrEqualTo(measurement.rowsChecked());
            assertThat(measurement.sample()).as(rule.name())
                    .hasSizeLessThanOrEqualTo((int) Math.min(SAMPLE_SIZE, Math.max(1, measurement.rowsFailed())));
            if (COMPARISONS.contains(rule.kind())) {
                assertThat(measurement.rowsChecked()).as(rule.name()).isEqualTo(1);
                assertThat(measurement.sample()).as(rule.name()).hasSize(1);
            } else if (measurement.rowsFailed() == 0) {
                assertThat(measurement.sample()).as(rule.name()).isEmpty();
            } else {
                assertThat(measurement.sample()).as(rule.name()).isNotEmpty();
            }
        }
    }

    // --------------------------------------------------------------------------------------------------------

    /** The shipped catalogue, read from the repository: walks up from the working directory to find it. */
    static List<QualityRule> shippedRules() throws IOException {
        Path file = catalogueFile();
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        JsonNode root = json.readTree(file.toFile());
        List<QualityRule> rules = new ArrayList<>();
        for (JsonNode node : root.required("rules")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            node.required("parameters").properties()
                    .forEach(parameter -> parameters.put(parameter.getKey(), parameter.getValue().asText()));
            rules.add(new QualityRule(node.required("name").asText(), RuleType.ofCode(node.required("type").asText()),
                    RuleKind.ofCode(node.required("kind").asText()), node.required("target").asText(), parameters,
                    Severity.ofCode(node.required("severity").asText()), node.required("threshold").decimalValue(),
                    node.required("active").asBoolean(), node.required("description").asText()));
        }
        Arrays.stream(OrderRule.values()).map(org.olistdw.pipeline.quality.RuleCatalog::qualityRuleOf).forEach(rules::add);
        return rules;
    }

    private static Path catalogueFile() {
        Path relative = Path.of("sql", "quality", "rules.json");
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + relative + " in " + Path.of("").toAbsolutePath()
                + " or above it: run the tests from within the repository");
    }
}
