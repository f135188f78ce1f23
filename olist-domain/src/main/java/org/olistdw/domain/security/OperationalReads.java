package org.olistdw.domain.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Port to reads of the operational store made for a person, under the database role of their application role,
 * so that the store's own grants and row-level security decide what they see, not only the application: an
 * analyst's reads can reach the runs and quality results but not the users nor the audit trail, whatever the
 * code asks. Each call of {@link #readAs} is one read-only transaction acting as that role from its start.
 */
public interface OperationalReads {

    /**
     * Runs {@code reads} in one transaction acting as {@code role} for the application user {@code username}.
     *
     * @return what {@code reads} returned
     * @throws Refused when the store refuses a read to that role
     */
    <T> T readAs(String username, ApplicationRole role, Function<View, T> reads);

    /** What can be asked within {@link #readAs}; each read is refused by the store if the role may not make it. */
    interface View {

        /** The most recent pipeline runs, newest first, at most {@code limit} (1 or more). */
        List<RunOverview> recentRuns(int limit);

        /** The quality checks of run {@code runId}, by rule name; empty when its checks did not run. */
        List<CheckOverview> checks(long runId);

        /** Every user, by username, with the roles held. */
        List<UserOverview> users();

        /** The entries of the audit trail the query selects, newest first. */
        List<AuditRecord> audit(AuditQuery query);
    }

    /**
     * One pipeline run as listed.
     *
     * @param runId           the run's id
     * @param pipeline        the pipeline's name
     * @param status          running, success, failed...
     * @param mode            full, incremental or no_change, once decided
     * @param startedAt       when it started
     * @param completedAt     when it finished, if it has
     * @param rowsProcessed   rows the run recorded as processed
     * @param rowsLoaded      rows its loads wrote to the raw tables
     * @param rowsQuarantined rows its loads quarantined
     * @param error           why it failed, if it did
     */
    record RunOverview(long runId, String pipeline, String status, Optional<String> mode, Instant startedAt,
                       Optional<Instant> completedAt, long rowsProcessed, long rowsLoaded, long rowsQuarantined,
                       Optional<String> error) {
        public RunOverview {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(completedAt, "completedAt");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * One rule's check in a run.
     *
     * @param rule          the rule's name
     * @param severity      its severity
     * @param status        pass, warn, fail or error
     * @param rowsChecked   rows checked
     * @param rowsFailed    of which offended the rule
     * @param samplesKept   offending rows kept as evidence
     */
    record CheckOverview(String rule, String severity, String status, long rowsChecked, long rowsFailed,
                         int samplesKept) {
        public CheckOverview {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(status, "status");
        }

        /** Whether the check passed (a warning passes). */
        public boolean passed() {
            return status.equals("pass") || status.equals("warn");
        }
    }

    /**
     * A user as listed.
     *
     * @param username    their username
     * @param active      false once disabled
     * @param hasPassword whether a password is set
     * @param roles       the roles held, by name
     */
    record UserOverview(String username, boolean active, boolean hasPassword, List<String> roles) {
        public UserOverview {
            Objects.requireNonNull(username, "username");
            roles = List.copyOf(roles);
        }
    }

    /** A read the store refused to the role it was made as. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A refusal, with the store's reason. */
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
