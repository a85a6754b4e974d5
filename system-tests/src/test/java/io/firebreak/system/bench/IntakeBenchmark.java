package io.firebreak.system.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (not run by ./mvnw verify): PagerDuty-compatible intake against the running
 * local stack (deploy/local/up), straight to classification-service, beside the raw Kafka producer
 * rate for the same payloads in the same run. Run:
 * {@code ./mvnw -pl system-tests -am verify -DskipUnitTests -Dit.test=IntakeBenchmark -Dfailsafe.includes=**}{@code /IntakeBenchmark.java}
 */
class IntakeBenchmark {

    private static final String SERVICE_URL = System.getProperty("bench.service", "http://127.0.0.1:8081");
    // Where the set-up (a service, its integration keys) is made: the intake URL unless it cannot take API calls.
    private static final String API_URL = System.getProperty("bench.api", SERVICE_URL);
    private static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");
    private static final String KAFKA = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 96);
    private static final int KEYS = Integer.getInteger("bench.keys", 24);

    @Test
    void intakeThroughputAndLatencyBesideRawKafka() throws Exception {
        List<String> keys = setUp();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "# Intake benchmark %s%n%n", Instant.now()));

        closedLoop(http, keys, 5); // warm-up: JIT, connections, producer metadata
        double sustained = closedLoop(http, keys, SECONDS);
        report.append(String.format(Locale.ROOT, "sustained /v2/enqueue: %.0f events/s (%d in flight, %d s)%n", sustained, CONCURRENCY, SECONDS));
        System.out.println(report);
        for (int rate : new int[] {1_000, 2_500, 5_000, 7_500}) {
            double[] p = fixedRate(http, keys, rate, 15);
            report.append(String.format(Locale.ROOT, "fixed rate %d/s: achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %.0f%n",
                    rate, p[0], p[1], p[2], p[3], p[4]));
            System.out.println(report);
        }
        double raw = rawKafka(SECONDS);
        report.append(String.format(Locale.ROOT, "raw Kafka producer, same payload, acks=all idempotent: %.0f records/s%n", raw));
        System.out.println(report);
        Files.writeString(Path.of("target", "intake-benchmark.txt"), report.toString());
    }

    /**
     * Admission control at and beyond intake's capacity: start the stack with the capacity under test, e.g.
     * {@code FIREBREAK_CLASSIFICATION_JAVA_OPTS="-Dfirebreak.classification.intake.admission.rate-per-second=2500
     * -Dfirebreak.classification.intake.admission.burst=2500" deploy/local/up}, then run this method with
     * {@code -Dbench.capacity=2500}: fixed rates at 1× and 1.5× the capacity (open loop; other multiples with
     * {@code -Dbench.factors=1,1.5,2.5}), accepted and refused separately (report in
     * target/intake-admission-benchmark.txt).
     */
    @Test
    void admissionAtAndBeyondCapacity() throws Exception {
        int capacity = Integer.getInteger("bench.capacity", 2_500);
        List<String> keys = setUp();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        closedLoop(http, keys, 5);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "# Intake admission benchmark %s, capacity %d/s%n%n",
                Instant.now(), capacity));
        for (String f : System.getProperty("bench.factors", "1,1.5").split(",")) {
            double factor = Double.parseDouble(f.trim());
            int rate = (int) (capacity * factor);
            double[] p = fixedRate(http, keys, rate, 15);
            report.append(String.format(Locale.ROOT, "offered %d/s (%.1fx): accepted %.0f/s p50 %.1f ms p99 %.1f ms max %.1f ms;"
                            + " refused (429) %.0f/s p50 %.1f ms p99 %.1f ms; other errors %.0f%n",
                    rate, factor, p[0], p[1], p[2], p[3], p[5], p[6], p[7], p[4]));
            System.out.print(report);
        }
        Files.writeString(Path.of("target", "intake-admission-benchmark.txt"), report.toString());
    }

    private static String body(String key, long n) {
        return "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"dedup_key\":\"bench-" + (n % 5000) + "\","
                + "\"payload\":{\"summary\":\"Latency above SLO on api-" + (n % 50) + "\",\"source\":\"prometheus-1\","
                + "\"severity\":\"warning\",\"component\":\"api\",\"group\":\"prod\",\"class\":\"latency\","
                + "\"custom_details\":{\"p99_ms\":2300,\"region\":\"eu-west-1\"}}}";
    }

    private static HttpRequest request(String key, long n) {
        return HttpRequest.newBuilder(URI.create(SERVICE_URL + "/v2/enqueue")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body(key, n))).build();
    }

    /** Keeps CONCURRENCY requests in flight for the duration; answers accepted events per second. */
    private static double closedLoop(HttpClient http, List<String> keys, int seconds) throws InterruptedException {
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        AtomicLong accepted = new AtomicLong();
        AtomicLong n = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long i = n.incrementAndGet();
            http.sendAsync(request(keys.get((int) (i % keys.size())), i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 202) {
                            accepted.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(CONCURRENCY);
        return accepted.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends at a fixed rate over plain keep-alive sockets, one thread per connection (a lighter client
     * than java.net.http, which cannot pace thousands of requests per second on two shared cores).
     * Latency counts from each request's scheduled time, so a late send is charged to the server
     * (no coordinated omission).
     */
    private static double[] fixedRate(HttpClient unused, List<String> keys, int rate, int seconds) throws Exception {
        int connections = Math.max(8, Math.min(64, rate / 100));
        URI uri = URI.create(SERVICE_URL);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> refusals = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = 1_000_000_000L * connections / rate;
        long start = System.nanoTime() + 50_000_000L;
        long perConnection = (long) rate * seconds / connections;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                java.net.Socket socket = null;
                try {
                    for (long i = 0; i < perConnection; i++) {
                        long scheduled = start + i * intervalNanos + (intervalNanos * id / connections);
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        try {
                            if (socket == null) {
                                socket = new java.net.Socket(uri.getHost(), uri.getPort());
                                socket.setTcpNoDelay(true);
                                socket.setSoTimeout(30_000);
                            }
                            byte[] body = body(keys.get((int) ((i + id) % keys.size())), i * connections + id).getBytes(StandardCharsets.UTF_8);
                            String head = "POST /v2/enqueue HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + body.length + "\r\n\r\n";
                            java.io.OutputStream out = socket.getOutputStream();
                            out.write(head.getBytes(StandardCharsets.US_ASCII));
                            out.write(body);
                            out.flush();
                            Answer answer = readResponse(socket.getInputStream());
                            int status = answer.status();
                            if (answer.close()) {
                                // The server ends the connection after this answer (nginx: keepalive_requests): reconnect
                                // for the next request instead of losing it on a closed socket.
                                socket.close();
                                socket = null;
                            }
                            if (status == 202) {
                                latencies.add(System.nanoTime() - scheduled);
                            } else if (status == 429) {
                                refusals.add(System.nanoTime() - scheduled);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                            socket = null;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Long> refused = new ArrayList<>(refusals);
        Collections.sort(refused);
        return new double[] {latencies.size() / elapsed, pct(sorted, 50), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, errors.get(),
                refused.size() / elapsed, pct(refused, 50), pct(refused, 99)};
    }

    /** Reads one HTTP/1.1 response (status line, headers, Content-Length body); answers the status. */
    private record Answer(int status, boolean close) {
    }

    private static Answer readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        int length = 0;
        boolean close = false;
        boolean first = true;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed");
            }
            if (b == '\n') {
                String l = line.toString().trim();
                line.setLength(0);
                if (first) {
                    status = Integer.parseInt(l.split(" ")[1]);
                    first = false;
                } else if (l.isEmpty()) {
                    break;
                } else if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(l.substring(15).trim());
                } else if (l.regionMatches(true, 0, "connection:", 0, 11)) {
                    close = l.substring(11).trim().equalsIgnoreCase("close");
                }
            } else {
                line.append((char) b);
            }
        }
        in.readNBytes(length);
        return new Answer(status, close);
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** The same CloudEvent-sized payload straight to the broker, with the service's producer settings. */
    private static double rawKafka(int seconds) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        String topic = "firebreak.bench-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] value = body("k".repeat(32), 1).getBytes(StandardCharsets.UTF_8);
        AtomicLong acked = new AtomicLong();
        // Same shape as the signals topic of the local stack (6 partitions); the broker does not auto-create topics.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", value)).get();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            Semaphore inFlight = new Semaphore(CONCURRENCY);
            long i = 0;
            while (System.nanoTime() < end) {
                inFlight.acquire();
                producer.send(new ProducerRecord<>(topic, "checkout:bench-" + (i++ % 5000), value), (m, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            producer.flush();
            return acked.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<String> setUp() {
        String token = given().baseUri(KEYCLOAK).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "firebreak-console", "username", "service-owner",
                        "password", "service-owner-local-dev-only"))
                .post("/realms/firebreak/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String service = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(API_URL).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", service, "tier", 3, "owningTeam", "bench", "owners", List.of("service-owner"),
                        "customerFacing", false, "regulated", false))
                .post("/api/v1/classification/services").then().statusCode(201);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(given().baseUri(API_URL).auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "bench-" + i))
                    .post("/api/v1/classification/services/" + service + "/integration-keys").then().statusCode(201)
                    .extract().path("routingKey"));
        }
        return keys;
    }
}
