package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.olistdw.pipeline.quality.RuleCatalog;

/**
 * Every run checks the active quality rules and records the evidence; a failed critical rule stops the
 * publish, and readers keep the previous warehouse, byte for byte.
 */
class QualityGateTest {

    private static final String PRICE_RULE = "order_items_price_positive";

    @TempDir
    static Path work;

    private static Path sample;
    private static Path published;

    @BeforeAll
    static void publishAGoodWarehouse() {
        sample = work.resolve("sample");
        published = work.resolve("published.duckdb");
        Samples.generate(0.01, 23, sample);
        Cli good = run(sample);
        assertThat(good.exitCode()).as(good.toString()).isZero();
    }

    @Test
    void a_clean_run_checks_every_active_rule_and_records_one_result_per_rule_with_its_report() {
        Cli good = run(sample);

        assertThat(good.exitCode()).as(good.toString()).isZero();
        PipelineRun run = lastRun();
        List<CheckResult> results = TestStores.ops().qualityResults().results(run.id());
        long active = TestStores.ops().qualityRules().all().stream().filter(QualityRule::active).count();
        assertThat(results).hasSize((int) active);
        assertThat(results).noneMatch(CheckResult::blocksPublishing);
        QualityReport report = TestStores.ops().qualityResults().report(run.id()).orElseThrow();
        assertThat(report.checks()).isEqualTo((int) active);
        assertThat(report.criticalFailures()).isZero();
        assertThat(good.out()).contains("quality: score " + report.score().toPlainString() + " %");

        Cli printed = Cli.run(EndToEndTest.args("quality", "report", "--run", Long.toString(run.id().value())));
        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        assertThat(printed.out()).startsWith("run " + run.id().value() + ", ")
                .contains("quality score " + report.score().toPlainString() + " %");
        Cli history = Cli.run(EndToEndTest.args("quality", "history", "--limit", "3"));
        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(history.out()).contains(Long.toString(run.id().value()));
    }

    @Test
    void a_failed_critical_rule_fails_the_run_naming_the_rule_and_leaves_the_published_warehouse_byte_for_byte()
            throws Exception {
        String before = sha256(published);
        Path source = copyOfSample("negative-price");
        String offendingOrder = setFirstItemPrice(source, "-5.00");

        Cli cli = run(source);

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(cli.err())).contains("quality rule " + PRICE_RULE + " (critical) failed: 1 of",
                "not published, readers keep the previous warehouse");
        PipelineRun run = lastRun();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains(PRICE_RULE));
        assertThat(sha256(published)).isEqualTo(before);
        CheckResult price = result(run, PRICE_RULE);
        assertThat(price.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(price.rowsFailed()).isEqualTo(1);
        assertThat(price.sample()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("order_id", offendingOrder);
            assertThat(row.get("detail")).contains("-5.00");
        });
        assertThat(TestStores.ops().qualityResults().report(run.id()).orElseThrow().criticalFailures()).isPositive();
    }

    @Test
    void a_disabled_rule_is_not_checked_so_the_same_data_publishes() throws Exception {
        Path source = copyOfSample("negative-price-rule-off");
        setFirstItemPrice(source, "-5.00");
        try {
            assertThat(Cli.run(EndToEndTest.args("quality", "rules", "disable", PRICE_RULE)).exitCode()).isZero();

            Cli cli = run(source);

            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            PipelineRun run = lastRun();
            assertThat(TestStores.ops().qualityResults().results(run.id()))
                    .noneMatch(result -> result.rule().name().equals(PRICE_RULE));
        } finally {
            TestStores.ops().qualityRules().setActive(PRICE_RULE, true);
            assertThat(run(sample).exitCode()).isZero(); // publish clean data again for the other tests
        }
    }

    @Test
    void a_rule_whose_check_cannot_run_is_recorded_as_an_error_of_its_severity_and_never_skipped() {
        QualityRule broken = new QualityRule("zz_broken_expression_for_test", RuleType.VALIDITY, RuleKind.EXPRESSION,
                "staging.stg_order_items", Map.of("expression", "no_such_column > 0"), Severity.MEDIUM,
                BigDecimal.ZERO, true, "a rule that names a column that does not exist");
        List<QualityRule> catalogue = new ArrayList<>(RuleCatalog.shipped());
        catalogue.add(broken);
        TestStores.ops().qualityRules().seed(catalogue);
        TestStores.ops().qualityRules().setActive(broken.name(), true); // seeding keeps an earlier run's switch-off
        try {
            Cli cli = run(sample);

            assertThat(cli.exitCode()).as("a medium error warns, the run publishes: " + cli).isZero();
            CheckResult result = result(lastRun(), broken.name());
            assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("no_such_column"));
            assertThat(TestStores.ops().qualityResults().report(lastRun().id()).orElseThrow().errors()).isEqualTo(1);
        } finally {
            TestStores.ops().qualityRules().setActive(broken.name(), false);
        }
    }

    private static CheckResult result(PipelineRun run, String rule) {
        return TestStores.ops().qualityResults().results(run.id()).stream()
                .filter(result -> result.rule().name().equals(rule)).findFirst().orElseThrow();
    }

    /** Sets the price of the items file's first data row; returns its order_id. */
    private static String setFirstItemPrice(Path source, String price) throws IOException {
        Path items = source.resolve("olist_order_items_dataset.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(items, StandardCharsets.UTF_8));
        String[] fields = lines.get(1).split(",", -1);
        fields[5] = price; // order_id, order_item_id, product_id, seller_id, shipping_limit_date, price, freight_value
        lines.set(1, String.join(",", fields));
        Files.write(items, lines, StandardCharsets.UTF_8);
        return fields[0].replace("\"", "");
    }

    private static Cli run(Path source) {
        return Cli.run(EndToEndTest.args("run", "--source", source.toString(), "--warehouse", published.toString(),
                "--work-dir", work.toString()));
    }

    private static PipelineRun lastRun() {
        return TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Path copyOfSample(String name) throws IOException {
        return TestStores.copyOfSample(sample, work, name);
    }
}
