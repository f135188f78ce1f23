package org.olistdw.runner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;

/**
 * The logging of every olist command, set up in code rather than read from an XML file (the XML reader took
 * about 0.1 s of each command's start, before anything else could run; docs/performance.md). Found by logback
 * through {@code META-INF/services}.
 *
 * <ul>
 *   <li>Full detail, INFO and above, goes to {@code olist.log} in the directory named by the system property
 *       {@value OlistCommandLine#LOG_DIR_PROPERTY} (default {@code logs} in the default work directory), appended to; the console
 *       carries only what the commands print themselves (progress, reports, the one-line cause of a failure).</li>
 *   <li>Flyway logs every connection property at INFO; its warnings are enough.</li>
 *   <li>A log that cannot be written (directory, permissions, a full disk) is said once on standard error
 *       ({@link LogWriteFailures}).</li>
 * </ul>
 * A {@code logback-test.xml} on the class path (a test's) takes precedence: this configuration then steps aside.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    /** The layout of a log line. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** The file the log goes to: in the directory the system property names, else in the default work directory. */
    static Path logFile() {
        String dir = System.getProperty(OlistCommandLine.LOG_DIR_PROPERTY);
        return (dir != null ? Path.of(dir) : Path.of(WorkDirOption.DEFAULT, "logs")).resolve("olist.log");
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogConfiguration.class.getClassLoader();
        if (loader != null && loader.getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets the configuration up in {@code context}, whatever else is on the class path. */
    static void apply(LoggerContext context) {
        context.getStatusManager().add(new LogWriteFailures());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logFile().toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();

        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }
}
