package org.olistdw.tools.bench;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.olistdw.tools.bench.BenchFigures.Startup;

/**
 * Reads where a run process's time went outside its pipeline from the marks of its log ({@code olist.log}, one
 * line per event, each starting with the local time to the millisecond): the embedded PostgreSQL's start and how
 * long it took (so when it began: the JVM has started and the command reached main), else the first line, then
 * the pipeline's start and end.
 */
final class RunLogMarks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Pattern POSTGRES_STARTED = Pattern.compile("embedded PostgreSQL on .* started in (\\d+) ms");
    private static final Pattern RUN_STARTED = Pattern.compile(" - run \\d+ started: ");
    private static final Pattern RUN_ENDED = Pattern.compile(" - run \\d+ (succeeded|failed) in \\d+ ms");

    private RunLogMarks() {
    }

    /**
     * The breakdown of one run's time.
     *
     * @param lines      the run's log, in order
     * @param launchedAt when the process was launched, epoch milliseconds
     * @param exitedAt   when it had exited, epoch milliseconds
     */
    static Startup startup(List<String> lines, long launchedAt, long exitedAt) {
        long first = lines.stream().map(RunLogMarks::time).flatMap(Optional::stream).findFirst().orElse(-1L);
        long postgresUp = -1;
        long postgresStart = -1;
        long runStart = -1;
        long runEnd = -1;
        for (String line : lines) {
            Matcher started = POSTGRES_STARTED.matcher(line);
            if (postgresUp < 0 && started.find()) {
                postgresUp = time(line).orElse(-1L);
                postgresStart = Long.parseLong(started.group(1));
            } else if (runStart < 0 && RUN_STARTED.matcher(line).find()) {
                runStart = time(line).orElse(-1L);
            } else if (RUN_ENDED.matcher(line).find()) {
                runEnd = time(line).orElse(-1L);
            }
        }
        long postgresStarting = postgresUp >= 0 ? postgresUp - postgresStart : first;
        return new Startup(between(launchedAt, postgresStarting), postgresStart, between(postgresUp, runStart),
                between(runStart, runEnd), between(runEnd, exitedAt));
    }

    private static long between(long from, long to) {
        return from < 0 || to < 0 || to < from ? -1 : to - from;
    }

    /** The line's time as epoch milliseconds, if it starts with one. */
    private static Optional<Long> time(String line) {
        if (line.length() < 23) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(line.substring(0, 23), TIME).atZone(ZoneId.systemDefault())
                    .toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
