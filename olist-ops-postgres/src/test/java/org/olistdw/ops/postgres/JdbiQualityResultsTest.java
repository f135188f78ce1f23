package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleMeasurement;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;
import org.postgresql.ds.PGSimpleDataSource;

class JdbiQualityResultsTest {

    // thresholds at the store's two decimal places, so the rules read back equal
    private static final QualityRule ORDERS_HAVE_IDS = new QualityRule("orders_have_ids", RuleType.COMPLETENESS,
            RuleKind.NOT_NULL, "core.fct_orders", Map.of("column", "order_id"), Severity.CRITICAL,
            new BigDecimal("0.00"), true, "every order has an id");
    private static final QualityRule ORDERS_ARE_FRESH = new QualityRule("orders_are_fresh", RuleType.TIMELINESS,
            RuleKind.FRESHNESS, "core.fct_orders", Map.of("column", "purchased_at", "max_age_days", "3"),
            Severity.CRITICAL, new BigDecimal("0.00"), true, "the newest order is at most 3 days old");
    private static final QualityRule ORDER_STATUS_KNOWN = new QualityRule("order_status_known", RuleType.VALIDITY,
            RuleKind.ACCEPTED_VALUES, "core.fct_orders", Map.of("column", "order_status", "values", "delivered,shipped"),
            Severity.MEDIUM, new BigDecimal("0.50"), true, "statuses come from the known list");
    private static final QualityRule ITEM_PRICE_POSITIVE = new QualityRule("item_price_positive", RuleType.ACCURACY,
            RuleKind.RANGE, "core.fct_order_items", Map.of("column", "price", "min", "0.01"), Severity.HIGH,
            new BigDecimal("2.25"), true, "");

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");
    private static final LocalDate DAY = LocalDate.parse("2025-03-01");

    private static String url;
    private static PostgresOps ops;
    private static PipelineRuns runs;
    private static QualityResults quality;

    @BeforeAll
    static void connect() {
        url = TestPostgres.freshDatabase("quality_results_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        runs = ops.pipelineRuns();
        quality = ops.qualityResults();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void startFromTheFourRules() throws SQLException {
        execute(url, "truncate etl_orchestration.pipeline_runs, data_quality.quality_rules cascade");
        ops.qualityRules().seed(List.of(ORDERS_HAVE_IDS, ORDERS_ARE_FRESH, ORDER_STATUS_KNOWN, ITEM_PRICE_POSITIVE));
    }

    /** A pass, a warning, a failure and an error, with samples holding quotes, backslashes and accents. */
    private static List<CheckResult> mixedResults() {
        return List.of(
                CheckResult.judge(ITEM_PRICE_POSITIVE, new RuleMeasurement(500, 0, List.of()), Duration.ofMillis(12)),
                CheckResult.judge(ORDER_STATUS_KNOWN, new RuleMeasurement(200, 5, List.of(
                        Map.of("order_id", "o-1", "order_status", "entregue 'já'"),
                        Map.of("order_id", "o-2", "order_status", "a \"quoted\" \\ status"))), Duration.ofMillis(345)),
                CheckResult.judge(ORDERS_HAVE_IDS, new RuleMeasurement(1_000, 3, List.of(
                        Map.of("customer_id", "c\"1", "customer_city", "são paulo"),
                        Map.of("customer_id", "c'2"),
                        Map.of("customer_id", "c3", "customer_city", "{\"json\": [1]}"))), Duration.ofMillis(1_234)),
                CheckResult.error(ORDERS_ARE_FRESH, "Catalog Error: table \"fct_orders\" não existe", Duration.ofMillis(7)));
    }

    @Test
    void results_read_back_as_recorded_failures_and_errors_first_then_warnings_then_passes() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> recorded = mixedResults();

        quality.record(run, recorded, QualityReport.of(run, DAY, recorded, 42));

        List<CheckResult> stored = quality.results(run);
        assertThat(stored).extracting(result -> result.rule().name(), CheckResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders_are_fresh", CheckStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple("orders_have_ids", CheckStatus.FAIL),
                org.assertj.core.groups.Tuple.tuple("order_status_known", CheckStatus.WARN),
                org.assertj.core.groups.Tuple.tuple("item_price_positive", CheckStatus.PASS));
        assertThat(stored).containsExactly(recorded.get(3), recorded.get(2), recorded.get(1), recorded.get(0));
        assertThat(stored.get(0).error()).contains("Catalog Error: table \"fct_orders\" não existe");
        assertThat(stored.get(1).sample()).containsExactly(
                Map.of("customer_id", "c\"1", "customer_city", "são paulo"),
                Map.of("customer_id", "c'2"),
                Map.of("customer_id", "c3", "customer_city", "{\"json\": [1]}"));
        assertThat(stored.get(3).sample()).isEmpty();
        assertThat(stored.get(3).error()).isEmpty();
        assertThat(quality.results(runs.start("olist-elt", T0, Map.of()))).isEmpty();
    }

    @Test
    void the_report_reads_back_as_recorded_counting_critical_errors_among_critical_failures() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> results = mixedResults();
        QualityReport report = QualityReport.of(run, DAY, results, 42);

        quality.record(run, results, report);

        assertThat(report).isEqualTo(new QualityReport(run, DAY, 4, 1, 1, 1, 1, 2, 42, new BigDecimal("25.00")));
        assertThat(quality.report(run)).contains(report);
        assertThat(quality.report(runs.start("olist-elt", T0, Map.of()))).isEmpty();
    }

    @Test
    void a_run_without_active_rules_records_a_report_of_no_checks() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        QualityReport report = QualityReport.of(run, DAY, List.of(), 0);

        quality.record(run, List.of(), report);

        assertThat(quality.report(run)).contains(report);
        assertThat(report.score()).isEqualByComparingTo("100");
        assertThat(quality.results(run)).isEmpty();
    }

    @Test
    void results_carry_the_rule_as_it_is_stored_now() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> results = mixedResults();
        quality.record(run, results, QualityReport.of(run, DAY, results, 0));

        ops.qualityRules().setThreshold("order_status_known", new BigDecimal("7.50"));
        ops.qualityRules().setActive("order_status_known", false);

        CheckResult warned = quality.results(run).get(2);
        assertThat(warned.rule()).isEqualTo(ORDER_STATUS_KNOWN.withThreshold(new BigDecimal("7.50")).withActive(false));
        assertThat(warned.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warned.rowsFailed()).isEqualTo(5);
    }

    @Test
    void history_comes_newest_first_and_stops_at_the_limit() {
        RunId first = runs.start("olist-elt", T0, Map.of());
        RunId third = runs.start("olist-elt", T0.plusSeconds(120), Map.of());
        RunId second = runs.start("olist-elt", T0.plusSeconds(60), Map.of());
        runs.start("olist-elt", T0.plusSeconds(180), Map.of()); // checks never ran
        for (RunId run : List.of(first, third, second)) {
            List<CheckResult> results = List.of(CheckResult.judge(ORDERS_HAVE_IDS,
                    new RuleMeasurement(100, run.value() % 2, List.of()), Duration.ofMillis(run.value())));
            quality.record(run, results, QualityReport.of(run, DAY, results, run.value()));
        }

        assertThat(quality.history(2)).extracting(QualityReport::run).containsExactly(third, second);
        assertThat(quality.history(10)).extracting(QualityReport::run).containsExactly(third, second, first);
        assertThat(quality.history(10).get(1)).isEqualTo(quality.report(second).orElseThrow());
        assertThat(quality.history(0)).isEmpty();
        assertThatThrownBy(() -> quality.history(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must not be negative, was -1");
    }

    @Test
    void recording_a_run_twice_fails_and_leaves_the_first_record_as_it_was() throws SQLException {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> first = mixedResults().subList(0, 2);
        quality.record(run, first, QualityReport.of(run, DAY, first, 1));
        List<CheckResult> again = mixedResults();

        assertThatThrownBy(() -> quality.record(run, again, QualityReport.of(run, DAY, again, 9)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the quality results of run " + run + " are already recorded");
        assertThatThrownBy(() -> quality.record(run, first, QualityReport.of(run, DAY, first, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the quality results of run " + run + " are already recorded");

        assertThat(quality.results(run)).containsExactly(first.get(1), first.get(0));
        assertThat(quality.report(run)).contains(QualityReport.of(run, DAY, first, 1));
        assertThat(strings(url, "select count(*) from data_quality.quality_checks")).containsExactly("2");
        assertThat(strings(url, "select count(*) from data_quality.quality_reports")).containsExactly("1");
    }

    @Test
    void a_result_of_an_unknown_rule_is_rejected_naming_it_and_nothing_is_written() throws SQLException {
        RunId run = runs.start("olist-elt", T0, Map.of());
        QualityRule unknown = new QualityRule("reviews_have_scores", RuleType.COMPLETENESS, RuleKind.NOT_NULL,
                "core.fct_reviews", Map.of("column", "review_score"), Severity.LOW, BigDecimal.ZERO, true, "");
        List<CheckResult> results = new ArrayList<>(mixedResults());
        results.add(CheckResult.judge(unknown, new RuleMeasurement(10, 0, List.of()), Duration.ZERO));

        assertThatThrownBy(() -> quality.record(run, results, QualityReport.of(run, DAY, results, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot record the quality results of run " + run
                        + ": there is no quality rule reviews_have_scores");

        // a rule row without a kind (written before V4) is not a rule of the port either
        execute(url, """
                insert into data_quality.quality_rules (rule_name, rule_type, sql_check)
                values ('legacy_rule', 'validity', 'select 1 where false')""");
        QualityRule legacy = new QualityRule("legacy_rule", RuleType.VALIDITY, RuleKind.EXPRESSION,
                "core.fct_orders", Map.of("expression", "true"), Severity.LOW, BigDecimal.ZERO, true, "");
        List<CheckResult> withLegacy = List.of(results.get(4),
                CheckResult.judge(legacy, new RuleMeasurement(1, 0, List.of()), Duration.ZERO), results.get(0));
        assertThatThrownBy(() -> quality.record(run, withLegacy, QualityReport.of(run, DAY, withLegacy, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot record the quality results of run " + run
                        + ": there are no quality rules legacy_rule, reviews_have_scores");

        assertThat(quality.results(run)).isEmpty();
        assertThat(quality.report(run)).isEmpty();
        assertThat(strings(url, "select count(*) from data_quality.quality_checks")).containsExactly("0");

        List<CheckResult> known = mixedResults();
        quality.record(run, known, QualityReport.of(run, DAY, known, 0));
        assertThat(quality.results(run)).hasSize(4);
    }

    @Test
    void a_failure_while_writing_the_report_leaves_none_of_the_checks_behind() throws SQLException {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> results = mixedResults();
        execute(url, """
                create function data_quality.refuse_report() returns trigger language plpgsql as
                $$ begin raise exception 'reports are refused by this test'; end $$;
                create trigger refuse_reports before insert on data_quality.quality_reports
                    for each row execute function data_quality.refuse_report()""");
        try {
            assertThatThrownBy(() -> quality.record(run, results, QualityReport.of(run, DAY, results, 0)))
                    .hasMessageContaining("reports are refused by this test");
        } finally {
            execute(url, """
                    drop trigger refuse_reports on data_quality.quality_reports;
                    drop function data_quality.refuse_report()""");
        }

        assertThat(strings(url, "select count(*) from data_quality.quality_checks")).containsExactly("0");
        assertThat(quality.results(run)).isEmpty();
        quality.record(run, results, QualityReport.of(run, DAY, results, 0));
        assertThat(quality.results(run)).hasSize(4);
    }

    @Test
    void evidence_is_stored_as_an_object_of_sample_and_error_each_left_out_when_empty() throws SQLException {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> results = mixedResults();
        quality.record(run, results, QualityReport.of(run, DAY, results, 0));

        assertThat(strings(url, """
                select r.rule_name || ' ' || c.status || ' ' || coalesce(c.failure_details::text, 'null')
                       || ' ' || c.execution_time_ms || ' ' || c.failure_rate
                from data_quality.quality_checks c join data_quality.quality_rules r using (rule_id)
                order by r.rule_name""")).containsExactly(
                "item_price_positive pass null 12 0.00",
                "order_status_known warn {\"sample\": [{\"order_id\": \"o-1\", \"order_status\": \"entregue 'já'\"}, "
                        + "{\"order_id\": \"o-2\", \"order_status\": \"a \\\"quoted\\\" \\\\ status\"}]} 345 2.50",
                "orders_are_fresh error {\"error\": \"Catalog Error: table \\\"fct_orders\\\" não existe\"} 7 0.00",
                "orders_have_ids fail {\"sample\": [{\"customer_id\": \"c\\\"1\", \"customer_city\": \"são paulo\"}, "
                        + "{\"customer_id\": \"c'2\"}, {\"customer_id\": \"c3\", \"customer_city\": "
                        + "\"{\\\"json\\\": [1]}\"}]} 1234 0.30");
        assertThat(strings(url, """
                select check_timestamp is not null and remediation_status = 'pending'
                from data_quality.quality_checks""")).containsOnly("t");
    }

    @Test
    void a_nul_character_in_a_sample_or_an_error_is_stored_as_a_replacement_character() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> results = List.of(
                CheckResult.judge(ORDERS_HAVE_IDS, new RuleMeasurement(10, 1, List.of(Map.of("k\0", "a\0b"))),
                        Duration.ZERO),
                CheckResult.error(ORDERS_ARE_FRESH, "bad\0byte", Duration.ZERO));

        quality.record(run, results, QualityReport.of(run, DAY, results, 0));

        List<CheckResult> stored = quality.results(run);
        assertThat(stored.get(0).error()).contains("bad\uFFFDbyte");
        assertThat(stored.get(1).sample()).containsExactly(Map.of("k\uFFFD", "a\uFFFDb"));
    }

    @Test
    void inconsistent_results_or_reports_are_rejected_before_anything_is_written() throws SQLException {
        RunId run = runs.start("olist-elt", T0, Map.of());
        RunId other = runs.start("olist-elt", T0, Map.of());
        List<CheckResult> results = mixedResults();
        String prefix = "cannot record the quality results of run " + run + ": ";

        assertThatThrownBy(() -> quality.record(run, results, QualityReport.of(other, DAY, results, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "the report is of run " + other);
        assertThatThrownBy(() -> quality.record(run, results, QualityReport.of(run, DAY, results.subList(0, 3), 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "the report counts 3 checks (1 passed, 1 warned, 1 failed, 0 errors, 1 critical)"
                        + " but the results are 4 checks (1 passed, 1 warned, 1 failed, 1 errors, 2 critical)");
        List<CheckResult> twice = List.of(results.get(0), results.get(0));
        assertThatThrownBy(() -> quality.record(run, twice, QualityReport.of(run, DAY, twice, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "rule item_price_positive has more than one result");
        List<CheckResult> overFailed = List.of(new CheckResult(ORDERS_HAVE_IDS, CheckStatus.FAIL, 1, 2,
                Duration.ZERO, List.of(), Optional.empty()));
        assertThatThrownBy(() -> quality.record(run, overFailed, QualityReport.of(run, DAY, overFailed, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "rule orders_have_ids failed 2 of 1 rows checked; both must be >= 0 and "
                        + "failed <= checked");
        List<CheckResult> backwards = List.of(CheckResult.judge(ORDERS_HAVE_IDS, new RuleMeasurement(1, 0, List.of()),
                Duration.ofMillis(-1)));
        assertThatThrownBy(() -> quality.record(run, backwards, QualityReport.of(run, DAY, backwards, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "rule orders_have_ids took a negative time, PT-0.001S");
        QualityReport fineScore = new QualityReport(run, DAY, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("99.995"));
        assertThatThrownBy(() -> quality.record(run, List.of(), fineScore))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "the report's score 99.995 must be a percentage between 0 and 100 with at most "
                        + "2 decimal places");
        QualityReport negativeQuarantine = QualityReport.of(run, DAY, List.of(), -1);
        assertThatThrownBy(() -> quality.record(run, List.of(), negativeQuarantine))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(prefix + "the report's rows quarantined, -1, must not be negative");
        RunId missing = new RunId(987_654_321);
        assertThatThrownBy(() -> quality.record(missing, List.of(), QualityReport.of(missing, DAY, List.of(), 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot record the quality results of run 987654321: there is no pipeline run 987654321");

        assertThat(strings(url, "select count(*) from data_quality.quality_checks")).containsExactly("0");
        assertThat(strings(url, "select count(*) from data_quality.quality_reports")).containsExactly("0");
    }

    @Test
    void the_database_keeps_report_counts_adding_up_and_evidence_in_shape() throws SQLException {
        RunId run = runs.start("olist-elt", T0, Map.of());

        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_reports
                    (run_id, overall_quality_score, total_checks, checks_passed, checks_failed, checks_warned,
                     checks_errored, critical_failures)
                values (%d, 50, 4, 2, 1, 0, 0, 0)""".formatted(run.value())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_reports_counts_add_up");
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_reports
                    (run_id, overall_quality_score, total_checks, checks_passed, checks_failed, checks_warned,
                     checks_errored, critical_failures)
                values (%d, 50, 4, 2, 1, 0, 1, 3)""".formatted(run.value())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_reports_critical_within_failed");
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_checks (run_id, rule_id, status, rows_checked, rows_failed,
                                                         failure_details)
                select %d, rule_id, 'fail', 1, 1, '[{"order_id": null}]'
                from data_quality.quality_rules where rule_name = 'orders_have_ids'""".formatted(run.value())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_checks_failure_details_shape");
        assertThatThrownBy(() -> execute(url, """
                insert into data_quality.quality_checks (run_id, rule_id, status, rows_checked, rows_failed,
                                                         failure_details)
                select %d, rule_id, 'error', 0, 0, '{"error": {"code": 1}}'
                from data_quality.quality_rules where rule_name = 'orders_have_ids'""".formatted(run.value())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quality_checks_failure_details_shape");
    }

    @Test
    void reports_written_before_v5_count_the_gap_as_errors_and_odd_old_evidence_fails_naming_its_check()
            throws SQLException {
        String oldUrl = TestPostgres.freshDatabase("quality_results_v4_test");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(oldUrl);
        dataSource.setUser(TestPostgres.server().user());
        dataSource.setPassword(TestPostgres.server().password());
        Flyway.configure(PostgresOps.class.getClassLoader()).dataSource(dataSource)
                .locations(PostgresOps.MIGRATIONS).schemas(PostgresOps.SCHEMAS).target("4").load().migrate();
        execute(oldUrl, """
                insert into etl_orchestration.pipeline_runs (pipeline_name, status, started_at)
                values ('old', 'running', '2025-01-01T00:00:00Z'), ('old', 'running', '2025-01-02T00:00:00Z');
                insert into data_quality.quality_reports
                    (run_id, report_date, overall_quality_score, total_checks, checks_passed, checks_failed,
                     checks_warned, critical_failures)
                select min(run_id), date '2025-01-01', 40, 5, 2, 1, 1, 1 from etl_orchestration.pipeline_runs
                union all
                select max(run_id), date '2025-01-02', 100, 3, 3, 0, 0, 0 from etl_orchestration.pipeline_runs;
                insert into data_quality.quality_reports (report_date) values ('2025-01-03');
                insert into data_quality.quality_rules (rule_name, rule_type, rule_kind, target_table, parameters)
                values ('orders_have_ids', 'completeness', 'not_null', 'core.fct_orders', '{"column": "order_id"}');
                insert into data_quality.quality_checks (run_id, rule_id, status, rows_checked, rows_failed,
                                                         failure_details)
                select min(run_id), max(rule_id), 'fail', 10, 1, '[{"order_id": null}]'
                from etl_orchestration.pipeline_runs, data_quality.quality_rules""");

        try (PostgresOps migrated = PostgresOps.connect(oldUrl, TestPostgres.server().user(),
                TestPostgres.server().password())) {
            assertThat(strings(oldUrl, """
                    select report_date || ':' || coalesce(checks_errored::text, '-') || ':' || rows_quarantined
                    from data_quality.quality_reports order by report_date""")).containsExactly(
                    "2025-01-01:1:0", "2025-01-02:0:0", "2025-01-03:0:0");
            QualityResults old = migrated.qualityResults();
            RunId oldest = new RunId(Long.parseLong(strings(oldUrl,
                    "select min(run_id) from etl_orchestration.pipeline_runs").get(0)));
            assertThat(old.report(oldest)).contains(new QualityReport(oldest, LocalDate.parse("2025-01-01"), 5, 2,
                    1, 1, 1, 1, 0, new BigDecimal("40.00")));
            assertThat(old.history(10)).extracting(QualityReport::date)
                    .containsExactly(LocalDate.parse("2025-01-02"), LocalDate.parse("2025-01-01"));
            assertThatThrownBy(() -> old.results(oldest))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("stored quality check of rule orders_have_ids in run " + oldest
                            + " is not valid: failure_details must be a JSON object");
        }
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(String jdbcUrl, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestPostgres.connection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
