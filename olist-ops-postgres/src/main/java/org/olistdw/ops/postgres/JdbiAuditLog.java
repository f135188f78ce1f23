package org.olistdw.ops.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditLog;

/** {@link AuditLog} in {@code security_audit.audit_logs}, which the schema keeps append-only. */
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
}
