package org.olistdw.serving;

import java.time.Duration;
import java.util.Objects;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.security.AuditLog;
import org.olistdw.domain.security.OperationalReads;
import org.olistdw.domain.security.Pseudonymiser;
import org.olistdw.domain.security.Users;

/**
 * What the dashboards need to require a log-in: the users (and their passwords and roles), the audit trail, the
 * reads of the operational store made for a person and the quality rules, all ports of the domain, and the limits
 * of sessions, log-in attempts and the SQL page.
 *
 * @param users            who may log in, with which roles; passwords are verified by it; the users page changes it
 * @param auditLog         where log-ins, log-outs, dashboard views, SQL runs and every change are recorded
 * @param operationalReads the runs page, the users list and the audit page read through it, acting as the database
 *                         role of the viewer's application role
 * @param qualityRules     the quality rules page lists and edits them
 * @param idleTimeout    a session unused this long ends; positive
 * @param freeFailures   failed log-ins allowed for one username before further attempts are refused for a while
 *                       (a client address gets four times as many); 1 or more
 * @param sqlTimeLimit   a statement of the SQL page still running after this long is cancelled; positive
 * @param sqlRowLimit    the SQL page shows at most this many rows; 1 or more
 * @param pseudonymiser  replaces personal data in every page and result, unless someone allowed to see it in
 *                       clear asks to (see {@link PseudonymisationKey})
 */
public record ServingSecurity(Users users, AuditLog auditLog, OperationalReads operationalReads,
                              QualityRules qualityRules, Duration idleTimeout, int freeFailures,
                              Duration sqlTimeLimit, int sqlRowLimit, Pseudonymiser pseudonymiser) {

    /** Sessions end after 30 minutes unused. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Five failed log-ins, then a wait. */
    public static final int DEFAULT_FREE_FAILURES = 5;
    /** Ten seconds per statement. */
    public static final Duration DEFAULT_SQL_TIME_LIMIT = Duration.ofSeconds(10);
    /** A thousand rows per statement. */
    public static final int DEFAULT_SQL_ROW_LIMIT = 1_000;

    public ServingSecurity {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(operationalReads, "operationalReads");
        Objects.requireNonNull(qualityRules, "qualityRules");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(sqlTimeLimit, "sqlTimeLimit");
        Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive, was " + idleTimeout);
        }
        if (freeFailures < 1) {
            throw new IllegalArgumentException("free failed log-ins must be 1 or more, was " + freeFailures);
        }
        if (sqlTimeLimit.isNegative() || sqlTimeLimit.isZero()) {
            throw new IllegalArgumentException("SQL time limit must be positive, was " + sqlTimeLimit);
        }
        if (sqlRowLimit < 1) {
            throw new IllegalArgumentException("SQL row limit must be 1 or more, was " + sqlRowLimit);
        }
    }

    /** The defaults, but for the idle timeout and the pseudonymiser given. */
    public static ServingSecurity of(Users users, AuditLog auditLog, OperationalReads operationalReads,
                                     QualityRules qualityRules, Duration idleTimeout, Pseudonymiser pseudonymiser) {
        return new ServingSecurity(users, auditLog, operationalReads, qualityRules, idleTimeout, DEFAULT_FREE_FAILURES,
                DEFAULT_SQL_TIME_LIMIT,
                DEFAULT_SQL_ROW_LIMIT, pseudonymiser);
    }
}
