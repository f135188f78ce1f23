package org.olistdw.ops.postgres;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.olistdw.domain.security.ApplicationRole;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.OperationalReads;

/**
 * {@link OperationalReads} on transactions that begin with {@code set local role olist_<role>} (the database roles
 * of migration v12) and name the application user in the setting {@code olist.username} (which the audit trail's
 * row-level security reads), read-only. The grants and policies of those roles decide: a read the role may not
 * make fails with PostgreSQL's {@code insufficient_privilege}, answered as {@link OperationalReads.Refused}.
 */
final class JdbiOperationalReads implements OperationalReads {

    /** PostgreSQL's SQLSTATE for {@code permission denied}. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Jdbi jdbi;
    private final JdbiPipelineRuns runs;

    JdbiOperationalReads(Jdbi jdbi, JdbiPipelineRuns runs) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    /** The database role acting for {@code role}: {@code olist_viewer}, {@code olist_analyst} or {@code olist_admin}. */
    static String databaseRole(ApplicationRole role) {
        return "olist_" + role.roleName();
    }

    @Override
    public <T> T readAs(String username, ApplicationRole role, Function<View, T> reads) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reads, "reads");
        try {
            return jdbi.inTransaction(handle -> {
                // the role's name comes from the enum, never from a request
                handle.execute("set local role " + databaseRole(role));
                handle.execute("set transaction read only");
                handle.createQuery("select set_config('olist.username', :username, true)")
                        .bind("username", username).mapTo(String.class).one();
                return reads.apply(new HandleView(handle));
            });
        } catch (JdbiException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && INSUFFICIENT_PRIVILEGE.equals(cause.getSQLState())) {
                throw new Refused("the operational store refuses this read to role " + databaseRole(role) + ": "
                        + PostgresOps.oneLine(cause.getMessage()), e);
            }
            throw e;
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The reads of one transaction. */
    final class HandleView implements View {

        private final Handle handle;

        HandleView(Handle handle) {
            this.handle = handle;
        }

        /** The transaction's handle, for tests of this adapter. */
        Handle handle() {
            return handle;
        }

        @Override
        public List<RunOverview> recentRuns(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
            }
            return runs.summaries(handle, limit).stream().map(summary -> new RunOverview(
                    summary.run().id().value(), summary.run().pipelineName(), summary.run().status().code(),
                    summary.mode().map(mode -> mode.code()), summary.run().startedAt(), summary.run().completedAt(),
                    summary.run().rowsProcessed(), summary.rowsLoaded(), summary.rowsQuarantined(),
                    summary.run().errorMessage())).toList();
        }

        @Override
        public List<CheckOverview> checks(long runId) {
            return handle.createQuery("""
                            select r.rule_name, r.severity, c.status,
                                   coalesce(c.rows_checked, 0) as rows_checked,
                                   coalesce(c.rows_failed, 0) as rows_failed,
                                   case when jsonb_typeof(c.failure_details -> 'sample') = 'array'
                                        then jsonb_array_length(c.failure_details -> 'sample') else 0 end as samples
                            from data_quality.quality_checks as c
                            join data_quality.quality_rules as r on r.rule_id = c.rule_id
                            where c.run_id = :runId
                            order by r.rule_name""")
                    .bind("runId", runId)
                    .map((rs, ctx) -> new CheckOverview(rs.getString("rule_name"), rs.getString("severity"),
                            rs.getString("status"), rs.getLong("rows_checked"), rs.getLong("rows_failed"),
                            rs.getInt("samples")))
                    .list();
        }

        @Override
        public List<UserOverview> users() {
            return handle.createQuery("""
                            select u.username, u.is_active, u.password_hash is not null as has_password,
                                   array_remove(array_agg(r.role_name order by r.role_name), null) as roles
                            from security_audit.users as u
                            left join security_audit.user_roles as ur on ur.user_id = u.user_id
                            left join security_audit.roles as r on r.role_id = ur.role_id
                            group by u.user_id, u.username, u.is_active, u.password_hash
                            order by u.username""")
                    .map((rs, ctx) -> {
                        Array roles = rs.getArray("roles");
                        return new UserOverview(rs.getString("username"), rs.getBoolean("is_active"),
                                rs.getBoolean("has_password"), Arrays.asList((String[]) roles.getArray()));
                    })
                    .list();
        }

        @Override
        public List<AuditRecord> audit(AuditQuery query) {
            return JdbiAuditLog.find(handle, query);
        }
    }
}
