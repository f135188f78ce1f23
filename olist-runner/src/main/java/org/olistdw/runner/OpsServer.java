package org.olistdw.runner;

import java.nio.file.Path;

/**
 * The operational store's PostgreSQL server, connected the way every {@code olist} command connects it: the
 * external one the {@link OpsOptions} name, else the embedded one under the working directory, started here
 * and stopped by {@link #close()}. For a command outside the runner that needs the server itself, e.g. to point
 * a child {@code olist run} at it or to create a database of its own beside the operational one.
 */
public final class OpsServer implements AutoCloseable {

    private final Wiring wiring;

    private OpsServer(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Connects the server, starting the embedded one when the options name no URL; the operational schema is
     * migrated on the way.
     *
     * @throws EnvironmentProblem when the server cannot be reached or started
     */
    public static OpsServer connect(Path workDir, OpsOptions options) {
        return new OpsServer(Wiring.connect(workDir, options));
    }

    /** The JDBC URL of the operational database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/olist}. */
    public String url() {
        return wiring.endpoint().url();
    }

    /** The login. */
    public String user() {
        return wiring.endpoint().user();
    }

    /** The password, null when there is none. */
    public String password() {
        return wiring.endpoint().password();
    }

    /** Disconnects, and stops the embedded server if this started it. */
    @Override
    public void close() {
        wiring.close();
    }
}
