package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging every command starts with: what goes to the log file, and in which form. */
class LogConfigurationTest {

    @TempDir
    Path work;

    @Test
    void info_and_above_is_appended_to_olist_log_in_the_directory_given_and_flyway_only_warns() throws Exception {
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("olist.log"), "an earlier command's line\n");
        String before = System.getProperty(OlistCommandLine.LOG_DIR_PROPERTY);
        LoggerContext context = new LoggerContext();
        // what the SLF4J binding gives the context of a real process
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setProperty(OlistCommandLine.LOG_DIR_PROPERTY, logs.toString());
            LogConfiguration.apply(context);
            context.getLogger("org.olistdw.runner.RunCommand").info("run {} started", 7);
            context.getLogger("org.olistdw.runner.RunCommand").debug("not kept");
            context.getLogger("org.flywaydb.core.FlywayExecutor").info("connection properties");
            context.getLogger("org.flywaydb.core.FlywayExecutor").warn("schema is newer");
        } finally {
            context.stop();
            if (before == null) {
                System.clearProperty(OlistCommandLine.LOG_DIR_PROPERTY);
            } else {
                System.setProperty(OlistCommandLine.LOG_DIR_PROPERTY, before);
            }
        }

        List<String> lines = Files.readAllLines(logs.resolve("olist.log"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("an earlier command's line");
        assertThat(lines.get(1)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[[^]]+\\] "
                + "org\\.olistdw\\.runner\\.RunCommand - run 7 started");
        assertThat(lines.get(2)).contains("WARN  ").endsWith(" - schema is newer");
    }

    @Test
    void without_a_directory_given_the_log_goes_under_olist_work() {
        String before = System.getProperty(OlistCommandLine.LOG_DIR_PROPERTY);
        try {
            System.clearProperty(OlistCommandLine.LOG_DIR_PROPERTY);
            assertThat(LogConfiguration.logFile()).isEqualTo(Path.of("olist-work", "logs", "olist.log"));
        } finally {
            if (before != null) {
                System.setProperty(OlistCommandLine.LOG_DIR_PROPERTY, before);
            }
        }
    }
}
