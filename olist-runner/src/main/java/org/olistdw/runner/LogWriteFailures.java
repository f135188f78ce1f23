package org.olistdw.runner;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the person at the console, once, on the error stream, that the log file cannot be written: its
 * directory cannot be created, the file cannot be opened, or a write failed (a full disk). The logging backend
 * only records such errors in its own status list, which nobody reads; the command itself goes on without its
 * log. Registered by {@link LogConfiguration} as a status listener.
 */
public final class LogWriteFailures implements StatusListener {

    private final PrintStream err;
    private final AtomicBoolean told = new AtomicBoolean();

    /** A listener writing to the process's standard error. */
    public LogWriteFailures() {
        this(System.err);
    }

    LogWriteFailures(PrintStream err) {
        this.err = err;
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.ERROR || !told.compareAndSet(false, true)) {
            return;
        }
        String cause = status.getThrowable() == null ? "" : ": " + Console.oneLine(status.getThrowable());
        err.println("olist: the log cannot be written (" + status.getMessage().strip() + cause
                + "); the command goes on without it");
        err.flush();
    }

    /** The listener stays when the logging configuration is reloaded. */
    @Override
    public boolean isResetResistant() {
        return true;
    }
}
