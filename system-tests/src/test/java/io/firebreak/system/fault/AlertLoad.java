package io.firebreak.system.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A steady alert load through the gateway: PagerDuty-compatible events at a fixed rate (open loop — the schedule
 * does not wait for answers), round-robin over the alert groups, each answer tallied per group: 202 accepted,
 * 429 refused, anything else (5xx, timeout, a connection the killed instance dropped) unknown — the sender cannot
 * tell whether such an alert was stored, so the accounting allows it either way, and nothing more.
 */
final class AlertLoad {

    /** One alert group: its own business service (tier 2), integration key and dedup key. */
    record Group(int index, String service, String routingKey, String dedupKey) {
    }

    /** What the sender knows of one group's alerts. */
    static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger unknown = new AtomicInteger();
        final AtomicInteger notSent = new AtomicInteger();
    }

    private static final int MAX_IN_FLIGHT = 512;
    private static final int TIMELINE_SECONDS = 3_600;

    private final String gateway;
    private final List<Group> groups;
    private final Tally[] tallies;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong counter = new AtomicLong();
    /** Per second since the start: accepted, and not accepted (refused, unknown, not sent). */
    private final AtomicLongArray acceptedPerSecond = new AtomicLongArray(TIMELINE_SECONDS);
    private final AtomicLongArray failedPerSecond = new AtomicLongArray(TIMELINE_SECONDS);
    private final ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private Instant started;

    AlertLoad(String gateway, List<Group> groups) {
        this.gateway = gateway;
        this.groups = groups;
        this.tallies = new Tally[groups.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
    }

    /** Sends at {@code rate} per second until {@link #stop()}; returns at once. */
    ScheduledExecutorService start(int rate) {
        started = Instant.now();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(this::sendOne, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        return clock;
    }

    void stop() {
        stop.set(true);
    }

    /** Waits for the answers still under way (at most the request timeout). */
    void drain() throws InterruptedException {
        inFlight.tryAcquire(MAX_IN_FLIGHT, 40, TimeUnit.SECONDS);
        inFlight.release(MAX_IN_FLIGHT);
    }

    Instant started() {
        return started;
    }

    Tally tally(int group) {
        return tallies[group];
    }

    long acceptedAt(int second) {
        return acceptedPerSecond.get(second);
    }

    long failedAt(int second) {
        return failedPerSecond.get(second);
    }

    java.util.Map<String, AtomicInteger> errors() {
        return errors;
    }

    private void sendOne() {
        if (stop.get()) {
            return;
        }
        long n = counter.getAndIncrement();
        Group g = groups.get((int) (n % groups.size()));
        Tally t = tallies[g.index()];
        int second = second();
        t.sent.incrementAndGet();
        if (!inFlight.tryAcquire()) {
            t.notSent.incrementAndGet();
            failedPerSecond.incrementAndGet(second);
            return;
        }
        String body = "{\"routing_key\":\"" + g.routingKey() + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + g.dedupKey() + "\","
                + "\"payload\":{\"summary\":\"Fault run: " + g.service() + " failing\",\"source\":\"fault-run\",\"severity\":\"critical\","
                + "\"custom_details\":{\"n\":" + n + "}}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/v2/enqueue")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            try {
                int at = second();
                if (r != null && r.statusCode() == 202) {
                    t.accepted.incrementAndGet();
                    acceptedPerSecond.incrementAndGet(at);
                    return;
                }
                failedPerSecond.incrementAndGet(at);
                if (r != null && r.statusCode() == 429) {
                    t.refused.incrementAndGet();
                } else {
                    t.unknown.incrementAndGet();
                }
                String why = r != null ? "HTTP " + r.statusCode() : e.getClass().getSimpleName();
                errors.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
            } finally {
                inFlight.release();
            }
        });
    }

    private int second() {
        return (int) Math.min(TIMELINE_SECONDS - 1, Duration.between(started, Instant.now()).toSeconds());
    }
}
