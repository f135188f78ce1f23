package org.olistdw.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The runner's {@code olist} command line as a process of its own, for tests that kill it. */
final class OlistProcess {

    private OlistProcess() {
    }

    /**
     * A process that runs {@code olist args} in a JVM of its own, on this JVM's class path, logging under
     * {@code logDir}, without the {@code OLIST_} variables of this process's environment.
     */
    static ProcessBuilder builder(Path logDir, List<String> args) {
        List<String> line = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Dolist.log.dir=" + logDir, "-cp", System.getProperty("java.class.path"),
                OlistProcess.class.getName()));
        line.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().keySet().removeIf(name -> name.startsWith("OLIST_"));
        return builder;
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(OlistCommandLine.execute(args, arguments -> OlistCommandLine.builder().build()));
    }
}
