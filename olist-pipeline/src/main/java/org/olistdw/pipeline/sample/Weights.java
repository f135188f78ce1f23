package org.olistdw.pipeline.sample;

/** Weighted choices over small fixed tables: cumulative shares and a binary-search pick. */
final class Weights {

    private Weights() {
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
