package io.firebreak.system.fault;

import static io.firebreak.system.bench.BenchKafka.pct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.system.bench.BenchKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * End-to-end latency (docs/performance.md), not a test of ./mvnw verify: run by {@code system-tests/bench/e2e-latency}
 * against the running local stack, through the gateway. At each alert rate an open-loop client sends PagerDuty
 * triggers; once a second (by default) the trigger is the first alert of a fresh tier-1 service — a new group that
 * classification's policy declares an incident for, which response pages by webhook to this run's receiver — and
 * every other trigger repeats one of the already-declared noise groups (load the pipeline must process, but no new
 * incident). Per fresh service: trigger's scheduled send time → {@code incident.declared}'s declaredAt → the first
 * page's arrival at the receiver. Beside it, the raw Kafka hop of the same run: the record timestamp of every record
 * on {@code firebreak.classification} to its consumption here. Settings: {@code e2e.*}.
 */
class EndToEndLatencyRun {

    private static final String GATEWAY = System.getProperty("e2e.gateway", "http://127.0.0.1:8080");
    private static final String KEYCLOAK = System.getProperty("e2e.keycloak", "http://127.0.0.1:8180");
    private static final String KAFKA = System.getProperty("e2e.kafka", "127.0.0.1:19092");
    private static final String DB = System.getProperty("e2e.db", "jdbc:postgresql://127.0.0.1:15432/firebreak");
    private static final List<Integer> RATES = Arrays.stream(System.getProperty("e2e.rates", "50,200,500").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int SECONDS = Integer.getInteger("e2e.seconds", 60);
    private static final int INCIDENTS_PER_SECOND = Integer.getInteger("e2e.incidents-per-second", 1);
    private static final int NOISE_GROUPS = Integer.getInteger("e2e.noise-groups", 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api = new Api(GATEWAY, KEYCLOAK);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Instant> declaredAt = new ConcurrentHashMap<>();
    private final Map<String, String> priorityOf = new ConcurrentHashMap<>();
    private final Map<String, Instant> detectedAt = new ConcurrentHashMap<>();
    private final java.util.Set<String> incidents = ConcurrentHashMap.newKeySet();
    private final List<long[]> kafkaHops = new CopyOnWriteArrayList<>(); // {consumedAtMillis, hopMicros}
    private final java.util.concurrent.CountDownLatch watching = new java.util.concurrent.CountDownLatch(1);

    /** {@code window}: the index of the rate window (e2e.rates may repeat a rate, e.g. to show warm-up, then steady state). */
    private record Sample(int window, String service, Instant sentAt) {
    }

    @Test
    void alertToDeclarationToFirstPageLatencyAtEachRate() throws Exception {
        String run = "e2e" + UUID.randomUUID().toString().substring(0, 4);
        System.out.printf("[e2e] run %s: rates %s alerts/s, %d s each, %d new incident(s)/s, %d noise groups%n",
                run, RATES, SECONDS, INCIDENTS_PER_SECOND, NOISE_GROUPS);
        AtomicBoolean stop = new AtomicBoolean();
        Thread kafka = new Thread(() -> watchKafka(stop), "e2e-kafka");
        try (PageReceiver receiver = new PageReceiver(service -> true)) {
            PagedTeam pagers = new PagedTeam(api, DB, run);
            pagers.create(receiver.url());
            List<AlertLoad.Group> noise = pagers.services(run + "-noise", NOISE_GROUPS, 2, 0);
            int perRate = INCIDENTS_PER_SECOND * SECONDS;
            List<AlertLoad.Group> fresh = pagers.services(run + "-new", perRate * RATES.size(), 1, NOISE_GROUPS);
            pagers.awaitKnown(NOISE_GROUPS + fresh.size());
            kafka.start();
            // A consumer that joins late, from the latest offsets, would miss the first declarations.
            assertThat(watching.await(60, TimeUnit.SECONDS)).as("watching firebreak.classification").isTrue();

            // The noise groups' incidents first, so that their repeats are load and nothing more.
            for (AlertLoad.Group g : noise) {
                send(g).join();
            }
            awaitPaged(receiver, noise.stream().map(AlertLoad.Group::service).toList(), Duration.ofMinutes(3));

            List<Sample> samples = new CopyOnWriteArrayList<>();
            List<long[]> windows = new ArrayList<>();
            Map<Integer, int[]> answers = new ConcurrentHashMap<>();
            int next = 0;
            for (int window = 0; window < RATES.size(); window++) {
                int rate = RATES.get(window);
                long from = System.currentTimeMillis();
                answers.put(window, drive(window, rate, noise, fresh.subList(next, next + perRate), samples));
                windows.add(new long[] {rate, from, System.currentTimeMillis()});
                next += perRate;
                Thread.sleep(5_000);
            }
            awaitPaged(receiver, fresh.stream().map(AlertLoad.Group::service).toList(), Duration.ofMinutes(5));
            stop.set(true);
            kafka.join();

            settleAll();
            String report = report(run, samples, receiver, windows, answers);
            Path out = Path.of("target/e2e-latency.txt");
            Files.writeString(out, report);
            System.out.println(report);
            assertThat(samples).as("fresh services triggered").hasSize(fresh.size());
            assertThat(samples).as("every fresh service's incident declared and paged").allSatisfy(s -> {
                assertThat(declaredAt).containsKey(s.service());
                assertThat(firstPage(receiver, s.service())).isNotNull();
            });
        } finally {
            stop.set(true);
        }
    }

    /** Open loop at {@code rate}/s for SECONDS: every (rate / INCIDENTS_PER_SECOND)-th trigger opens a fresh group. */
    private int[] drive(int window, int rate, List<AlertLoad.Group> noise, List<AlertLoad.Group> fresh, List<Sample> samples) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long total = (long) rate * SECONDS;
        int every = Math.max(1, rate / INCIDENTS_PER_SECOND);
        Instant start = Instant.now();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            long due = Math.min(total, dueBy(Duration.between(start, Instant.now()).toNanos(), rate));
            for (long n = sent.get(); n < due; n = sent.incrementAndGet()) {
                // The scheduled time, not the actual one: a client that falls behind must not hide the wait.
                Instant scheduled = start.plusNanos(n * 1_000_000_000L / rate);
                if (n % every == 0 && n / every < fresh.size()) {
                    // A measured alert is sent until accepted, as a PagerDuty sender retries a 429 or 503: its
                    // latency counts from the first scheduled send, so admission control's refusals show in it.
                    AlertLoad.Group g = fresh.get((int) (n / every));
                    samples.add(new Sample(window, g.service(), scheduled));
                    sendUntilAccepted(g, 20, statuses).whenComplete((status, e) -> (status != null && status == 202 ? accepted : other).incrementAndGet());
                } else {
                    send(noise.get((int) (n % noise.size()))).whenComplete((status, e) -> {
                        statuses.merge(status == null ? -1 : status, 1, Integer::sum);
                        (status != null && status == 202 ? accepted : other).incrementAndGet();
                    });
                }
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        clock.shutdown();
        Thread.sleep(2_000);
        System.out.printf("[e2e] %d alerts/s: %d sent, %d accepted, %d other; answers %s%n", rate, total, accepted.get(), other.get(),
                new java.util.TreeMap<>(statuses));
        return new int[] {(int) total, accepted.get(), other.get()};
    }

    /**
     * How many alerts are due {@code elapsedNanos} into a window at {@code rate}/s: alert n is scheduled at n / rate, so
     * alert 0 is due at once. (Until 2026-12-04 this was elapsed × rate, which sent alert n one interval after its
     * scheduled time and charged the interval to the stack.)
     */
    static long dueBy(long elapsedNanos, int rate) {
        return elapsedNanos * rate / 1_000_000_000L + 1;
    }

    private java.util.concurrent.CompletableFuture<Integer> sendUntilAccepted(AlertLoad.Group g, int tries, Map<Integer, Integer> statuses) {
        return send(g).thenCompose(status -> {
            statuses.merge(status, 1, Integer::sum);
            if (status == 202 || tries <= 1) {
                return java.util.concurrent.CompletableFuture.completedFuture(status);
            }
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> null,
                            java.util.concurrent.CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                    .thenCompose(x -> sendUntilAccepted(g, tries - 1, statuses));
        });
    }

    private java.util.concurrent.CompletableFuture<Integer> send(AlertLoad.Group g) {
        String body = "{\"routing_key\":\"" + g.routingKey() + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + g.dedupKey() + "\","
                + "\"payload\":{\"summary\":\"Latency run: " + g.service() + " failing\",\"source\":\"e2e-latency\",\"severity\":\"critical\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/v2/enqueue")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> r == null ? -1 : r.statusCode());
    }

    /** incident.declared per business service, and every record's produce → consume hop on firebreak.classification. */
    private void watchKafka(AtomicBoolean stop) {
        try (KafkaConsumer<String, byte[]> consumer = BenchKafka.consumer(KAFKA, "e2e-latency-" + UUID.randomUUID())) {
            consumer.subscribe(List.of("firebreak.classification"));
            while (consumer.assignment().isEmpty() && !stop.get()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position); // fixes the starting offsets now, before the run sends
            watching.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    kafkaHops.add(new long[] {now, (now - r.timestamp()) * 1000});
                    var type = r.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).startsWith("io.firebreak.incident.declared")) {
                        try {
                            JsonNode data = JSON.readTree(r.value());
                            JsonNode d = data.has("data") ? data.get("data") : data;
                            incidents.add(d.path("incidentId").asText());
                            declaredAt.putIfAbsent(d.path("businessService").asText(), Instant.parse(d.path("declaredAt").asText()));
                            priorityOf.putIfAbsent(d.path("businessService").asText(), d.path("priority").asText());
                            if (d.hasNonNull("detectedAt")) {
                                detectedAt.putIfAbsent(d.path("businessService").asText(), Instant.parse(d.path("detectedAt").asText()));
                            }
                        } catch (Exception e) {
                            System.out.println("[e2e] unreadable incident.declared: " + e);
                        }
                    }
                }
            }
        }
    }

    /**
     * Settles every incident the run declared once measured, through the gateway, as its responders would: acknowledged,
     * mitigated and resolved. Left open, their escalations and comms' executive timers (a P1 open for 30 min) fire
     * during later runs and are measured as their load.
     */
    private void settleAll() {
        Map<String, Integer> answers = new java.util.TreeMap<>();
        for (String incident : incidents) {
            String path = "/api/v1/response/incidents/" + incident + "/transitions";
            for (Map<String, String> step : List.of(Map.of("action", "ACKNOWLEDGE"), Map.of("action", "MITIGATE", "note", "latency run over"),
                    Map.of("action", "RESOLVE", "resolutionSummary", "latency run over"))) {
                answers.merge(step.get("action") + " " + api.call("admin", "POST", path, step).statusCode(), 1, Integer::sum);
            }
        }
        System.out.printf("[e2e] settled %d incident(s): %s%n", incidents.size(), answers);
    }

    private static Instant firstPage(PageReceiver receiver, String service) {
        return receiver.pages().values().stream().filter(s -> s.businessService().equals(service) && s.level() == 1)
                .map(PageReceiver.Seen::firstAt).min(Instant::compareTo).orElse(null);
    }

    private static void awaitPaged(PageReceiver receiver, List<String> services, Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp) && !services.stream().allMatch(s -> firstPage(receiver, s) != null)) {
            Thread.sleep(1_000);
        }
    }

    private String report(String run, List<Sample> samples, PageReceiver receiver, List<long[]> windows, Map<Integer, int[]> answers) {
        StringBuilder out = new StringBuilder(String.format("End-to-end latency run %s, %s, %d s per rate, %d new incident(s)/s, %d noise groups%n",
                run, Instant.now(), SECONDS, INCIDENTS_PER_SECOND, NOISE_GROUPS));
        out.append("ms: alert (scheduled send) → detected (the signal's receivedAt at intake) → incident.declared's declaredAt → first page at the receiver;"
                + " raw Kafka: record timestamp → consumed here, for every record on firebreak.classification\n\n");
        out.append(String.format("%6s %8s %8s %7s | %9s %9s | %9s %9s %9s | %9s %9s %9s | %9s %9s | %9s %9s %7s%n", "rate", "sent", "202", "other", "det p50", "det p99",
                "decl p50", "decl p99", "decl max", "page p50", "page p99", "page max", "d→p p50", "d→p p99", "kafka p50", "kafka p99", "records"));
        for (int window = 0; window < windows.size(); window++) {
            long[] w = windows.get(window);
            int rate = (int) w[0];
            List<Double> toDeclared = new ArrayList<>();
            List<Double> toPage = new ArrayList<>();
            List<Double> declaredToPage = new ArrayList<>();
            List<Double> toDetected = new ArrayList<>();
            Map<String, Integer> priorities = new java.util.TreeMap<>();
            for (Sample s : samples) {
                if (s.window() != window) {
                    continue;
                }
                Instant declared = declaredAt.get(s.service());
                Instant page = firstPage(receiver, s.service());
                if (declared != null) {
                    toDeclared.add(Duration.between(s.sentAt(), declared).toNanos() / 1e6);
                    priorities.merge(priorityOf.get(s.service()), 1, Integer::sum);
                }
                if (page != null) {
                    toPage.add(Duration.between(s.sentAt(), page).toNanos() / 1e6);
                }
                Instant detected = detectedAt.get(s.service());
                if (detected != null) {
                    toDetected.add(Duration.between(s.sentAt(), detected).toNanos() / 1e6);
                }
                if (declared != null && page != null) {
                    declaredToPage.add(Duration.between(declared, page).toNanos() / 1e6);
                }
            }
            List<Double> hops = kafkaHops.stream().filter(h -> h[0] >= w[1] && h[0] <= w[2] + 30_000).map(h -> h[1] / 1000.0).toList();
            List<Double> sortedHops = new ArrayList<>(hops);
            Collections.sort(toDeclared);
            Collections.sort(toDetected);
            Collections.sort(toPage);
            Collections.sort(declaredToPage);
            Collections.sort(sortedHops);
            int[] a = answers.get(window);
            out.append(String.format("%6d %8d %8d %7d | %9.0f %9.0f | %9.0f %9.0f %9.0f | %9.0f %9.0f %9.0f | %9.0f %9.0f | %9.1f %9.1f %7d   %s%n", rate,
                    a[0], a[1], a[2], pct(toDetected, 50), pct(toDetected, 99), pct(toDeclared, 50), pct(toDeclared, 99), pct(toDeclared, 100),
                    pct(toPage, 50), pct(toPage, 99), pct(toPage, 100), pct(declaredToPage, 50), pct(declaredToPage, 99),
                    pct(sortedHops, 50), pct(sortedHops, 99), sortedHops.size(), "priorities " + priorities));
        }
        return out.toString();
    }
}
