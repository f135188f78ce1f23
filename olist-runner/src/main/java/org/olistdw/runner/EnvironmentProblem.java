package org.olistdw.runner;

/**
 * The environment cannot support the command: the command line ends with exit code 3
 * ({@link ExitCodes#ENVIRONMENT}) and shows the message as its one line of error, without the cause's.
 */
public final class EnvironmentProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem whose message says everything. */
    public EnvironmentProblem(String message) {
        super(message);
    }

    /** A problem with the exception that revealed it, kept for the log. */
    public EnvironmentProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
