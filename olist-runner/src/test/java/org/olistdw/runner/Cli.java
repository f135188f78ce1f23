package org.olistdw.runner;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the runner's {@code olist} command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        return run(OlistCommandLine.builder(), args);
    }

    /** Runs {@code olist run} with an extension following the run, e.g. to act when a step starts. */
    static Cli runWith(RunExtension extension, String... args) {
        return run(OlistCommandLine.builder().runExtension(extension), args);
    }

    /** Runs {@code olist} with a clock fixed at {@code now}: a run's start and as-of time are that instant. */
    static Cli runAt(java.time.Instant now, String... args) {
        return run(OlistCommandLine.builder().clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)), args);
    }

    private static Cli run(OlistCommandLine.Builder builder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = builder.build();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
