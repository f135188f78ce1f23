package org.olistdw.runner;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The working directory: default home of the warehouse, the embedded PostgreSQL data and the logs. A picocli
 * mixin ({@code @Mixin WorkDirOption work;}) for every command that takes {@code --work-dir}.
 */
public final class WorkDirOption {

    /** The default working directory when neither the option nor the environment names one. */
    static final String DEFAULT = "olist-work";

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${env:OLIST_WORK_DIR:-" + DEFAULT + "}",
            description = "Working directory: warehouse, embedded PostgreSQL data and logs live here "
                    + "(default: $OLIST_WORK_DIR or ./" + DEFAULT + ").")
    Path workDir;

    /** The working directory the command line or the environment named, else {@code ./olist-work}. */
    public Path workDir() {
        return workDir;
    }
}
