package org.olistdw.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.olistdw.sample.SampleDataGenerator;

/** Source files for the commands under test, written by the sample generator as {@code olist generate} writes them. */
final class Samples {

    private Samples() {
    }

    /** Writes the nine Olist CSV files of the given scale and seed into {@code dir}, and returns it. */
    static Path generate(double scale, long seed, Path dir) {
        try {
            new SampleDataGenerator(scale, seed).generate(dir, (table, rows, took) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the sample in " + dir, e);
        }
        return dir;
    }
}
