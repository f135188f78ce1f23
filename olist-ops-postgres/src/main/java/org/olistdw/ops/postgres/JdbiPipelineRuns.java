package org.olistdw.ops.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskId;
import org.olistdw.domain.orchestration.TaskStatus;

/**
 * {@link PipelineRuns} in the {@code etl_orchestration} schema. Every call runs in its own transaction
 * (or in autocommit) and has committed when it returns. Instants are stored at PostgreSQL's microsecond
 * precision (truncated here, so a value reads back as written when it has no nanoseconds). PostgreSQL
 * text cannot hold the NUL character; in stored text it is replaced by U+FFFD.
 */
final class JdbiPipelineRuns implements PipelineRuns {

    /** Records a task as running; one row of {@code task_executions}. */
    private static final String INSERT_TASK = """
            insert into etl_orchestration.task_executions (run_id, task_name, task_type, status, started_at)
            values (:runId, :taskName, :taskType, 'running', :startedAt)""";

    /** Finishes a task that has not finished yet; updates no row otherwise. */
    private static final String FINISH_TASK = """
            update etl_orchestration.task_executions
            set status = :status,
                completed_at = :completedAt,
                rows_affected = :rowsAffected,
                error_message = :errorMessage
            where task_id = :taskId
              and status in ('pending', 'running')""";

    private static final int QUARANTINE_BATCH_SIZE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT_RUNS = """
            select run_id, pipeline_name, status, started_at, completed_at, rows_processed, error_message
            from etl_orchestration.pipeline_runs
            """;

    private final Jdbi jdbi;
    private final String runSummariesSql;

    JdbiPipelineRuns(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.runSummariesSql = ClasspathSqlLocator.create().getResource(
                JdbiPipelineRuns.class.getClassLoader(), "sql/postgres/queries/run_summaries.sql");
    }

    @Override
    public RunId start(String pipelineName, Instant startedAt, Map<String, String> parameters) {
        Objects.requireNonNull(pipelineName, "pipelineName");
        Objects.requireNonNull(startedAt, "startedAt");
        String parametersJson = json(parameters == null ? Map.of() : parameters);
        long id = jdbi.withHandle(handle -> handle.createQuery("""
                        insert into etl_orchestration.pipeline_runs (pipeline_name, status, started_at, parameters)
                        values (:pipelineName, 'running', :startedAt, cast(:parameters as jsonb))
                        returning run_id""")
                .bind("pipelineName", text(pipelineName))
                .bind("startedAt", timestamptz(startedAt))
                .bind("parameters", parametersJson)
                .mapTo(Long.class)
                .one());
        return new RunId(id);
    }

    @Override
    public void finish(RunId run, RunStatus status, Instant completedAt, long rowsProcessed, String errorMessage) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedAt, "completedAt");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("run " + run + " cannot finish as running");
        }
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("""
                            update etl_orchestration.pipeline_runs
                            set status = :status,
                                completed_at = :completedAt,
                                rows_processed = :rowsProcessed,
                                error_message = :errorMessage
                            where run_id = :runId
                              and status = 'running'""")
                    .bind("status", status.code())
                    .bind("completedAt", timestamptz(completedAt))
                    .bind("rowsProcessed", rowsProcessed)
                    .bind("errorMessage", text(errorMessage))
                    .bind("runId", run.value())
                    .execute();
            if (updated == 0) {
                Optional<String> current = handle.createQuery(
                                "select status from etl_orchestration.pipeline_runs where run_id = :runId")
                        .bind("runId", run.value())
                        .mapTo(String.class)
                        .findOne();
                throw current.<RuntimeException>map(s -> new IllegalStateException(
                                "run " + run + " has already finished as " + s))
                        .orElseGet(() -> new IllegalArgumentException("there is no pipeline run " + run));
            }
        });
    }

    @Override
    public TaskId startTask(RunId run, String taskName, String taskType, Instant startedAt) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(startedAt, "startedAt");
        long id = jdbi.withHandle(handle -> handle.createQuery(INSERT_TASK + " returning task_id")
                .bind("runId", run.value())
                .bind("taskName", text(taskName))
                .bind("taskType", text(taskType))
                .bind("startedAt", timestamptz(startedAt))
                .mapTo(Long.class)
                .one());
        return new TaskId(id);
    }

    @Override
    public void finishTask(TaskId task, TaskStatus status, Instant completedAt, long rowsAffected, String errorMessage) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedAt, "completedAt");
        requireFinal(task, status);
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate(FINISH_TASK)
                    .bind("status", status.code())
                    .bind("completedAt", timestamptz(completedAt))
                    .bind("rowsAffected", rowsAffected)
                    .bind("errorMessage", text(errorMessage))
                    .bind("taskId", task.value())
                    .execute();
            if (updated == 0) {
                throw notFinishable(handle, task);
            }
        });
    }

    /** {@inheritDoc} Written in one batch. */
    @Override
    public List<TaskId> startTasks(RunId run, List<String> taskNames, String taskType, Instant startedAt) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(taskNames, "taskNames");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(startedAt, "startedAt");
        if (taskNames.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT_TASK);
            for (String taskName : taskNames) {
                batch.bind("runId", run.value())
                        .bind("taskName", text(Objects.requireNonNull(taskName, "taskName")))
                        .bind("taskType", text(taskType))
                        .bind("startedAt", timestamptz(startedAt))
                        .add();
            }
            List<TaskId> ids = batch.executePreparedBatch("task_id").mapTo(Long.class).stream().map(TaskId::new).toList();
            if (ids.size() != taskNames.size()) {
                throw new IllegalStateException("recorded " + ids.size() + " of " + taskNames.size() + " tasks");
            }
            return ids;
        });
    }

    /** {@inheritDoc} Written in one batch, in one transaction: all of them, or none when one cannot finish. */
    @Override
    public void finishTasks(List<TaskEnd> ends) {
        Objects.requireNonNull(ends, "ends");
        for (TaskEnd end : ends) {
            Objects.requireNonNull(end, "a task end is null");
            Objects.requireNonNull(end.task(), "task");
            Objects.requireNonNull(end.status(), "status");
            Objects.requireNonNull(end.completedAt(), "completedAt");
            requireFinal(end.task(), end.status());
        }
        if (ends.size() == 1) {
            TaskEnd end = ends.get(0);
            finishTask(end.task(), end.status(), end.completedAt(), end.rowsAffected(), end.errorMessage());
            return;
        }
        if (ends.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(FINISH_TASK);
            for (TaskEnd end : ends) {
                batch.bind("status", end.status().code())
                        .bind("completedAt", timestamptz(end.completedAt()))
                        .bind("rowsAffected", end.rowsAffected())
                        .bind("errorMessage", text(end.errorMessage()))
                        .bind("taskId", end.task().value())
                        .add();
            }
            int[] updated = batch.execute();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    throw notFinishable(handle, ends.get(i).task());
                }
            }
        });
    }

    /**
     * Why a task could not be finished (its finishing update touched no row): it has already finished, or there is
     * no such task.
     */
    private static RuntimeException notFinishable(Handle handle, TaskId task) {
        Optional<String> current = handle.createQuery(
                        "select status from etl_orchestration.task_executions where task_id = :taskId")
                .bind("taskId", task.value())
                .mapTo(String.class)
                .findOne();
        return current.<RuntimeException>map(s -> new IllegalStateException(
                        "task " + task.value() + " has already finished as " + s))
                .orElseGet(() -> new IllegalArgumentException("there is no task execution " + task.value()));
    }

    @Override
    public void recordLoad(RunId run, DataLoad load) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(load, "load");
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into etl_orchestration.data_loads
                            (run_id, source_file, file_path, file_size_bytes, sha256,
                             rows_read, rows_loaded, rows_quarantined, carried_over_from)
                        values
                            (:runId, :sourceFile, :path, :sizeBytes, :sha256,
                             :rowsRead, :rowsLoaded, :rowsQuarantined, :carriedOverFrom)""")
                .bind("runId", run.value())
                .bind("sourceFile", text(load.sourceFile()))
                .bind("path", text(load.path()))
                .bind("sizeBytes", load.sizeBytes())
                .bind("sha256", load.sha256())
                .bind("rowsRead", load.rowsRead())
                .bind("rowsLoaded", load.rowsLoaded())
                .bind("rowsQuarantined", load.rowsQuarantined())
                .bind("carriedOverFrom", load.carriedOverFrom().map(RunId::value).orElse(null))
                .execute());
    }

    @Override
    public void recordKeyChanges(RunId run, String sourceFile, KeyChanges changes) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(changes, "changes");
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("""
                            update etl_orchestration.data_loads
                            set keys_new = :added, keys_changed = :changed, keys_gone = :gone
                            where run_id = :runId and source_file = :sourceFile""")
                    .bind("added", changes.added())
                    .bind("changed", changes.changed())
                    .bind("gone", changes.gone())
                    .bind("runId", run.value())
                    .bind("sourceFile", text(sourceFile))
                    .execute();
            if (updated == 0) {
                throw new IllegalArgumentException("run " + run.value() + " recorded no load of " + sourceFile);
            }
        });
    }

    @Override
    public Map<String, KeyChanges> keyChanges(RunId run) {
        Objects.requireNonNull(run, "run");
        Map<String, KeyChanges> changes = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        select source_file, keys_new, keys_changed, keys_gone
                        from etl_orchestration.data_loads
                        where run_id = :runId and keys_new is not null
                        order by load_id""")
                .bind("runId", run.value())
                .map((rs, ctx) -> Map.entry(rs.getString("source_file"), new KeyChanges(rs.getLong("keys_new"),
                        rs.getLong("keys_changed"), rs.getLong("keys_gone"))))
                .forEach(entry -> changes.put(entry.getKey(), entry.getValue())));
        return changes;
    }

    @Override
    public void recordOrdersAffected(RunId run, long orders) {
        Objects.requireNonNull(run, "run");
        if (orders < 0) {
            throw new IllegalArgumentException("orders affected must not be negative, was " + orders);
        }
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("""
                            update etl_orchestration.pipeline_runs set orders_affected = :orders
                            where run_id = :runId""")
                    .bind("orders", orders)
                    .bind("runId", run.value())
                    .execute();
            if (updated == 0) {
                throw new IllegalArgumentException("there is no pipeline run " + run.value());
            }
        });
    }

    @Override
    public Optional<Long> ordersAffected(RunId run) {
        return runColumn(run, "orders_affected").map(Long::valueOf);
    }

    @Override
    public void recordMode(RunId run, RunMode mode, String fingerprint) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fingerprint, "fingerprint");
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("""
                            update etl_orchestration.pipeline_runs
                            set run_mode = :mode, build_fingerprint = :fingerprint
                            where run_id = :runId""")
                    .bind("mode", mode.code())
                    .bind("fingerprint", fingerprint)
                    .bind("runId", run.value())
                    .execute();
            if (updated == 0) {
                throw new IllegalArgumentException("there is no pipeline run " + run.value());
            }
        });
    }

    @Override
    public Optional<RunMode> mode(RunId run) {
        return runColumn(run, "run_mode").map(RunMode::fromCode);
    }

    @Override
    public Optional<String> fingerprint(RunId run) {
        return runColumn(run, "build_fingerprint");
    }

    private Optional<String> runColumn(RunId run, String column) {
        Objects.requireNonNull(run, "run");
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + column + " from etl_orchestration.pipeline_runs where run_id = :runId")
                .bind("runId", run.value())
                .mapTo(String.class)
                .findOne()
                .filter(Objects::nonNull));
    }

    @Override
    public void recordQuarantine(RunId run, List<QuarantinedRow> rows) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            for (int from = 0; from < rows.size(); from += QUARANTINE_BATCH_SIZE) {
                insertQuarantineBatch(handle, run, rows.subList(from, Math.min(rows.size(), from + QUARANTINE_BATCH_SIZE)));
            }
        });
    }

    @Override
    public List<RunId> cancelInterrupted(Instant now, String reason) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(reason, "reason");
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("""
                            update etl_orchestration.task_executions t
                            set status = 'failed',
                                completed_at = greatest(:now, t.started_at),
                                error_message = :reason
                            from etl_orchestration.pipeline_runs r
                            where t.run_id = r.run_id
                              and r.status = 'running'
                              and t.status in ('pending', 'running')""")
                    .bind("now", timestamptz(now))
                    .bind("reason", text(reason))
                    .execute();
            return handle.createQuery("""
                            update etl_orchestration.pipeline_runs
                            set status = 'cancelled',
                                completed_at = greatest(:now, started_at),
                                error_message = :reason
                            where status = 'running'
                            returning run_id""")
                    .bind("now", timestamptz(now))
                    .bind("reason", text(reason))
                    .mapTo(Long.class)
                    .stream()
                    .sorted()
                    .map(RunId::new)
                    .toList();
        });
    }

    private static void insertQuarantineBatch(Handle handle, RunId run, List<QuarantinedRow> rows) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into etl_orchestration.quarantined_rows (run_id, source_file, line_number, raw_text, reason)
                values (:runId, :sourceFile, :lineNumber, :rawText, :reason)""");
        for (QuarantinedRow row : rows) {
            batch.bind("runId", run.value())
                    .bind("sourceFile", text(row.sourceFile()))
                    .bind("lineNumber", row.lineNumber())
                    .bind("rawText", text(row.rawText()))
                    .bind("reason", text(row.reason()))
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<PipelineRun> recent(int limit) {
        requireLimit(limit);
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_RUNS + """
                        order by started_at desc, run_id desc
                        limit :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> RunRow.from(rs))
                .map(RunRow::toDomain)
                .list());
    }

    @Override
    public Optional<PipelineRun> find(RunId run) {
        Objects.requireNonNull(run, "run");
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_RUNS + """
                        where run_id = :runId""")
                .bind("runId", run.value())
                .map((rs, ctx) -> RunRow.from(rs))
                .map(RunRow::toDomain)
                .findOne());
    }

    @Override
    public List<TaskExecution> tasks(RunId run) {
        Objects.requireNonNull(run, "run");
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select task_id, run_id, task_name, task_type, status, started_at, completed_at,
                               rows_affected, error_message
                        from etl_orchestration.task_executions
                        where run_id = :runId
                        order by started_at, task_id""")
                .bind("runId", run.value())
                .map((rs, ctx) -> TaskRow.from(rs))
                .map(TaskRow::toDomain)
                .list());
    }

    @Override
    public List<DataLoad> loads(RunId run) {
        Objects.requireNonNull(run, "run");
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select source_file, file_path, file_size_bytes, sha256, rows_read, rows_loaded, rows_quarantined,
                               carried_over_from
                        from etl_orchestration.data_loads
                        where run_id = :runId
                        order by load_id""")
                .bind("runId", run.value())
                .map((rs, ctx) -> LoadRow.from(rs))
                .map(LoadRow::toDomain)
                .list());
    }

    @Override
    public List<QuarantinedRow> quarantine(RunId run) {
        Objects.requireNonNull(run, "run");
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select source_file, line_number, raw_text, reason
                        from etl_orchestration.quarantined_rows
                        where run_id = :runId
                        order by source_file, line_number, quarantine_id""")
                .bind("runId", run.value())
                .map((rs, ctx) -> QuarantineRow.from(rs))
                .map(QuarantineRow::toDomain)
                .list());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The newest run is the one started last (ties broken by the later run id); should a run hold several
     * successful tasks of that name, the one started last comes first. A successful task without a row
     * count (written by hand) is no history and is left out.
     */
    @Override
    public List<Long> recentRowCounts(String taskName, int limit) {
        Objects.requireNonNull(taskName, "taskName");
        requireLimit(limit);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select t.rows_affected
                        from etl_orchestration.task_executions t
                        join etl_orchestration.pipeline_runs r on r.run_id = t.run_id
                        where t.task_name = :taskName
                          and t.status = 'success'
                          and t.rows_affected is not null
                          and r.status = 'success'
                        order by r.started_at desc, r.run_id desc, t.started_at desc, t.task_id desc
                        limit :limit""")
                .bind("taskName", text(taskName))
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The latest run is the one started last (ties broken by the later run id); should it hold several loads
     * of the file, the one recorded last is taken.
     */
    @Override
    public Optional<RecordedLoad> lastSuccessfulLoad(String sourceFile, String warehouse) {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(warehouse, "warehouse");
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select l.run_id, l.source_file, l.file_path, l.file_size_bytes, l.sha256, l.rows_read,
                               l.rows_loaded, l.rows_quarantined, l.carried_over_from
                        from etl_orchestration.data_loads l
                        join etl_orchestration.pipeline_runs r on r.run_id = l.run_id
                        where l.source_file = :sourceFile
                          and r.status = 'success'
                          and r.parameters ->> 'warehouse' = :warehouse
                        order by r.started_at desc, r.run_id desc, l.load_id desc
                        limit 1""")
                .bind("sourceFile", text(sourceFile))
                .bind("warehouse", text(warehouse))
                .map((rs, ctx) -> new RecordedLoad(new RunId(rs.getLong("run_id")), LoadRow.from(rs).toDomain()))
                .findOne());
    }

    /** The most recent runs with their task and load totals, newest first. */
    List<RunSummary> summaries(int limit) {
        return jdbi.withHandle(handle -> summaries(handle, limit));
    }

    /** As {@link #summaries(int)}, on a handle of the caller's (a transaction acting as some role, say). */
    List<RunSummary> summaries(Handle handle, int limit) {
        requireLimit(limit);
        return handle.createQuery(runSummariesSql)
                .bind("limit", limit)
                .map((rs, ctx) -> SummaryRow.from(rs))
                .map(SummaryRow::toDomain)
                .list();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
    }

    /** Binds an instant as {@code timestamptz}, truncated to PostgreSQL's microseconds. */
    private static Argument timestamptz(Instant instant) {
        OffsetDateTime value = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** PostgreSQL text cannot contain NUL; anything else is stored as given. */
    private static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    private static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run parameters cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private record RunRow(long runId, String pipelineName, String status, Instant startedAt,
                          Instant completedAt, Long rowsProcessed, String errorMessage) {

        static RunRow from(ResultSet rs) throws SQLException {
            return new RunRow(rs.getLong("run_id"), rs.getString("pipeline_name"), rs.getString("status"),
                    instant(rs, "started_at"), instant(rs, "completed_at"), nullableLong(rs, "rows_processed"),
                    rs.getString("error_message"));
        }

        PipelineRun toDomain() {
            return new PipelineRun(new RunId(runId), pipelineName, RunStatus.fromCode(status), startedAt,
                    Optional.ofNullable(completedAt), rowsProcessed == null ? 0 : rowsProcessed,
                    Optional.ofNullable(errorMessage));
        }
    }

    private record TaskRow(long taskId, long runId, String taskName, String taskType, String status,
                           Instant startedAt, Instant completedAt, Long rowsAffected, String errorMessage) {

        static TaskRow from(ResultSet rs) throws SQLException {
            return new TaskRow(rs.getLong("task_id"), rs.getLong("run_id"), rs.getString("task_name"),
                    rs.getString("task_type"), rs.getString("status"), instant(rs, "started_at"),
                    instant(rs, "completed_at"), nullableLong(rs, "rows_affected"), rs.getString("error_message"));
        }

        TaskExecution toDomain() {
            return new TaskExecution(new TaskId(taskId), new RunId(runId), taskName, taskType,
                    TaskStatus.fromCode(status), startedAt, Optional.ofNullable(completedAt),
                    rowsAffected == null ? 0 : rowsAffected, Optional.ofNullable(errorMessage));
        }
    }

    private record LoadRow(String sourceFile, String filePath, long fileSizeBytes, String sha256,
                           long rowsRead, long rowsLoaded, long rowsQuarantined, Long carriedOverFrom) {

        static LoadRow from(ResultSet rs) throws SQLException {
            long carried = rs.getLong("carried_over_from");
            Long carriedOverFrom = rs.wasNull() ? null : carried;
            return new LoadRow(rs.getString("source_file"), rs.getString("file_path"), rs.getLong("file_size_bytes"),
                    rs.getString("sha256"), rs.getLong("rows_read"), rs.getLong("rows_loaded"),
                    rs.getLong("rows_quarantined"), carriedOverFrom);
        }

        DataLoad toDomain() {
            return new DataLoad(sourceFile, filePath, fileSizeBytes, sha256, rowsRead, rowsLoaded, rowsQuarantined,
                    Optional.ofNullable(carriedOverFrom).map(RunId::new));
        }
    }

    private record QuarantineRow(String sourceFile, long lineNumber, String rawText, String reason) {

        static QuarantineRow from(ResultSet rs) throws SQLException {
            return new QuarantineRow(rs.getString("source_file"), rs.getLong("line_number"),
                    rs.getString("raw_text"), rs.getString("reason"));
        }

        QuarantinedRow toDomain() {
            return new QuarantinedRow(sourceFile, lineNumber, rawText, reason);
        }
    }

    private record SummaryRow(RunRow run, int tasks, int tasksFailed, int filesLoaded, int filesCarriedOver,
                              long rowsRead, long rowsLoaded, long rowsQuarantined, String mode,
                              Long keysTouched, Long ordersAffected) {

        static SummaryRow from(ResultSet rs) throws SQLException {
            return new SummaryRow(RunRow.from(rs), rs.getInt("tasks"), rs.getInt("tasks_failed"),
                    rs.getInt("files_loaded"), rs.getInt("files_carried_over"), rs.getLong("rows_read"),
                    rs.getLong("rows_loaded"), rs.getLong("rows_quarantined"), rs.getString("run_mode"),
                    nullableLong(rs, "keys_touched"), nullableLong(rs, "orders_affected"));
        }

        RunSummary toDomain() {
            return new RunSummary(run.toDomain(), tasks, tasksFailed, filesLoaded, rowsRead, rowsLoaded,
                    rowsQuarantined, Optional.ofNullable(mode).map(RunMode::fromCode), filesCarriedOver,
                    Optional.ofNullable(keysTouched), Optional.ofNullable(ordersAffected));
        }
    }

    /** Refuses a status a task cannot finish with (running or pending). */
    private static void requireFinal(TaskId task, TaskStatus status) {
        if (status == TaskStatus.RUNNING || status == TaskStatus.PENDING) {
            throw new IllegalArgumentException("task " + task.value() + " cannot finish as " + status.code());
        }
    }
}
