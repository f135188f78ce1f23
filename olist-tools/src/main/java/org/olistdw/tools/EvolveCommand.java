package org.olistdw.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.runner.Console;
import org.olistdw.runner.ExitCodes;
import org.olistdw.sample.SourceChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist evolve}: writes the next state of a source directory, as the marketplace moves on between runs. */
@Command(name = "evolve",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the next state of a directory of the nine source files, as a marketplace moves on between two"
                    + " runs: new orders (with items, payments, reviews and customers; some from returning or"
                    + " moving buyers), shipped orders delivered, open ones canceled, late and edited reviews."
                    + " Nothing is deleted; products, sellers, geolocation and translation are copied byte for"
                    + " byte. Same source, percentages and seed, same bytes."})
final class EvolveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The directory of the nine files.")
    private Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write the changed files to (not --from).")
    private Path out;

    @Option(names = "--new-orders", defaultValue = "1", paramLabel = "PERCENT",
            description = "New orders, as a percentage of the orders in --from (default: ${DEFAULT-VALUE}).")
    private double newOrders;

    @Option(names = "--changed-orders", defaultValue = "1", paramLabel = "PERCENT",
            description = "Old orders that change, as a percentage of the orders in --from (default: ${DEFAULT-VALUE}).")
    private double changedOrders;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        SourceChanges.Plan plan;
        try {
            plan = new SourceChanges.Plan(newOrders, changedOrders, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (SourceTable table : SourceTable.values()) {
            if (!Files.isRegularFile(from.resolve(table.fileName()))) {
                throw new ParameterException(spec.commandLine(), "--from: missing source file " + table.fileName()
                        + " in " + from);
            }
        }
        if (Files.exists(out) && Files.isSameFile(from, out)) {
            throw new ParameterException(spec.commandLine(), "--out must be another directory than --from");
        }
        long started = System.nanoTime();
        SourceChanges.Summary summary = SourceChanges.apply(from, out, plan);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("wrote %s to %s in %s: %s new orders (%s by returning buyers, %s of them moved), %s delivered,"
                        + " %s canceled, %s reviews added, %s edited%n",
                from.toAbsolutePath(), out.toAbsolutePath(), Console.duration(took),
                Console.count(summary.newOrders()), Console.count(summary.repeatBuyers() + summary.moves()),
                Console.count(summary.moves()), Console.count(summary.delivered()), Console.count(summary.canceled()),
                Console.count(summary.reviewsAdded()), Console.count(summary.reviewsEdited()));
        console.flush();
        return ExitCodes.OK;
    }
}
