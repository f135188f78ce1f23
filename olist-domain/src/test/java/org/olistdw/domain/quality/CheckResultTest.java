package org.olistdw.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.RunId;

class CheckResultTest {

    private static QualityRule rule(Severity severity, String threshold) {
        return new QualityRule("order_items_price_positive", RuleType.VALIDITY, RuleKind.EXPRESSION,
                "staging.stg_order_items", Map.of("expression", "price > 0"), severity, new BigDecimal(threshold),
                true, "prices are positive");
    }

    private static CheckResult judge(Severity severity, String threshold, long checked, long failed) {
        return CheckResult.judge(rule(severity, threshold), new RuleMeasurement(checked, failed, List.of()),
                Duration.ofMillis(3));
    }

    @Test
    void no_offending_row_passes_whatever_the_severity() {
        assertThat(judge(Severity.CRITICAL, "0", 200, 0).status()).isEqualTo(CheckStatus.PASS);
        assertThat(judge(Severity.LOW, "0", 0, 0).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void a_failure_rate_within_the_threshold_passes_and_one_beyond_it_does_not() {
        // 3 of 200 rows = 1.50 %
        assertThat(judge(Severity.CRITICAL, "1.5", 200, 3).status()).isEqualTo(CheckStatus.PASS);
        assertThat(judge(Severity.CRITICAL, "1.49", 200, 3).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(judge(Severity.CRITICAL, "1.49", 200, 3).failureRate()).isEqualByComparingTo("1.50");
    }

    @Test
    void beyond_its_threshold_a_critical_rule_fails_and_blocks_while_the_others_warn_and_do_not() {
        CheckResult critical = judge(Severity.CRITICAL, "0", 10, 1);
        assertThat(critical.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(critical.blocksPublishing()).isTrue();
        for (Severity severity : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            CheckResult result = judge(severity, "0", 10, 1);
            assertThat(result.status()).as(severity.code()).isEqualTo(CheckStatus.WARN);
            assertThat(result.blocksPublishing()).as(severity.code()).isFalse();
        }
    }

    @Test
    void offending_rows_when_nothing_was_checked_count_as_a_hundred_percent() {
        CheckResult result = judge(Severity.HIGH, "99.99", 0, 1);
        assertThat(result.failureRate()).isEqualByComparingTo("100.00");
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void an_error_counts_as_a_failure_of_the_rule_severity() {
        CheckResult critical = CheckResult.error(rule(Severity.CRITICAL, "0"), "no such column price", Duration.ZERO);
        CheckResult medium = CheckResult.error(rule(Severity.MEDIUM, "0"), "no such column price", Duration.ZERO);
        assertThat(critical.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(critical.blocksPublishing()).isTrue();
        assertThat(medium.blocksPublishing()).isFalse();
        assertThat(critical.summary()).isEqualTo(
                "quality rule order_items_price_positive (critical) could not run: no such column price");
    }

    @Test
    void the_summary_names_the_rule_the_rows_and_the_tolerated_rate() {
        assertThat(judge(Severity.CRITICAL, "0", 8, 2).summary()).isEqualTo("quality rule order_items_price_positive"
                + " (critical) failed: 2 of 8 rows (25 %, tolerated 0 %) on staging.stg_order_items");
    }

    @Test
    void a_report_counts_each_status_and_scores_the_share_of_passed_checks() {
        List<CheckResult> results = List.of(judge(Severity.CRITICAL, "0", 10, 0), judge(Severity.CRITICAL, "0", 10, 0),
                judge(Severity.LOW, "0", 10, 1), judge(Severity.CRITICAL, "0", 10, 2),
                CheckResult.error(rule(Severity.MEDIUM, "0"), "boom", Duration.ZERO), judge(Severity.HIGH, "0", 5, 0));

        QualityReport report = QualityReport.of(new RunId(7), LocalDate.of(2018, 9, 3), results, 4);

        // 6 checks: 3 passed, 1 warned, 1 failed (critical), 1 error (medium, so not blocking); 3 / 6 = 50 %
        assertThat(report).isEqualTo(new QualityReport(new RunId(7), LocalDate.of(2018, 9, 3), 6, 3, 1, 1, 1, 1, 4,
                new BigDecimal("50.00")));
        assertThat(QualityReport.of(new RunId(8), LocalDate.of(2018, 9, 3), List.of(), 0).score())
                .isEqualByComparingTo("100");
    }

    @Test
    void a_report_whose_counts_do_not_add_up_is_refused() {
        assertThatThrownBy(() -> new QualityReport(new RunId(1), LocalDate.of(2018, 1, 1), 5, 1, 1, 1, 1, 0, 0,
                BigDecimal.TEN)).hasMessageContaining("!= 5 checks");
    }

    @Test
    void a_rule_with_a_parameter_its_kind_does_not_take_or_without_one_it_needs_is_refused() {
        assertThatThrownBy(() -> new QualityRule("prices_in_range", RuleType.VALIDITY, RuleKind.RANGE,
                "staging.stg_order_items", Map.of("minimum", "0"), Severity.HIGH, BigDecimal.ZERO, true, ""))
                .hasMessage("rule prices_in_range (range): missing parameter 'column', unknown parameter 'minimum';"
                        + " range takes [column] and optionally [min, max, where]");
        assertThatThrownBy(() -> rule(Severity.LOW, "100.01")).hasMessageContaining("between 0 and 100");
    }
}
