package io.firebreak.platform.ratelimit;

import java.util.function.LongSupplier;

/**
 * Token buckets per key (an integration key, a source address, an API caller): a sustained rate with a burst allowance. Per replica (each
 * replica admits the rate), which is what protects that replica; answers how long to wait when full.
 */
public final class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    // Bounded and expiring: buckets keyed by anything a caller controls (a source address) cannot grow the heap.
    private final com.github.benmanes.caffeine.cache.Cache<String, Bucket> buckets = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(100_000).expireAfterAccess(java.time.Duration.ofMinutes(10)).build();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int ratePerSecond, int burst, LongSupplier nanoTime) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /** Takes one token; returns 0 when admitted, else the seconds to wait before a retry can succeed (≥ 1). */
    public long acquire(String key) {
        return take(key, true);
    }

    /** Whether a token is available, without taking it: 0 when one is, else the seconds to wait. */
    public long peek(String key) {
        return take(key, false);
    }

    private long take(String key, boolean consume) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * ratePerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                if (consume) {
                    bucket.tokens -= 1;
                }
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / ratePerNano / 1e9));
        }
    }
}
