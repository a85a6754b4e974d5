package io.firebreak.metrics.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Count, mean, p50 and p90 of durations, in seconds. Percentiles by nearest rank (the ⌈q·n⌉-th smallest value), so
 * every reported figure is a time some incident really took; means hide long tails, so they are never shown alone.
 */
public record Stats(long count, Double meanSeconds, Long p50Seconds, Long p90Seconds) {

    public static final Stats EMPTY = new Stats(0, null, null, null);

    public static Stats of(Collection<Duration> durations) {
        List<Long> seconds = new ArrayList<>();
        for (Duration d : durations) {
            if (d != null) {
                seconds.add(d.toSeconds());
            }
        }
        if (seconds.isEmpty()) {
            return EMPTY;
        }
        seconds.sort(null);
        double mean = seconds.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Stats(seconds.size(), Math.round(mean * 10) / 10.0, rank(seconds, 0.5), rank(seconds, 0.9));
    }

    /** The nearest-rank percentile of sorted values. */
    static long rank(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
