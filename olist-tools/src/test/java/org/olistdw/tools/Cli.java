package org.olistdw.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the distribution's {@code olist} command line in-process and captures what it prints.
 *
 * @param exitCode what the command returned
 * @param out      what it printed on the output stream
 * @param err      what it printed on the error stream
 */
public record Cli(int exitCode, String out, String err) {

    /** Runs the command line with these arguments. */
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Runs the command line with these arguments and those that point it at the test PostgreSQL. */
    public static Cli runOnTestStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestStores.opsArgs()));
        return run(all.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
