package org.olistdw.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.ScheduledAttempt;
import org.olistdw.pipeline.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert hook of {@code olist schedule}: a command of the user's, run by {@code /bin/sh -c}, that reads the
 * alert as one line of JSON on its standard input ({@link #json}). Its output is appended to a file of its own
 * ({@code <work-dir>/logs/alerts.log}); a command that fails, cannot start or outlasts its timeout is reported on
 * the error stream and in the log, and never stops the scheduler.
 */
final class AlertCommand implements Scheduler.AlertHook {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String command;
    private final int attemptsPerSlot;
    private final Duration timeout;
    private final PrintWriter err;
    private final Path output;

    /**
     * @param command         the shell command
     * @param attemptsPerSlot attempts a slot gets at most, told in each alert
     * @param timeout         how long the command may take before it is killed
     * @param err             where a failing command is reported
     * @param output          the file the command's output and errors are appended to
     */
    AlertCommand(String command, int attemptsPerSlot, Duration timeout, PrintWriter err, Path output) {
        this.command = command;
        this.attemptsPerSlot = attemptsPerSlot;
        this.timeout = timeout;
        this.err = err;
        this.output = output;
    }

    @Override
    public void alert(ScheduledAttempt attempt) {
        String line = json(attempt, attemptsPerSlot);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.debug("the alert command closed its input early", e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                problem("the alert command did not finish within " + timeout.toSeconds() + " s and was killed");
                return;
            }
            if (process.exitValue() != 0) {
                problem("the alert command exited with " + process.exitValue() + "; its output is in " + output);
            } else {
                LOG.info("alert {} sent by the alert command", attempt.alert().map(ScheduledAttempt.Alert::code)
                        .orElse("?"));
            }
        } catch (IOException e) {
            problem("cannot run the alert command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem("interrupted while the alert command ran");
        }
    }

    private void problem(String message) {
        LOG.error("{} ({})", message, command);
        err.println("olist: " + message);
        err.flush();
    }

    /**
     * The alert as one line of JSON: {@code event} ({@code failure} or {@code recovery}), {@code schedule},
     * {@code warehouse}, {@code slot} (when the run was due), {@code attempt} and {@code attempts} (its number and
     * the most a slot gets), {@code run} (null when no run started), {@code status} ({@code success} or
     * {@code failed}), {@code exit_code}, {@code message}, {@code started_at}, {@code completed_at}; times in
     * ISO-8601 UTC.
     */
    static String json(ScheduledAttempt attempt, int attemptsPerSlot) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", attempt.alert().map(ScheduledAttempt.Alert::code).orElse(null));
        fields.put("schedule", attempt.schedule());
        fields.put("warehouse", attempt.warehouse());
        fields.put("slot", attempt.slot().toString());
        fields.put("attempt", attempt.attempt());
        fields.put("attempts", attemptsPerSlot);
        fields.put("run", attempt.run().map(RunId::value).orElse(null));
        fields.put("status", attempt.succeeded() ? "success" : "failed");
        fields.put("exit_code", attempt.exitCode());
        fields.put("message", attempt.message());
        fields.put("started_at", attempt.startedAt().toString());
        fields.put("completed_at", attempt.completedAt().toString());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alert as JSON", e);
        }
    }
}
