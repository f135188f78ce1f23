package org.olistdw.ops.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditLog;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.UserId;

/**
 * {@link AuditLog} in {@code security_audit.audit_logs}, which the schema keeps append-only. The actor is kept
 * in {@code details.actor}, and read back from there; a detail that is not text is read back as its JSON text.
 */
final class JdbiAuditLog implements AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            insert into security_audit.audit_logs (user_id, action, resource_type, resource_id, status, details)
            values ((select u.user_id from security_audit.users as u where u.username = :actor and u.is_active),
                    :action, :resourceType, :resourceId, :status, cast(:details as jsonb))
            returning log_id
            """;

    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long append(AuditEntry entry) {
        Map<String, String> details = new TreeMap<>(entry.details());
        details.put("actor", entry.actor());
        String json;
        try {
            json = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the details of audit entry " + entry.action(), e);
        }
        return jdbi.withHandle(handle -> handle.createQuery(INSERT)
                .bind("actor", entry.actor())
                .bind("action", entry.action())
                .bind("resourceType", entry.resourceType())
                .bind("resourceId", entry.resourceId())
                .bind("status", entry.succeeded() ? "success" : "failure")
                .bind("details", json)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<AuditRecord> find(AuditQuery query) {
        return jdbi.withHandle(handle -> find(handle, query));
    }

    /** As {@link #find(AuditQuery)}, on a handle of the caller's (a transaction acting as some role, say). */
    static List<AuditRecord> find(Handle handle, AuditQuery query) {
        return handle.createQuery("""
                        select log_id, action_timestamp, user_id, action, resource_type, resource_id, status,
                               details::text as details
                        from security_audit.audit_logs
                        where (cast(:actor as text) is null or details ->> 'actor' = :actor)
                          and (cast(:since as timestamptz) is null or action_timestamp >= :since)
                        order by log_id desc
                        limit :limit""")
                .bind("actor", query.actor().orElse(null))
                .bind("since", query.since().map(java.sql.Timestamp::from).orElse(null))
                .bind("limit", query.limit())
                .map((rs, ctx) -> toRecord(rs))
                .list();
    }

    private static AuditRecord toRecord(ResultSet rs) throws SQLException {
        Map<String, String> details = new TreeMap<>();
        String json = rs.getString("details");
        if (json != null) {
            try {
                Map<String, Object> read = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
                for (Map.Entry<String, Object> each : read.entrySet()) {
                    Object value = each.getValue();
                    details.put(each.getKey(), value instanceof String text ? text
                            : JSON.writeValueAsString(value));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("audit log entry " + rs.getLong("log_id")
                        + ": details are not a JSON object", e);
            }
        }
        String actor = details.remove("actor");
        long userId = rs.getLong("user_id");
        Optional<UserId> user = rs.wasNull() ? Optional.empty() : Optional.of(new UserId(userId));
        Instant at = rs.getTimestamp("action_timestamp").toInstant();
        AuditEntry entry = new AuditEntry(rs.getString("action"), actor == null ? "" : actor,
                nullToEmpty(rs.getString("resource_type")), nullToEmpty(rs.getString("resource_id")),
                "success".equals(rs.getString("status")), details);
        return new AuditRecord(rs.getLong("log_id"), at, user, entry);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
