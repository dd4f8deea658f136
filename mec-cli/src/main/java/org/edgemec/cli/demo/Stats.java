package org.edgemec.cli.demo;

import java.util.Arrays;
import java.util.List;

/** Transaction times: count, mean, p99 (nearest rank) and max, in milliseconds. */
public record Stats(int count, double meanMs, long p99Ms, long maxMs) {

    public static Stats of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new Stats(0, 0, 0, 0);
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, Arrays.stream(sorted).average().orElse(0), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
