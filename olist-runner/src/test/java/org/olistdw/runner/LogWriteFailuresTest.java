package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log file that cannot be written is said once on standard error, with the reason. */
class LogWriteFailuresTest {

    @TempDir
    Path work;

    @Test
    void the_shipped_configuration_says_once_on_stderr_that_the_log_cannot_be_written() throws Exception {
        Path notADirectory = Files.writeString(work.resolve("logs"), "a file where the log directory should be");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        String before = System.getProperty(OlistCommandLine.LOG_DIR_PROPERTY);
        LoggerContext context = new LoggerContext();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setProperty(OlistCommandLine.LOG_DIR_PROPERTY, notADirectory.toString());
            LogConfiguration.apply(context);
            context.getLogger("test").error("first");
            context.getLogger("test").error("second");
        } finally {
            context.stop();
            System.setErr(err);
            if (before == null) {
                System.clearProperty(OlistCommandLine.LOG_DIR_PROPERTY);
            } else {
                System.setProperty(OlistCommandLine.LOG_DIR_PROPERTY, before);
            }
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().toList()).hasSize(1);
        assertThat(printed).startsWith("olist: the log cannot be written (")
                .contains(notADirectory.resolve("olist.log").toString())
                .contains("the command goes on without it");
    }

    @Test
    void only_errors_are_told_and_only_the_first() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LogWriteFailures listener = new LogWriteFailures(new PrintStream(captured, true, StandardCharsets.UTF_8));

        listener.addStatusEvent(new ch.qos.logback.core.status.WarnStatus("a warning", this));
        listener.addStatusEvent(new ch.qos.logback.core.status.ErrorStatus("IO failure in appender", this,
                new java.io.IOException("No space left on device")));
        listener.addStatusEvent(new ch.qos.logback.core.status.ErrorStatus("another failure", this));

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("olist: the log cannot be written (IO failure"
                + " in appender: No space left on device); the command goes on without it" + System.lineSeparator());
    }
}
