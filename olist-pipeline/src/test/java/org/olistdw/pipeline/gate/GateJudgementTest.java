package org.olistdw.pipeline.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/** What the gates make of the results of a run's rules: which block, which are accepted, and their messages. */
class GateJudgementTest {

    private static final RunId RUN = new RunId(7);

    private static final QualityRule VOLUME = new QualityRule("raw_orders_volume_kept", RuleType.COMPLETENESS,
            RuleKind.SOURCE_VOLUME, "raw.orders", Map.of("max_drop_percent", "50"), Severity.CRITICAL,
            BigDecimal.ZERO, true, "");
    private static final QualityRule DRIFT = new QualityRule("published_closed_months_unchanged",
            RuleType.CONSISTENCY, RuleKind.PUBLISHED_DRIFT, "mart.mart_executive_dashboard",
            Map.of("max_change_percent", "0.5", "min_change", "1"), Severity.CRITICAL, BigDecimal.ZERO, true, "");
    private static final QualityRule CONFLICT = new QualityRule("raw_orders_no_conflicting_keys",
            RuleType.CONSISTENCY, RuleKind.SOURCE_KEY, "raw.orders",
            Map.of("columns", "order_id", "duplicates", "conflicting"), Severity.CRITICAL, BigDecimal.ZERO, true, "");

    private static final CheckResult EMPTY_ORDERS = new CheckResult(VOLUME, CheckStatus.FAIL, 1, 1, Duration.ZERO,
            List.of(Map.of("rows", "0", "note", "no rows loaded")), Optional.empty());
    private static final CheckResult MOVED = new CheckResult(DRIFT, CheckStatus.FAIL, 50, 4, Duration.ZERO, List.of(
            Map.of("month", "2017-03", "figure", "orders", "published", "120", "build", "60", "change", "-60",
                    "change_percent", "-50.00"),
            Map.of("month", "2017-03", "figure", "revenue", "published", "100.00", "build", "40.00", "change",
                    "-60.00", "change_percent", "-60.00"),
            Map.of("month", "2017-04", "figure", "orders", "published", "0", "build", "3", "change", "3"),
            Map.of("month", "2017-05", "figure", "customers", "published", "9", "build", "2", "change", "-7",
                    "change_percent", "-77.78")), Optional.empty());
    private static final CheckResult CONFLICTING = new CheckResult(CONFLICT, CheckStatus.FAIL, 10, 2, Duration.ZERO,
            List.of(Map.of("_key", "o1", "line", "2"), Map.of("_key", "o1", "line", "11")), Optional.empty());

    @Test
    void nothing_accepted_keeps_every_result_as_it_is() {
        List<CheckResult> results = List.of(EMPTY_ORDERS, MOVED, CONFLICTING);

        assertThat(PublishGates.accepting(RUN, results, Acceptance.NONE)).isEqualTo(results);
        assertThat(Acceptance.NONE.parameters()).isEmpty();
    }

    @Test
    void an_accepted_volume_drop_is_a_warning_whose_evidence_names_the_option_and_the_rest_still_block() {
        Acceptance volume = new Acceptance(true, false);

        List<CheckResult> recorded = PublishGates.accepting(RUN, List.of(EMPTY_ORDERS, MOVED, CONFLICTING), volume);

        assertThat(recorded.get(0).status()).isEqualTo(CheckStatus.WARN);
        assertThat(recorded.get(0).blocksPublishing()).isFalse();
        assertThat(recorded.get(0).sample()).containsExactly(Map.of("rows", "0", "note", "no rows loaded",
                "accepted_by", "--accept-volume-drop"));
        assertThat(recorded.get(1)).isEqualTo(MOVED);
        assertThat(recorded.get(2)).isEqualTo(CONFLICTING);
        assertThat(volume.parameters()).isEqualTo(Map.of("accept_volume_drop", "true"));
        assertThat(PublishGates.quality(recorded.subList(0, 2))).as("neither is the quality gate's").isEqualTo(2);
    }

    @Test
    void no_option_accepts_a_conflicting_key_the_quality_gate_names_it_and_leaves_the_gated_kinds_to_their_gates() {
        List<CheckResult> recorded = PublishGates.accepting(RUN, List.of(EMPTY_ORDERS, MOVED, CONFLICTING),
                new Acceptance(true, true));

        assertThat(recorded.get(2)).isEqualTo(CONFLICTING);
        assertThatThrownBy(() -> PublishGates.quality(recorded)).isInstanceOf(PublishBlocked.class)
                .hasMessage("quality rule raw_orders_no_conflicting_keys (critical) failed: 2 of 10 rows (20 %,"
                        + " tolerated 0 %) on raw.orders; not published, readers keep the previous warehouse");
        assertThat(PublishGates.quality(List.of(EMPTY_ORDERS, MOVED))).isEqualTo(2);
    }

    @Test
    void the_drift_gate_gives_how_many_figures_moved_and_the_first_three_with_their_change() {
        assertThatThrownBy(() -> PublishGates.drift(List.of(CONFLICTING, MOVED))).isInstanceOf(PublishBlocked.class)
                .hasMessage("the build changes 4 figures of closed months of the published warehouse beyond 0.5 % or 1"
                        + " (published_closed_months_unchanged): 2017-03 orders 120 -> 60 (-50.00 %), 2017-03 revenue"
                        + " 100.00 -> 40.00 (-60.00 %), 2017-04 orders 0 -> 3, ...; not published, readers keep the"
                        + " previous warehouse; use --accept-drift to publish it knowingly, and olist quality report"
                        + " for every month");

        List<CheckResult> accepted = PublishGates.accepting(RUN, List.of(MOVED), new Acceptance(false, true));
        assertThat(accepted.get(0).status()).isEqualTo(CheckStatus.WARN);
        assertThat(accepted.get(0).sample()).hasSize(4)
                .allSatisfy(row -> assertThat(row).containsEntry("accepted_by", "--accept-drift"));
        assertThat(PublishGates.drift(accepted)).isEqualTo(1);
    }

    @Test
    void a_gate_rule_that_could_not_run_blocks_with_its_error_and_is_not_accepted_as_a_drop() {
        CheckResult broken = CheckResult.error(DRIFT, "no table raw.published_month_figures", Duration.ZERO);

        List<CheckResult> recorded = PublishGates.accepting(RUN, List.of(broken), new Acceptance(true, true));

        assertThat(recorded).containsExactly(broken);
        assertThatThrownBy(() -> PublishGates.drift(recorded)).isInstanceOf(PublishBlocked.class)
                .hasMessageStartingWith("quality rule published_closed_months_unchanged (critical) could not run: no"
                        + " table raw.published_month_figures; not published");
    }
}
