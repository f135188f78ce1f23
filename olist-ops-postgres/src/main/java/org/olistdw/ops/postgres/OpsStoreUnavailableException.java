package org.olistdw.ops.postgres;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The operational store cannot be used: PostgreSQL is unreachable, rejects the login, is older than
 * version 15, cannot be migrated, or the embedded server cannot start. The message is written for the
 * person running the pipeline and names the URL or data directory concerned; it never contains a
 * password.
 */
public final class OpsStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OpsStoreUnavailableException(String message) {
        super(message);
    }

    public OpsStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How much of the driver's message a lost connection's one line quotes. */
    private static final int MAX_REASON_LENGTH = 160;

    /**
     * The store's server stopped answering while in use, if that is what {@code failure} shows: somewhere in its
     * causes a {@link SQLException} of SQLSTATE class 08 (connection exception: refused, reset, closed) or 57P01
     * to 57P03 (the server shut down or cannot accept connections). Other failures (a constraint, a bad
     * statement) are not a lost store.
     *
     * @return a one-line description of the loss, with the driver's reason shortened, or empty
     */
    public static Optional<OpsStoreUnavailableException> lostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OpsStoreUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
            if (cause instanceof SQLException sql && isConnectionLoss(sql.getSQLState())) {
                String reason = sql.getMessage() == null ? "SQLSTATE " + sql.getSQLState()
                        : sql.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
                if (reason.length() > MAX_REASON_LENGTH) {
                    reason = reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
                }
                return Optional.of(new OpsStoreUnavailableException(
                        "the operational store (PostgreSQL) stopped answering: " + reason, failure));
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionLoss(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
