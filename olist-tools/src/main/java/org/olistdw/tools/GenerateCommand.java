package org.olistdw.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.runner.Console;
import org.olistdw.runner.ExitCodes;
import org.olistdw.runner.WorkDirOption;
import org.olistdw.sample.GenerationSummary;
import org.olistdw.sample.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist generate}: writes the nine Olist CSV files with synthetic, realistic data. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the nine Olist CSV files (real names, headers, formats, proportions and quirks) with synthetic data.",
            "Scale 1 is about the size of the published dataset (99,441 orders, ~1.55 M rows). Same seed, same bytes."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--scale", defaultValue = "1.0", paramLabel = "S",
            description = "Size relative to the published dataset, e.g. 0.01, 1, 10 (default: ${DEFAULT-VALUE}).")
    private double scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Random seed; the same seed and scale give byte-identical files (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write the files to (default: <work-dir>/sample).")
    private Path out;

    @Mixin
    private WorkDirOption work;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0) || scale > 1000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--scale must be greater than 0 and at most 1000, was " + scale);
        }
        Path dir = out != null ? out : work.workDir().resolve("sample");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        err.printf("generating scale %s (seed %d) into %s%n", scale, seed, dir.toAbsolutePath());
        err.flush();
        GenerationSummary summary = new SampleDataGenerator(scale, seed).generate(dir, (table, rows, took) -> {
            err.printf("  %-40s %12s rows  %9s%n", table.fileName(), Console.count(rows), Console.duration(took));
            err.flush();
        });
        long total = 0;
        for (Map.Entry<SourceTable, Long> e : summary.rowsPerFile().entrySet()) {
            total += e.getValue();
        }
        outWriter.printf("wrote %s rows in %d files (%s) to %s in %s%n", Console.count(total),
                summary.rowsPerFile().size(), Console.bytes(summary.bytes()), dir.toAbsolutePath(),
                Console.duration(summary.took()));
        outWriter.flush();
        return ExitCodes.OK;
    }
}
