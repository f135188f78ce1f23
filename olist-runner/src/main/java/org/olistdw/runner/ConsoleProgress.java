package org.olistdw.runner;

import java.io.PrintWriter;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.StepResult;

/**
 * Shows a run's progress on the error stream: on a terminal, one line that is rewritten as steps start;
 * elsewhere (logs, CI), one line per finished step.
 */
final class ConsoleProgress implements RunListener {

    private final PrintWriter err;
    private final boolean interactive;
    private int done;
    private int lastWidth;

    ConsoleProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void runStarted(RunId run, int steps) {
        err.println("run " + run + " started");
        err.flush();
    }

    @Override
    public void stepStarted(StepKind kind, String name) {
        if (interactive) {
            String line = String.format("  [%3d] %-9s %s ...", done + 1, kind.code(), Console.abbreviate(name, 60));
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            err.flush();
        }
    }

    @Override
    public void stepFinished(StepResult result) {
        done++;
        boolean failed = result.status() == TaskStatus.FAILED;
        if (interactive) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
            if (failed) {
                err.println("  failed: " + result.kind().code() + " " + result.name());
            }
        } else {
            String rows = result.kind() == StepKind.EXTRACT ? "" : Console.count(result.rows()) + " rows";
            err.printf("  %-9s %-50s %17s %10s%s%n", result.kind().code(), Console.abbreviate(result.name(), 50),
                    rows, Console.duration(result.duration()), failed ? "  FAILED" : "");
        }
        err.flush();
    }
}
