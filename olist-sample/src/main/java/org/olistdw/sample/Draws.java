package org.olistdw.sample;

import java.util.SplittableRandom;

/**
 * Random draws that give the same bits on every JVM and platform: weighted choices over small fixed tables,
 * and a normal distribution computed with {@link StrictMath} (the JDK's {@code nextGaussian} and
 * {@code Math.exp} may differ across versions and CPUs, which would break "same seed, same bytes").
 */
final class Draws {

    private Draws() {
    }

    /** A standard normal value (Box–Muller). */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }

    /** {@code exp(mu + sigma * N(0, 1))}: a log-normal value with median {@code exp(mu)}. */
    static double logNormal(SplittableRandom random, double mu, double sigma) {
        return StrictMath.exp(mu + sigma * gaussian(random));
    }

    /** Cumulative shares of {@code weights}, the last being 1. */
    static double[] cumulative(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] result = new double[weights.length];
        double running = 0;
        int lastPositive = weights.length - 1;
        while (lastPositive > 0 && weights[lastPositive] == 0) {
            lastPositive--;
        }
        for (int k = 0; k < weights.length; k++) {
            running += weights[k];
            // From the last positive weight on, exactly 1: rounding can never select a trailing zero weight.
            result[k] = k >= lastPositive ? 1.0 : running / total;
        }
        return result;
    }

    /** The index whose share contains {@code u} (uniform in [0, 1)); zero-weight entries are never picked. */
    static int pick(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (u < cumulative[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
