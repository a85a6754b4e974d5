package io.firebreak.metrics.model.rollup;

import java.util.Arrays;

/**
 * Durations in whole seconds, counted in log-linear buckets so that any number of incidents merge into one small
 * summary: below 32 s every second has its own bucket (exact); above, each power of two is split into 16 equal
 * buckets, so a bucket is at most 1/16 of its values wide. A percentile is answered by nearest rank as the middle of
 * the bucket holding that rank: exact below 32 s, within 1/32 (3.1 %) of the true value above. Coarse enough that a
 * rollup of thousands of incidents holds about a hundred buckets per figure, which is what a summary reads.
 * Counts may be negative while deltas are combined (an incident's old contribution subtracted); a stored or answered
 * histogram never is. Stored sparse, as a JSON object of bucket → count. Pure.
 */
public final class LogHistogram {

    static final int SUB_BITS = 4;
    static final int SUBS = 1 << SUB_BITS;
    static final int EXACT = 2 * SUBS;
    private static final int FIRST_EXPONENT = SUB_BITS + 1;
    /** Up to 2^41 s (about 70,000 years); longer durations are counted in the last bucket. */
    static final int MAX_EXPONENT = 41;
    public static final int BUCKETS = EXACT + (MAX_EXPONENT - FIRST_EXPONENT + 1) * SUBS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;

    /** The bucket of a duration in seconds (negative durations, impossible orders, are in the first). */
    public static int bucket(long seconds) {
        if (seconds < EXACT) {
            return (int) Math.max(0, seconds);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(seconds);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (seconds >>> (exponent - SUB_BITS)) - SUBS;
        return EXACT + (exponent - FIRST_EXPONENT) * SUBS + sub;
    }

    /** The smallest duration in the bucket. */
    public static long lowerBound(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        int exponent = FIRST_EXPONENT + (bucket - EXACT) / SUBS;
        int sub = (bucket - EXACT) % SUBS;
        return (long) (SUBS + sub) << (exponent - SUB_BITS);
    }

    /** Adds {@code times} observations of a duration (negative: removes them); sum follows, so the mean stays exact. */
    public void add(long seconds, long times) {
        counts[bucket(seconds)] += times;
        count += times;
        sum += seconds * times;
    }

    public void addAll(LogHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
    }

    /** Adds a stored sparse histogram ({@code {"130": 2, "131": 1}}) and its sum; parsed here, it is read on every query. */
    public void addStored(String json, long storedSum) {
        if (json != null) {
            int i = 0;
            int n = json.length();
            while (i < n) {
                char c = json.charAt(i);
                if (c == '"') {
                    int bucket = 0;
                    i++;
                    while (json.charAt(i) != '"') {
                        bucket = bucket * 10 + (json.charAt(i++) - '0');
                    }
                    i++;
                    while (json.charAt(i) == ':' || json.charAt(i) == ' ') {
                        i++;
                    }
                    boolean negative = json.charAt(i) == '-';
                    if (negative) {
                        i++;
                    }
                    long value = 0;
                    while (i < n && Character.isDigit(json.charAt(i))) {
                        value = value * 10 + (json.charAt(i++) - '0');
                    }
                    value = negative ? -value : value;
                    counts[bucket] += value;
                    count += value;
                } else {
                    i++;
                }
            }
        }
        sum += storedSum;
    }

    /** The sparse JSON form of the non-zero buckets. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append('"').append(i).append("\": ").append(counts[i]);
            }
        }
        return out.append('}').toString();
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    public boolean isZero() {
        return count == 0 && sum == 0 && Arrays.stream(counts).allMatch(c -> c == 0);
    }

    /** The middle of the bucket (its lower bound plus half its width, rounded down). */
    public static long middle(int bucket) {
        long lower = lowerBound(bucket);
        return bucket + 1 >= BUCKETS ? lower : lower + (lowerBound(bucket + 1) - lower - 1) / 2;
    }

    /** The nearest-rank percentile (the ⌈q·n⌉-th smallest) as the middle of its bucket; null when empty. */
    public Long percentile(double q) {
        if (count <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middle(i);
            }
        }
        return middle(BUCKETS - 1);
    }

    /** The mean to a tenth of a second; null when empty. */
    public Double mean() {
        return count <= 0 ? null : Math.round((double) sum / count * 10) / 10.0;
    }
}
