package io.coinsphere.exchangesync.bench;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles and medians of measured values. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(Collection<? extends Number> values) {
        this.sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value with at least {@code p} percent of the values at or below it; NaN when there are none. */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    static double median(List<Double> values) {
        return new Percentiles(values).at(50);
    }
}
