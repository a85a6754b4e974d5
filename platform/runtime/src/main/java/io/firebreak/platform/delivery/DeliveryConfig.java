package io.firebreak.platform.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Typed settings of outbound delivery ({@code firebreak.delivery.*}). */
@ConfigMapping(prefix = "firebreak.delivery")
public interface DeliveryConfig {

    /** Schema of the delivery tables; the service's own schema. */
    String schema();

    /** Whether this instance sends (every replica may; they share the work through leases). */
    @WithDefault("true")
    boolean enabled();

    /** Fallback look for due deliveries; commits wake the workers at once through NOTIFY. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed per run; they are sent concurrently. */
    @WithDefault("32")
    int batchSize();

    /** Sends under way at once on this instance; a run claims only what fits below it. */
    @WithDefault("64")
    int maxInFlight();

    /** How long a claimed delivery belongs to its worker before another may take it. */
    @WithDefault("60s")
    Duration lease();

    /** Attempts of a delivery that names none. */
    @WithDefault("8")
    int maxAttempts();

    /** Backoff between attempts: initial × 2^(attempt-1), capped, with ± jitter (a fraction). */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("10m")
    Duration maxBackoff();

    @WithDefault("0.2")
    double jitter();

    /** Longest wait for an HTTP answer or the SMTP server's acceptance. */
    @WithDefault("10s")
    Duration timeout();

    /** Per destination host: open the circuit when this share of the last {@code circuit-volume} calls failed. */
    @WithDefault("0.5")
    double circuitFailureRatio();

    @WithDefault("10")
    int circuitVolume();

    /** How long an open circuit refuses calls before it lets one through. */
    @WithDefault("30s")
    Duration circuitDelay();

    /**
     * Named credentials: the {@code Authorization} header value a delivery that names the credential is
     * sent with (e.g. {@code firebreak.delivery.credentials.twilio=Basic …}), resolved at each attempt and
     * never stored with the delivery.
     */
    Map<String, String> credentials();

    /** How long delivered, dead and cancelled deliveries (and their attempts) are kept. */
    @WithDefault("P30D")
    Duration retention();
}
