package io.firebreak.system.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: a status version published by the Communications Lead → every one of 100 webhook
 * subscribers holds its signed delivery, against the running local stack (comms-service straight, receivers in
 * this JVM answering 204 at once). Beside it, the raw Kafka latency of the same run: publish → the
 * {@code status.published} record seen by a consumer of our own. Versions are published one per interval
 * (open loop: the schedule does not wait for deliveries). Leaves one status-page post so that the status-page
 * benchmark (system-tests/bench/status-page-wrk) reads a page with an incident on it.
 */
class CommsBenchmark {

    private static final String COMMS = System.getProperty("bench.service", "http://127.0.0.1:8083");
    private static final String KAFKA = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 100);
    private static final int VERSIONS = Integer.getInteger("bench.versions", 30);
    private static final long INTERVAL_MS = Long.getLong("bench.interval-ms", 1000);
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern INCIDENT = Pattern.compile("\"incidentId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Test
    void statusPublishedToEveryWebhookSubscriber() throws Exception {
        String lead = OnCallBenchmark.token("comms-lead");
        String run = UUID.randomUUID().toString().substring(0, 6);
        UUID incident = UUID.randomUUID();
        // subscriber index -> version -> arrival (µs since the epoch)
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.createContext("/", exchange -> {
            long at = BenchKafka.micros(Instant.now());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher v = VERSION.matcher(body);
            Matcher i = INCIDENT.matcher(body);
            if (v.find() && i.find() && i.group(1).equals(incident.toString())) {
                arrivals.putIfAbsent(exchange.getRequestURI().getPath() + "#" + v.group(1), at);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.start();
        List<String> subscriptions = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(KAFKA); KafkaConsumer<String, byte[]> consumer = BenchKafka.consumer(KAFKA, "comms-bench-" + run)) {
            for (int s = 0; s < SUBSCRIBERS; s++) {
                subscriptions.add(given().baseUri(COMMS).auth().oauth2(lead).contentType(ContentType.JSON)
                        .body(Map.of("name", "bench " + run + " #" + s, "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/s" + s,
                                "eventTypes", List.of("status.published")))
                        .post("/api/v1/comms/webhooks").then().statusCode(201).extract().path("subscription.id"));
            }
            Instant now = Instant.now();
            BenchKafka.send(producer, "firebreak.classification", "/firebreak/classification", incident.toString(), "io.firebreak.incident.declared.v1",
                    "{\"incidentId\":\"" + incident + "\",\"key\":\"INC-2026-" + (900_000_000L + System.currentTimeMillis() % 99_999_999L)
                            + "\",\"title\":\"Comms benchmark\",\"summary\":\"bench\",\"businessService\":\"bench-comms-" + run
                            + "\",\"priority\":\"P1\",\"detectedAt\":\"" + now + "\",\"declaredAt\":\"" + now + "\",\"declaredBy\":\"bench\","
                            + "\"responsibleTeams\":[],\"drill\":false}");
            BenchKafka.send(producer, "firebreak.response", "/firebreak/response", incident.toString(), "io.firebreak.role.assigned.v1", "{\"incidentId\":\"" + incident
                    + "\",\"incidentKey\":\"INC-bench\",\"assignmentId\":\"" + UUID.randomUUID() + "\",\"role\":\"COMMS_LEAD\",\"person\":\"comms-lead\","
                    + "\"source\":\"MANUAL\",\"proposedBy\":\"bench\",\"proposedAt\":\"" + now + "\",\"acceptedAt\":\"" + now + "\",\"drill\":false}");
            producer.flush();

            consumer.subscribe(List.of("firebreak.comms"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Map<Integer, Long> consumed = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                        Header type = r.headers().lastHeader("ce_type");
                        if (incident.toString().equals(r.key()) && type != null
                                && "io.firebreak.status.published.v1".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            Matcher v = VERSION.matcher(new String(r.value(), StandardCharsets.UTF_8));
                            if (v.find()) {
                                consumed.putIfAbsent(Integer.parseInt(v.group(1)), BenchKafka.micros(Instant.now()));
                            }
                        }
                    }
                }
            });
            reader.start();

            Map<Integer, Long> published = new ConcurrentHashMap<>();
            for (int attempt = 0; attempt < 150 && published.isEmpty(); attempt++) { // until comms knows the incident and its lead
                long t0 = BenchKafka.micros(Instant.now());
                if (publish(lead, incident, 1) == 201) {
                    published.put(1, t0);
                } else {
                    Thread.sleep(200);
                }
            }
            long next = System.nanoTime();
            for (int version = 2; version <= VERSIONS; version++) {
                next += INTERVAL_MS * 1_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                long t0 = BenchKafka.micros(Instant.now());
                if (publish(lead, incident, version) != 201) {
                    throw new IllegalStateException("publishing v" + version + " failed");
                }
                published.put(version, t0);
            }
            int expected = published.size() * SUBSCRIBERS;
            int stalled = 0;
            int seen = -1;
            while (arrivals.size() < expected && stalled < 30) { // give up after 30 s without progress
                Thread.sleep(1_000);
                stalled = arrivals.size() == seen ? stalled + 1 : 0;
                seen = arrivals.size();
            }
            stop.set(true);
            reader.join();

            List<Double> each = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            List<Double> kafka = new ArrayList<>();
            for (Map.Entry<Integer, Long> p : published.entrySet()) {
                long last = 0;
                int got = 0;
                for (int s = 0; s < SUBSCRIBERS; s++) {
                    Long at = arrivals.get("/s" + s + "#" + p.getKey());
                    if (at != null) {
                        each.add((at - p.getValue()) / 1000.0);
                        last = Math.max(last, at);
                        got++;
                    }
                }
                if (got == SUBSCRIBERS) {
                    all.add((last - p.getValue()) / 1000.0);
                }
                Long k = consumed.get(p.getKey());
                if (k != null) {
                    kafka.add((k - p.getValue()) / 1000.0);
                }
            }
            Collections.sort(each);
            Collections.sort(all);
            Collections.sort(kafka);
            String report = String.format(Locale.ROOT, "# Comms benchmark %s%n%d status versions, one per %d ms, to %d webhook subscribers (signed,"
                            + " receivers in the benchmark JVM)%n"
                            + "publish -> a subscriber holds the delivery: %d of %d delivered; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                            + "publish -> all %d subscribers hold it: %d versions complete; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                            + "publish -> status.published consumed from Kafka: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    Instant.now(), published.size(), INTERVAL_MS, SUBSCRIBERS, each.size(), expected, BenchKafka.pct(each, 50), BenchKafka.pct(each, 99), BenchKafka.max(each),
                    SUBSCRIBERS, all.size(), BenchKafka.pct(all, 50), BenchKafka.pct(all, 99), BenchKafka.max(all), BenchKafka.pct(kafka, 50), BenchKafka.pct(kafka, 99), BenchKafka.max(kafka));
            Files.writeString(Path.of("target/comms-benchmark.txt"), report);
            System.out.println(report);

            // One status-page post, so the status page has an incident on it for the status-page benchmark.
            Instant drafted = Instant.now().minusSeconds(60);
            given().baseUri(COMMS).auth().oauth2(OnCallBenchmark.token("comms-lead")).contentType(ContentType.JSON).body(Map.of("kind", "STATUS_PAGE_POST", "audience", "public",
                            "channel", "status page", "text", "We are investigating elevated error rates at checkout.", "headline", "Checkout errors",
                            "statusVersion", VERSIONS, "draftedAt", drafted.toString()))
                    .post("/api/v1/comms/incidents/" + incident + "/external-communications").then().statusCode(201);
        } finally {
            // A fresh token (the first may have expired during the run); ending a subscription cancels what is pending to it.
            String cleanup = OnCallBenchmark.token("comms-lead");
            for (String id : subscriptions) {
                given().baseUri(COMMS).auth().oauth2(cleanup).delete("/api/v1/comms/webhooks/" + id).then().statusCode(204);
            }
            receiver.stop(0);
        }
    }

    private static int publish(String lead, UUID incident, int version) {
        return given().baseUri(COMMS).auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("state", version == 1 ? "INVESTIGATING" : "IDENTIFIED", "impact", "Checkout errors, update " + version,
                        "affectedServices", List.of("checkout")))
                .post("/api/v1/comms/incidents/" + incident + "/status").then().extract().statusCode();
    }
}
