package org.olistdw.runner;

/** The runner's {@code olist} command line as a process of its own, for tests that kill it. */
final class OlistProcess {

    private OlistProcess() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        OlistCommandLine.logToWorkDirectory(args);
        System.exit(OlistCommandLine.builder().build().execute(args));
    }
}
