package org.olistdw.runner;

import java.time.Duration;
import java.util.Locale;

/** Formatting shared by the commands' console output, so that every command prints counts, sizes and times alike. */
public final class Console {

    private Console() {
    }

    /** A number with thousands separators, e.g. {@code 99,441}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A duration as seconds with two decimals below a minute, else minutes and seconds. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    /** A byte size in the largest unit that keeps it above one. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    /** The message of an exception on one line, its own message first, then its first differing cause. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (!(e instanceof EnvironmentProblem) && cause != null && cause.getMessage() != null
                && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Cuts text to a width, marking the cut. */
    public static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }
}
