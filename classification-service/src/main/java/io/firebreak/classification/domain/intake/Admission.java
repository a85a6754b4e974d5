package io.firebreak.classification.domain.intake;

import io.firebreak.platform.ratelimit.RateLimiter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Admission control for intake as a whole, per replica, before any key lookup: a sustained rate (token bucket)
 * and a bound on requests admitted but not yet answered. Beyond either, intake answers 429 with Retry-After at
 * once, so a storm beyond capacity meets quick refusals (which senders retry) instead of queueing until every
 * answer is late. Sized from the intake benchmark (docs/performance.md); the per-key limit stays in front of it.
 */
public final class Admission {

    private final RateLimiter rate;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Admission(int ratePerSecond, int burst, int maxInFlight, LongSupplier nanoTime) {
        this.rate = new RateLimiter(ratePerSecond, burst, nanoTime);
        this.maxInFlight = maxInFlight;
    }

    /** 0 when admitted — the caller must then {@link #exit()} once answered — else the seconds to wait (≥ 1). */
    public long enter() {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return 1;
        }
        long wait = rate.acquire("intake");
        if (wait > 0) {
            inFlight.decrementAndGet();
        }
        return wait;
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
