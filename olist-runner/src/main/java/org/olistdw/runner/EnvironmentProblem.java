package org.olistdw.runner;

/** The environment cannot support the command (exit code 3); the message is the one line to show. */
final class EnvironmentProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EnvironmentProblem(String message) {
        super(message);
    }

    EnvironmentProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
