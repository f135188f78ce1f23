package org.olistdw.ops.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.orchestration.WarehouseLock;
import org.olistdw.domain.orchestration.WarehouseLocks;

/**
 * {@link WarehouseLocks} in {@code etl_orchestration.warehouse_locks}. Leases are timed by the server's clock
 * ({@code clock_timestamp()}), never by the callers', so that processes on hosts whose clocks differ agree on
 * whether a lease is live. Taking a lock is one statement: an insert that, on a lock already there, takes it
 * over only where its lease ran out.
 */
final class JdbiWarehouseLocks implements WarehouseLocks {

    private static final String COLUMNS = "warehouse, holder_token, run_id, host, pid, acquired_at, lease_until";

    private static final String TAKE = """
            insert into etl_orchestration.warehouse_locks as l
                (warehouse, holder_token, run_id, host, pid, acquired_at, lease_until)
            select :warehouse, :token, null, :host, :pid, now.t, now.t + :leaseMs * interval '1 millisecond'
            from (select clock_timestamp() as t) as now
            on conflict (warehouse) do update
            set holder_token = excluded.holder_token,
                run_id = null,
                host = excluded.host,
                pid = excluded.pid,
                acquired_at = excluded.acquired_at,
                lease_until = excluded.lease_until
            where l.lease_until < clock_timestamp()
            returning\s""" + COLUMNS;

    /** Runs still running, each with its warehouse and last started task, when no live lease covers them. */
    private static final String DEAD_RUNS = """
            select r.run_id,
                   r.parameters ->> 'warehouse' as warehouse,
                   (select t.task_name
                    from etl_orchestration.task_executions t
                    where t.run_id = r.run_id
                    order by t.started_at desc, t.task_id desc
                    limit 1) as last_step
            from etl_orchestration.pipeline_runs r
            where r.status = 'running'
              and (:everyRun
                   or not exists (select 1
                                  from etl_orchestration.warehouse_locks l
                                  where l.warehouse = r.parameters ->> 'warehouse'
                                    and l.lease_until >= clock_timestamp()
                                    and l.holder_token is distinct from :token))
            order by r.run_id""";

    private static final int ATTEMPTS = 3;

    private final Jdbi jdbi;

    JdbiWarehouseLocks(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public WarehouseLock acquire(String warehouse, String token, String host, long pid, Duration lease) {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(host, "host");
        long leaseMs = leaseMillis(lease);
        // the holder may release between the insert and the look-up: then try again
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<WarehouseLock> lock = jdbi.inTransaction(handle -> {
                Optional<WarehouseLock> taken = handle.createQuery(TAKE)
                        .bind("warehouse", warehouse)
                        .bind("token", token)
                        .bind("host", host)
                        .bind("pid", pid)
                        .bind("leaseMs", leaseMs)
                        .map((rs, ctx) -> lock(rs))
                        .findOne();
                return taken.isPresent() ? taken : holder(handle, warehouse);
            });
            if (lock.isPresent()) {
                return lock.get();
            }
        }
        throw new IllegalStateException("cannot take the lock on " + warehouse + ": its holder keeps changing");
    }

    @Override
    public void attach(String warehouse, String token, RunId run) {
        Objects.requireNonNull(run, "run");
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                        update etl_orchestration.warehouse_locks
                        set run_id = :runId
                        where warehouse = :warehouse
                          and holder_token = :token""")
                .bind("runId", run.value())
                .bind("warehouse", warehouse)
                .bind("token", token)
                .execute());
        if (updated == 0) {
            throw new IllegalStateException("run " + run + " no longer holds the lock on " + warehouse);
        }
    }

    @Override
    public boolean renew(String warehouse, String token, Duration lease) {
        long leaseMs = leaseMillis(lease);
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        update etl_orchestration.warehouse_locks
                        set lease_until = clock_timestamp() + :leaseMs * interval '1 millisecond'
                        where warehouse = :warehouse
                          and holder_token = :token
                          and lease_until >= clock_timestamp()""")
                .bind("leaseMs", leaseMs)
                .bind("warehouse", warehouse)
                .bind("token", token)
                .execute()) == 1;
    }

    @Override
    public void release(String warehouse, String token) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        delete from etl_orchestration.warehouse_locks
                        where warehouse = :warehouse
                          and holder_token = :token""")
                .bind("warehouse", warehouse)
                .bind("token", token)
                .execute());
    }

    @Override
    public void releaseAll() {
        jdbi.useHandle(handle -> handle.execute("delete from etl_orchestration.warehouse_locks"));
    }

    @Override
    public List<DeadRun> deadRuns(String token, boolean everyRun) {
        return jdbi.withHandle(handle -> handle.createQuery(DEAD_RUNS)
                .bind("everyRun", everyRun)
                .bind("token", token)
                .map((rs, ctx) -> new DeadRun(new RunId(rs.getLong("run_id")),
                        Optional.ofNullable(rs.getString("warehouse")), Optional.ofNullable(rs.getString("last_step"))))
                .list());
    }

    @Override
    public boolean settle(RunId run, RunStatus status, Instant now, String reason) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("run " + run + " cannot be settled as running");
        }
        boolean success = status == RunStatus.SUCCESS;
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("""
                            update etl_orchestration.pipeline_runs r
                            set status = :status,
                                completed_at = greatest(:now, r.started_at),
                                rows_processed = (select coalesce(sum(d.rows_read), 0)
                                                  from etl_orchestration.data_loads d
                                                  where d.run_id = r.run_id),
                                error_message = :reason
                            where r.run_id = :runId
                              and r.status = 'running'""")
                    .bind("status", status.code())
                    .bind("now", timestamptz(now))
                    .bind("reason", reason)
                    .bind("runId", run.value())
                    .execute();
            if (updated == 0) {
                return false;
            }
            handle.createUpdate("""
                            update etl_orchestration.task_executions t
                            set status = :taskStatus,
                                completed_at = greatest(:now, t.started_at),
                                error_message = :reason
                            where t.run_id = :runId
                              and t.status in ('pending', 'running')""")
                    .bind("taskStatus", success ? "success" : "failed")
                    .bind("now", timestamptz(now))
                    .bind("reason", success ? null : reason)
                    .bind("runId", run.value())
                    .execute();
            return true;
        });
    }

    private static Optional<WarehouseLock> holder(Handle handle, String warehouse) {
        return handle.createQuery("select " + COLUMNS + " from etl_orchestration.warehouse_locks"
                        + " where warehouse = :warehouse")
                .bind("warehouse", warehouse)
                .map((rs, ctx) -> lock(rs))
                .findOne();
    }

    private static WarehouseLock lock(ResultSet rs) throws SQLException {
        long run = rs.getLong("run_id");
        Optional<RunId> runId = rs.wasNull() ? Optional.empty() : Optional.of(new RunId(run));
        return new WarehouseLock(rs.getString("warehouse"), rs.getString("holder_token"), runId, rs.getString("host"),
                rs.getLong("pid"), rs.getObject("acquired_at", OffsetDateTime.class).toInstant(),
                rs.getObject("lease_until", OffsetDateTime.class).toInstant());
    }

    private static long leaseMillis(Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, was " + lease);
        }
        return lease.toMillis();
    }

    /** Binds an instant as {@code timestamptz}, truncated to PostgreSQL's microseconds. */
    private static Argument timestamptz(Instant instant) {
        OffsetDateTime value = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
