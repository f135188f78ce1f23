package org.olistdw.runner;

/** The exit codes of every {@code olist} command, the runner's and those a distribution adds. */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** A run ran and failed (bad source data, a failed model, a failed publish); recorded as failed. */
    public static final int RUN_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The environment is unusable: PostgreSQL unreachable, a directory not writable, and the like. */
    public static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }
}
