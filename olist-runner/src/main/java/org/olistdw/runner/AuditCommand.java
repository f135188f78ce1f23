package org.olistdw.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code olist audit}: the latest entries of the audit trail, newest first. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "Lists the audit trail (security_audit.audit_logs), newest first: who did what, when, and whether "
                + "it was done or refused.")
final class AuditCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Option(names = "--user", paramLabel = "USER", description = "Only what this actor did (an operating-system "
            + "user for the command line, a username for the applications).")
    private String user;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only entries at or after this time, UTC: 2026-12-06, 2026-12-06T10:00 or 2026-12-06T10:00:00Z.")
    private String since;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "How many entries (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON (an array of entries, newest first) for scripts.")
    private boolean json;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        AuditQuery query = new AuditQuery(Optional.ofNullable(user), Optional.ofNullable(since).map(this::instant), limit);
        PrintWriter out = spec.commandLine().getOut();
        try (Wiring wiring = Wiring.connect(work.workDir, ops)) {
            List<AuditRecord> records = wiring.auditLog().find(query);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AuditRecord record : records) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", record.id());
                row.put("at", record.at().toString());
                row.put("actor", record.entry().actor());
                row.put("action", record.entry().action());
                row.put("status", record.entry().succeeded() ? "success" : "failure");
                row.put("resourceType", record.entry().resourceType());
                row.put("resourceId", record.entry().resourceId());
                row.put("details", record.entry().details());
                rows.add(row);
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else if (rows.isEmpty()) {
                out.println("no audit entries");
            } else {
                String format = "%6s  %-19s  %-12s  %-20s  %-7s  %s%n";
                out.printf(format, "id", "at (UTC)", "actor", "action", "status", "resource and details");
                for (AuditRecord record : records) {
                    out.printf(format, record.id(), WHEN.format(record.at()), record.entry().actor(),
                            record.entry().action(), record.entry().succeeded() ? "success" : "failure",
                            record.entry().resourceType() + " " + record.entry().resourceId() + " "
                                    + record.entry().details());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--since must be a date or time such as 2026-12-06 or 2026-12-06T10:00, was '" + text + "'");
                }
            }
        }
    }
}
