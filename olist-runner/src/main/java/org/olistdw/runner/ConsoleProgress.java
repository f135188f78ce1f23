package org.olistdw.runner;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;

/**
 * Shows a run's progress on the error stream: on a terminal, one line that is rewritten as steps start and
 * end, naming the step started last and how many others are running; elsewhere (logs, CI), one line per
 * finished step.
 */
final class ConsoleProgress implements RunListener {

    private final PrintWriter err;
    private final boolean interactive;
    private final Map<String, String> running = new LinkedHashMap<>();
    private int done;
    private int lastWidth;

    ConsoleProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void runStarted(RunId run, int steps) {
        err.println("run " + run + " started");
        err.flush();
    }

    @Override
    public synchronized void stepStarted(StepKind kind, String name) {
        running.put(kind.taskName(name), String.format("%-9s %s", kind.code(), Console.abbreviate(name, 60)));
        if (interactive) {
            show();
        }
    }

    @Override
    public synchronized void stepFinished(StepResult result) {
        done++;
        running.remove(result.kind().taskName(result.name()));
        boolean failed = result.status() == TaskStatus.FAILED;
        if (interactive) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
            if (failed) {
                err.println("  failed: " + result.kind().code() + " " + result.name());
            }
            if (!running.isEmpty()) {
                show();
            }
        } else {
            String rows = result.kind() == StepKind.EXTRACT ? "" : Console.count(result.rows()) + " rows";
            err.printf("  %-9s %-50s %17s %10s%s%n", result.kind().code(), Console.abbreviate(result.name(), 50),
                    rows, Console.duration(result.duration()), failed ? "  FAILED" : "");
        }
        err.flush();
    }

    /** Rewrites the line with the step started last and how many others are running. */
    private void show() {
        String last = running.values().stream().reduce((first, second) -> second).orElse("");
        String line = String.format("  [%3d] %s ...%s", done + 1, last,
                running.size() > 1 ? " (+" + (running.size() - 1) + " running)" : "");
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        err.flush();
    }
}
