package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.olistdw.domain.orchestration.ScheduledAttempt;
import org.olistdw.domain.orchestration.ScheduledAttempts;
import org.olistdw.pipeline.RunReport;
import org.olistdw.pipeline.schedule.RetryPolicy;
import org.olistdw.pipeline.schedule.Schedule;
import org.olistdw.pipeline.schedule.Scheduler;
import org.olistdw.pipeline.schedule.StopSignal;
import org.olistdw.pipeline.source.SourceHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code olist schedule}: keeps running and starts a run at the times given (a cron expression or an interval),
 * retrying a failed run with backoff, recording every attempt in PostgreSQL and calling an alert command when a
 * scheduled run fails for good and when one succeeds after a failure. SIGTERM or SIGINT stops it: a wait ends at
 * once; a run in progress finishes and is recorded first. A second signal ends the process at once; the run it
 * leaves is recorded as cancelled or abandoned by the next command, as for any killed run.
 */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        description = "Keep running and start a run at the times given: a cron expression (--cron \"0 2 * * *\")"
                + " or an interval (--every 6h). A failed run is retried with backoff; runs never overlap (the"
                + " warehouse lock); each attempt is recorded in PostgreSQL (etl_orchestration.scheduled_attempts);"
                + " --alert-command is fed the result as one line of JSON when a scheduled run fails for good and"
                + " when one recovers. SIGTERM or SIGINT stops it after the run in progress; a second signal stops"
                + " it at once. Takes every option of `olist run`.")
final class ScheduleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCommand.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @Spec
    private CommandSpec spec;

    /** When runs are due: exactly one of the two. */
    static final class When {
        @Option(names = "--cron", paramLabel = "EXPRESSION", required = true,
                description = "Five-field cron expression (minute hour day-of-month month day-of-week), e.g."
                        + " \"0 2 * * *\" for 02:00 every day; also @hourly, @daily, @weekly, @monthly.")
        String cron;

        @Option(names = "--every", paramLabel = "DURATION", required = true,
                description = "Fixed interval between runs, e.g. 30m, 6h, 1d (or ISO-8601, PT6H).")
        String every;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private When when;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Time zone the cron expression is read in (default: the system's, ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.timezone}")
    private String timeZone;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Attempts after a failed one, for the same scheduled time (default: ${DEFAULT-VALUE}).")
    private int retries;

    @Option(names = "--backoff", paramLabel = "DURATION", defaultValue = "1m",
            description = "Wait before the first retry; each next wait doubles (default: ${DEFAULT-VALUE}).")
    private String backoff;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "30m",
            description = "Longest wait between retries (default: ${DEFAULT-VALUE}).")
    private String maxBackoff;

    @Option(names = "--alert-command", paramLabel = "COMMAND",
            description = "Shell command run when a scheduled run fails for good (after its retries) and when one"
                    + " succeeds after a failure; it reads the result as one line of JSON on standard input; its"
                    + " output goes to <work-dir>/logs/alerts.log.")
    private String alertCommand;

    @Option(names = "--alert-timeout", paramLabel = "DURATION", defaultValue = "1m",
            description = "How long the alert command may take before it is killed (default: ${DEFAULT-VALUE}).")
    private String alertTimeout;

    @Option(names = "--run-now",
            description = "Start the first run at once instead of at the first scheduled time.")
    private boolean runNow;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N scheduled runs (each with its retries) and exit with the last one's exit"
                    + " code (default: keep running until stopped).")
    private long maxRuns;

    @Mixin
    private RunOptions options;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    @Override
    public Integer call() {
        options.check(spec);
        Schedule schedule = schedule();
        RetryPolicy retryPolicy = retryPolicy();
        if (maxRuns < 0) {
            throw new ParameterException(spec.commandLine(), "--max-runs must be 0 or more, was " + maxRuns);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path workDir = work.workDir;
        Path published = options.published(workDir);
        StopSignal stop = new StopSignal(Clock.systemUTC());
        Scheduler.AlertHook alerts = alertCommand == null || alertCommand.isBlank()
                ? attempt -> LOG.info("alert {} (no --alert-command given)", attempt.alert().orElseThrow().code())
                : new AlertCommand(alertCommand, retryPolicy.attempts(), duration("--alert-timeout", alertTimeout),
                        err, workDir.resolve("logs").resolve("alerts.log"));
        err.println("schedule: " + schedule.describe() + ", " + retryPolicy.retries() + " retries, warehouse "
                + published);
        err.flush();
        Scheduler scheduler = new Scheduler(schedule, retryPolicy, published.toString(),
                (slot, attempt) -> attempt(workDir, published, out, err),
                new ConnectingAttempts(workDir, ops), alerts, new ConsoleListener(err), Clock.systemUTC(), stop);
        Optional<ScheduledAttempt> last;
        try (Signals.Installed signals = Signals.onTermination(stop::stop, err)) {
            last = scheduler.run(maxRuns, runNow);
        }
        if (stop.stopRequested()) {
            err.println("schedule: stopped");
            err.flush();
            return ExitCodes.OK;
        }
        return last.map(ScheduledAttempt::exitCode).orElse(ExitCodes.OK);
    }

    /** One attempt: a whole run with its own connection to the operational store, as {@code olist run} does. */
    private Scheduler.Outcome attempt(Path workDir, Path published, PrintWriter out, PrintWriter err) {
        SourceHashes hashes = RunCommand.hashAhead(options, workDir);
        try (Wiring wiring = Wiring.connectForRun(workDir, ops)) {
            RunReport report = RunCommand.runOnce(wiring, options, workDir, published, out, err, List.of(),
                    Clock.systemUTC(), hashes);
            return new Scheduler.Outcome(Optional.of(report.runId()),
                    report.succeeded() ? ExitCodes.OK : ExitCodes.RUN_FAILED,
                    report.succeeded() ? "run " + report.runId() + " succeeded in " + Console.duration(report.duration())
                            : RunCommand.failureLine(report));
        } catch (RuntimeException e) {
            LOG.error("scheduled run failed", e);
            Optional<EnvironmentProblem> problem = Wiring.environmentProblem(e);
            return new Scheduler.Outcome(Optional.empty(),
                    problem.isPresent() ? ExitCodes.ENVIRONMENT : ExitCodes.RUN_FAILED,
                    Console.oneLine(problem.<Throwable>map(p -> p).orElse(e)));
        }
    }

    private Schedule schedule() {
        if (when.cron != null) {
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone);
            } catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--time-zone: unknown time zone '" + timeZone + "'");
            }
            try {
                return Schedule.cron(when.cron, zone);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--cron: " + e.getMessage());
            }
        }
        Duration interval = duration("--every", when.every);
        try {
            return Schedule.every(interval, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--every: " + e.getMessage());
        }
    }

    private RetryPolicy retryPolicy() {
        try {
            return new RetryPolicy(retries, duration("--backoff", backoff), duration("--max-backoff", maxBackoff));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A duration written {@code 90s}, {@code 5m}, {@code 6h}, {@code 1d}, {@code 500ms} or in ISO-8601 ({@code PT6H}). */
    private Duration duration(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not a duration; write e.g."
                    + " 90s, 5m, 6h, 1d or PT6H");
        }
    }

    /**
     * The attempts' record in the operational store, reached afresh for each call: the scheduler holds no
     * connection (nor the embedded PostgreSQL) between runs, so other commands can use the store meanwhile.
     */
    private record ConnectingAttempts(Path workDir, OpsOptions ops) implements ScheduledAttempts {

        @Override
        public void record(ScheduledAttempt attempt) {
            try (Wiring wiring = Wiring.connect(workDir, ops)) {
                wiring.scheduledAttempts().record(attempt);
            }
        }

        @Override
        public Optional<ScheduledAttempt> latest(String warehouse) {
            try (Wiring wiring = Wiring.connect(workDir, ops)) {
                return wiring.scheduledAttempts().latest(warehouse);
            }
        }

        @Override
        public List<ScheduledAttempt> recent(int limit) {
            try (Wiring wiring = Wiring.connect(workDir, ops)) {
                return wiring.scheduledAttempts().recent(limit);
            }
        }
    }

    /** Tells the console when the next run is due and how each attempt ended. */
    private static final class ConsoleListener implements Scheduler.Listener {
        private final PrintWriter err;

        ConsoleListener(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void waiting(Instant slot) {
            err.println("schedule: next run due at " + slot);
            err.flush();
        }

        @Override
        public void attemptStarted(Instant slot, int attempt) {
            err.println("schedule: run due at " + slot + ", attempt " + attempt);
            err.flush();
        }

        @Override
        public void attemptEnded(ScheduledAttempt attempt, Optional<Instant> retryAt) {
            err.println("schedule: attempt " + attempt.attempt() + " " + (attempt.succeeded() ? "succeeded" : "failed")
                    + " (exit " + attempt.exitCode() + "): " + attempt.message()
                    + attempt.alert().map(alert -> "; alert: " + alert.code()).orElse("")
                    + retryAt.map(at -> "; retry at " + at).orElse(""));
            err.flush();
        }

        @Override
        public void skipped(long skipped, Instant next) {
            err.println("schedule: skipped " + skipped + " runs due while the last one worked; next due at " + next);
            err.flush();
        }
    }
}
