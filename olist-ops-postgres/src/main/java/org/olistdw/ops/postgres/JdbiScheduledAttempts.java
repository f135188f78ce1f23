package org.olistdw.ops.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.ScheduledAttempt;
import org.olistdw.domain.orchestration.ScheduledAttempts;

/** {@link ScheduledAttempts} in {@code etl_orchestration.scheduled_attempts}. */
final class JdbiScheduledAttempts implements ScheduledAttempts {

    private static final String COLUMNS = "schedule, warehouse, slot_at, attempt, run_id, started_at, completed_at,"
            + " succeeded, exit_code, message, alert";

    private final Jdbi jdbi;

    JdbiScheduledAttempts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(ScheduledAttempt attempt) {
        jdbi.useHandle(handle -> handle.createUpdate("insert into etl_orchestration.scheduled_attempts (" + COLUMNS
                        + ") values (:schedule, :warehouse, :slot, :attempt, :run, :started, :completed, :succeeded,"
                        + " :exitCode, :message, :alert)")
                .bind("schedule", attempt.schedule())
                .bind("warehouse", attempt.warehouse())
                .bind("slot", Timestamp.from(attempt.slot()))
                .bind("attempt", attempt.attempt())
                .bind("run", attempt.run().map(RunId::value).orElse(null))
                .bind("started", Timestamp.from(attempt.startedAt()))
                .bind("completed", Timestamp.from(attempt.completedAt()))
                .bind("succeeded", attempt.succeeded())
                .bind("exitCode", attempt.exitCode())
                .bind("message", attempt.message())
                .bind("alert", attempt.alert().map(ScheduledAttempt.Alert::code).orElse(null))
                .execute());
    }

    @Override
    public Optional<ScheduledAttempt> latest(String warehouse) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS
                        + " from etl_orchestration.scheduled_attempts where warehouse = :warehouse"
                        + " order by attempt_id desc limit 1")
                .bind("warehouse", warehouse)
                .map((rs, ctx) -> attempt(rs))
                .findOne());
    }

    @Override
    public List<ScheduledAttempt> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS
                        + " from etl_orchestration.scheduled_attempts order by attempt_id desc limit :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> attempt(rs))
                .list());
    }

    private static ScheduledAttempt attempt(ResultSet rs) throws SQLException {
        long run = rs.getLong("run_id");
        Optional<RunId> runId = rs.wasNull() ? Optional.empty() : Optional.of(new RunId(run));
        String alert = rs.getString("alert");
        return new ScheduledAttempt(rs.getString("schedule"), rs.getString("warehouse"), instant(rs, "slot_at"),
                rs.getInt("attempt"), runId, instant(rs, "started_at"), instant(rs, "completed_at"),
                rs.getBoolean("succeeded"), rs.getInt("exit_code"), rs.getString("message"),
                alert == null ? Optional.empty()
                        : Optional.of(ScheduledAttempt.Alert.valueOf(alert.toUpperCase(Locale.ROOT))));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
