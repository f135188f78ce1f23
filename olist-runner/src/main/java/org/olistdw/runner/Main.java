package org.olistdw.runner;

import java.nio.file.Path;

/** Entry point of the {@code olist} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, workDir(args).resolve("logs").toString());
        }
        System.exit(execute(args));
    }

    /** The system property naming the log directory (read by logback.xml). */
    static final String LOG_DIR_PROPERTY = "olist.log.dir";

    /** The working directory the arguments or the environment name, before logging starts. */
    static Path workDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--work-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--work-dir=")) {
                return Path.of(args[i].substring("--work-dir=".length()));
            }
        }
        String env = System.getenv("OLIST_WORK_DIR");
        return Path.of(env == null || env.isBlank() ? WorkDirOption.DEFAULT : env);
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int execute(String... args) {
        return OlistCommand.commandLine().execute(args);
    }
}
