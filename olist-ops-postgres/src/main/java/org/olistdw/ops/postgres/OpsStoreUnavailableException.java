package org.olistdw.ops.postgres;

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
}
