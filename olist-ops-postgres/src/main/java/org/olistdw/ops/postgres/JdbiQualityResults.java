package org.olistdw.ops.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRule;

/**
 * {@link QualityResults} in {@code data_quality.quality_checks} (one row per rule per run) and
 * {@code data_quality.quality_reports} (one row per run), through a JDBI SQL object. Every call runs in its
 * own transaction (or in autocommit) and has committed when it returns.
 *
 * <p>{@link #record} validates everything it can before touching the store, then, in one transaction, locks
 * the run's row (so two recorders of one run take turns), refuses a run whose evidence is already recorded,
 * looks up each result's rule by name and writes the checks and the report: either all of it is stored or
 * none. A result is stored with its rule's current id; the rule itself is not copied, so {@link #results}
 * rebuilds each result with the rule as it is stored when read, mapped exactly as {@link JdbiQualityRules}
 * maps it.
 *
 * <p>The elapsed time is stored in whole milliseconds (shorter parts are dropped). The score is stored as
 * {@code numeric(5, 2)} and read back with two decimal places; a score with more decimal places is rejected
 * rather than rounded. The evidence is kept in {@code failure_details} as
 * {@code {"sample": [{"column": "value", ...}, ...], "error": "..."}}, each part left out when there is
 * none and the whole null when both are; the columns of a sampled row come back as written, their order
 * aside. PostgreSQL jsonb cannot hold the NUL character; in a sample or an error it is replaced by U+FFFD.
 */
final class JdbiQualityResults implements QualityResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Decimal places of {@code overall_quality_score numeric(5, 2)}. */
    private static final int SCORE_SCALE = 2;
    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final Dao dao;

    JdbiQualityResults(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        this.jdbi = jdbi.installPlugin(new SqlObjectPlugin());
        this.dao = this.jdbi.onDemand(Dao.class);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when there is no such run; a result's rule is not in the store (or
     *                                  predates its definition file); a rule has more than one result; a
     *                                  result's row counts or time are negative, or it failed more rows than
     *                                  it checked; the report is of another run, does not count the results
     *                                  as they are, or its score is not a percentage of two decimal places
     * @throws IllegalStateException    when the run's results are already recorded
     */
    @Override
    public void record(RunId run, List<CheckResult> results, QualityReport report) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(report, "report");
        String context = "cannot record the quality results of run " + run + ": ";
        List<PendingCheck> checks = validate(run, results, report, context);
        ReportRow reportRow = ReportRow.of(report);
        try {
            jdbi.useTransaction(handle -> {
                Dao tx = handle.attach(Dao.class);
                if (tx.lockRun(run.value()).isEmpty()) {
                    throw new IllegalArgumentException(context + "there is no pipeline run " + run);
                }
                if (tx.hasEvidence(run.value())) {
                    throw alreadyRecorded(run);
                }
                List<CheckRow> rows = new ArrayList<>();
                if (!checks.isEmpty()) {
                    Map<String, Long> ruleIds = tx.ruleIds(
                            checks.stream().map(PendingCheck::rule).toArray(String[]::new));
                    Set<String> unknown = new TreeSet<>();
                    for (PendingCheck check : checks) {
                        Long ruleId = ruleIds.get(check.rule());
                        if (ruleId == null) {
                            unknown.add(check.rule());
                        } else {
                            rows.add(check.withRuleId(ruleId));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw new IllegalArgumentException(context + (unknown.size() == 1
                                ? "there is no quality rule " + unknown.iterator().next()
                                : "there are no quality rules " + String.join(", ", unknown)));
                    }
                    tx.insertChecks(run.value(), rows);
                }
                tx.insertReport(reportRow);
            });
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                // written by another writer that did not lock the run: the constraints still hold
                throw alreadyRecorded(run);
            }
            throw e;
        }
    }

    @Override
    public Optional<QualityReport> report(RunId run) {
        Objects.requireNonNull(run, "run");
        return dao.report(run.value());
    }

    /** {@inheritDoc} The newest run is the one started last, ties broken by the later run id. */
    @Override
    public List<QualityReport> history(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return dao.history(limit);
    }

    @Override
    public List<CheckResult> results(RunId run) {
        Objects.requireNonNull(run, "run");
        return dao.results(run.value());
    }

    /** The results as rows to insert, once everything that can be checked without the store holds. */
    private static List<PendingCheck> validate(RunId run, List<CheckResult> results, QualityReport report,
                                               String context) {
        if (!report.run().equals(run)) {
            throw new IllegalArgumentException(context + "the report is of run " + report.run());
        }
        Set<String> names = new LinkedHashSet<>();
        List<PendingCheck> checks = new ArrayList<>();
        for (CheckResult result : results) {
            Objects.requireNonNull(result, "a quality check result is null");
            String rule = result.rule().name();
            if (!names.add(rule)) {
                throw new IllegalArgumentException(context + "rule " + rule + " has more than one result");
            }
            if (result.rowsChecked() < 0 || result.rowsFailed() < 0 || result.rowsFailed() > result.rowsChecked()) {
                throw new IllegalArgumentException(context + "rule " + rule + " failed " + result.rowsFailed()
                        + " of " + result.rowsChecked() + " rows checked; both must be >= 0 and failed <= checked");
            }
            if (result.elapsed().isNegative()) {
                throw new IllegalArgumentException(context + "rule " + rule + " took a negative time, "
                        + result.elapsed());
            }
            checks.add(new PendingCheck(rule, result.status().code(), result.rowsChecked(), result.rowsFailed(),
                    result.elapsed().toMillis(), failureDetails(rule, result)));
        }
        QualityReport counted = QualityReport.of(run, report.date(), results, report.rowsQuarantined());
        if (!counts(report).equals(counts(counted))) {
            throw new IllegalArgumentException(context + "the report counts " + counts(report)
                    + " but the results are " + counts(counted));
        }
        if (report.rowsQuarantined() < 0) {
            throw new IllegalArgumentException(context + "the report's rows quarantined, "
                    + report.rowsQuarantined() + ", must not be negative");
        }
        BigDecimal score = report.score();
        if (score.signum() < 0 || score.compareTo(HUNDRED) > 0
                || score.stripTrailingZeros().scale() > SCORE_SCALE) {
            throw new IllegalArgumentException(context + "the report's score " + score.toPlainString()
                    + " must be a percentage between 0 and 100 with at most " + SCORE_SCALE + " decimal places");
        }
        return checks;
    }

    /** The counts of a report, for comparing and for messages. */
    private static String counts(QualityReport report) {
        return report.checks() + " checks (" + report.passed() + " passed, " + report.warned() + " warned, "
                + report.failed() + " failed, " + report.errors() + " errors, " + report.criticalFailures()
                + " critical)";
    }

    private static IllegalStateException alreadyRecorded(RunId run) {
        return new IllegalStateException("the quality results of run " + run + " are already recorded");
    }

    /** Whether a unique constraint rejected the write, anywhere in the chain of causes. */
    private static boolean isUniqueViolation(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code {"sample": [...], "error": "..."}} without its empty parts; null when there is no evidence. */
    static String failureDetails(String rule, CheckResult result) {
        if (result.sample().isEmpty() && result.error().isEmpty()) {
            return null;
        }
        ObjectNode details = JSON.createObjectNode();
        if (!result.sample().isEmpty()) {
            ArrayNode sample = details.putArray("sample");
            for (Map<String, String> row : result.sample()) {
                ObjectNode stored = sample.addObject();
                new TreeMap<>(row).forEach((column, value) -> stored.put(text(column), text(value)));
            }
        }
        result.error().ifPresent(error -> details.put("error", text(error)));
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("quality rule " + rule + ": evidence cannot be written as JSON: "
                    + PostgresOps.oneLine(e.getOriginalMessage()), e);
        }
    }

    /** PostgreSQL text and jsonb cannot contain NUL; anything else is stored as given. */
    private static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    /** A result, checked and ready to insert but for its rule's id. */
    private record PendingCheck(String rule, String status, long rowsChecked, long rowsFailed, long elapsedMs,
                                String details) {

        CheckRow withRuleId(long ruleId) {
            return new CheckRow(ruleId, status, rowsChecked, rowsFailed, elapsedMs, details);
        }
    }

    /** The columns of one check; the accessors are bound by name. */
    public record CheckRow(long ruleId, String status, long rowsChecked, long rowsFailed, long elapsedMs,
                           String details) {
    }

    /** The columns of a report; the accessors are bound by name. */
    public record ReportRow(long run, LocalDate date, BigDecimal score, int checks, int passed, int failed,
                            int warned, int errors, int criticalFailures, long rowsQuarantined) {

        static ReportRow of(QualityReport report) {
            return new ReportRow(report.run().value(), report.date(), report.score(), report.checks(),
                    report.passed(), report.failed(), report.warned(), report.errors(), report.criticalFailures(),
                    report.rowsQuarantined());
        }
    }

    /** A stored report; a row that does not make a valid report fails naming its run. */
    public static final class ReportMapper implements RowMapper<QualityReport> {

        @Override
        public QualityReport map(ResultSet rs, StatementContext ctx) throws SQLException {
            long run = rs.getLong("run_id");
            try {
                return new QualityReport(new RunId(run), rs.getObject("report_date", LocalDate.class),
                        rs.getInt("total_checks"), rs.getInt("checks_passed"), rs.getInt("checks_warned"),
                        rs.getInt("checks_failed"), rs.getInt("checks_errored"), rs.getInt("critical_failures"),
                        rs.getLong("rows_quarantined"), rs.getBigDecimal("overall_quality_score"));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException("stored quality report of run " + run + " is not valid: "
                        + PostgresOps.oneLine(e.getMessage()), e);
            }
        }
    }

    /**
     * A stored check with its rule as stored now (mapped by {@link JdbiQualityRules.RuleMapper}); a row
     * that does not make a valid result fails naming its rule and run.
     */
    public static final class ResultMapper implements RowMapper<CheckResult> {

        private final JdbiQualityRules.RuleMapper rules = new JdbiQualityRules.RuleMapper();

        @Override
        public CheckResult map(ResultSet rs, StatementContext ctx) throws SQLException {
            QualityRule rule = rules.map(rs, ctx);
            String where = "stored quality check of rule " + rule.name() + " in run " + rs.getLong("run_id");
            try {
                Evidence evidence = evidence(rs.getString("failure_details"));
                return new CheckResult(rule, CheckStatus.ofCode(rs.getString("status")), rs.getLong("rows_checked"),
                        rs.getLong("rows_failed"), Duration.ofMillis(rs.getLong("execution_time_ms")),
                        evidence.sample(), evidence.error());
            } catch (IllegalArgumentException | JsonProcessingException e) {
                throw new IllegalStateException(where + " is not valid: " + PostgresOps.oneLine(
                        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
            }
        }

        /**
         * The evidence of {@code failure_details}. Values written by hand as numbers or booleans are taken as
         * their JSON text, and null values as absent, as a sampled row leaves out its nulls.
         */
        private static Evidence evidence(String json) throws JsonProcessingException {
            if (json == null) {
                return new Evidence(List.of(), Optional.empty());
            }
            JsonNode details = JSON.readTree(json);
            if (!details.isObject()) {
                throw new IllegalArgumentException("failure_details must be a JSON object, was " + abbreviated(json));
            }
            List<Map<String, String>> sample = new ArrayList<>();
            JsonNode rows = details.path("sample");
            if (!rows.isMissingNode() && !rows.isArray()) {
                throw new IllegalArgumentException("failure_details.sample must be an array, was " + abbreviated(rows));
            }
            for (JsonNode row : rows) {
                if (!row.isObject()) {
                    throw new IllegalArgumentException("a sampled row must be a JSON object, was " + abbreviated(row));
                }
                Map<String, String> values = new HashMap<>();
                for (Map.Entry<String, JsonNode> field : row.properties()) {
                    JsonNode value = field.getValue();
                    if (value.isTextual()) {
                        values.put(field.getKey(), value.textValue());
                    } else if (value.isNumber() || value.isBoolean()) {
                        values.put(field.getKey(), value.asText());
                    } else if (!value.isNull()) {
                        throw new IllegalArgumentException("sampled column '" + field.getKey()
                                + "' must be text, was " + abbreviated(value));
                    }
                }
                sample.add(values);
            }
            JsonNode error = details.path("error");
            if (!error.isMissingNode() && !error.isNull() && !error.isTextual()) {
                throw new IllegalArgumentException("failure_details.error must be text, was " + abbreviated(error));
            }
            return new Evidence(sample, error.isTextual() ? Optional.of(error.textValue()) : Optional.empty());
        }

        private static String abbreviated(Object json) {
            String text = String.valueOf(json);
            return text.length() <= 100 ? text : text.substring(0, 100) + "…";
        }

        private record Evidence(List<Map<String, String>> sample, Optional<String> error) {
        }
    }

    /** The statements, as a JDBI SQL object. */
    interface Dao {

        String REPORT_COLUMNS = """
                q.run_id, q.report_date, q.overall_quality_score, q.total_checks, q.checks_passed, q.checks_warned,
                q.checks_failed, q.checks_errored, q.critical_failures, q.rows_quarantined
                """;

        /** Locks the run against a concurrent recorder; empty when there is no such run. */
        @SqlQuery("""
                select run_id
                from etl_orchestration.pipeline_runs
                where run_id = :run
                for no key update""")
        Optional<Long> lockRun(@Bind("run") long run);

        @SqlQuery("""
                select exists (select from data_quality.quality_reports where run_id = :run)
                    or exists (select from data_quality.quality_checks where run_id = :run)""")
        boolean hasEvidence(@Bind("run") long run);

        /** The ids of the rules of this port (those with a kind) among {@code names}, by name. */
        @SqlQuery("""
                select rule_name, rule_id
                from data_quality.quality_rules
                where rule_name = any(:names)
                  and rule_kind is not null""")
        @KeyColumn("rule_name")
        @ValueColumn("rule_id")
        Map<String, Long> ruleIds(@Bind("names") String[] names);

        @SqlBatch("""
                insert into data_quality.quality_checks
                    (run_id, rule_id, status, rows_checked, rows_failed, execution_time_ms, failure_details)
                values
                    (:run, :ruleId, :status, :rowsChecked, :rowsFailed, :elapsedMs, cast(:details as jsonb))""")
        void insertChecks(@Bind("run") long run, @BindMethods List<CheckRow> checks);

        @SqlUpdate("""
                insert into data_quality.quality_reports
                    (run_id, report_date, overall_quality_score, total_checks, checks_passed, checks_failed,
                     checks_warned, checks_errored, critical_failures, rows_quarantined)
                values
                    (:run, :date, :score, :checks, :passed, :failed,
                     :warned, :errors, :criticalFailures, :rowsQuarantined)""")
        void insertReport(@BindMethods ReportRow report);

        @SqlQuery("select " + REPORT_COLUMNS + """
                from data_quality.quality_reports q
                where q.run_id = :run""")
        @RegisterRowMapper(ReportMapper.class)
        Optional<QualityReport> report(@Bind("run") long run);

        /** Reports of runs only (a daily report without a run is not one of this port's). */
        @SqlQuery("select " + REPORT_COLUMNS + """
                from data_quality.quality_reports q
                join etl_orchestration.pipeline_runs r on r.run_id = q.run_id
                order by r.started_at desc, r.run_id desc
                limit :limit""")
        @RegisterRowMapper(ReportMapper.class)
        List<QualityReport> history(@Bind("limit") int limit);

        /** Failures and errors, then warnings, then passes; each by rule name in code point order. */
        @SqlQuery("""
                select c.run_id, c.status, c.rows_checked, c.rows_failed, c.execution_time_ms,
                       c.failure_details::text as failure_details, r.*
                from data_quality.quality_checks c
                join (select rule_id,\s""" + JdbiQualityRules.Dao.COLUMNS + """
                      from data_quality.quality_rules) r on r.rule_id = c.rule_id
                where c.run_id = :run
                order by case c.status when 'fail' then 0 when 'error' then 0 when 'warn' then 1 else 2 end,
                         r.rule_name collate "C"
                """)
        @RegisterRowMapper(ResultMapper.class)
        List<CheckResult> results(@Bind("run") long run);
    }
}
