package org.olistdw.runner;

/** The exit codes of every {@code olist} command. */
final class ExitCodes {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** A run ran and failed (bad source data, a failed model, a failed publish); recorded as failed. */
    static final int RUN_FAILED = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The environment is unusable: PostgreSQL unreachable, a directory not writable, and the like. */
    static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }
}
