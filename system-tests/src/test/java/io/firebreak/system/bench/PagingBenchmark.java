package io.firebreak.system.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: declared → first page handed to the channel (the SMTP server accepted the
 * mail), against the running local stack. {@code incident.declared} events (P2, on a service whose
 * team's policy pages the demo responder, who has a verified e-mail) are produced to Kafka at a fixed
 * rate — open loop: the schedule does not wait for answers — and the handover time is read from
 * response's delivery attempts. Beside it, the raw Kafka produce → consume latency of the same records
 * seen by a consumer of our own.
 */
class PagingBenchmark {

    private static final String RESPONSE = System.getProperty("bench.service", "http://127.0.0.1:8082");
    private static final String KAFKA = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private static final String DB = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:15432/firebreak");
    private static final String TOPIC = System.getProperty("bench.topic", "firebreak.classification");
    private static final String RATES = System.getProperty("bench.rates", "10,50,200");
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** webhook (a receiver in this JVM, answering 204 at once) or email (the local SMTP server). */
    private static final String CHANNEL = System.getProperty("bench.channel", "webhook");
    /** false: leave the incidents unacknowledged (to count only what declarations cost, e.g. with pg-statements). */
    private static final boolean ACKNOWLEDGE = Boolean.parseBoolean(System.getProperty("bench.acknowledge", "true"));

    /** Incident keys are unique in real life; random ones would collide over thousands of declarations. */
    private static final java.util.concurrent.atomic.AtomicLong KEYS = new java.util.concurrent.atomic.AtomicLong(
            (System.currentTimeMillis() / 1000 % 100_000) * 100_000_000L);

    /** The services that follow a declaration without paging (their inboxes record each event they processed). */
    private static final List<String> FOLLOWERS = List.of("comms", "change", "review", "metrics");

    /** followers: per follower, ms from the last declaration produced to the last one it processed (-1: not all). */
    record Phase(int rate, List<Double> page, List<Double> kafka, int sent, int paged, Map<String, Long> followers, java.util.Set<String> incidents) {
    }

    @Test
    void declaredToFirstPageAtFixedRates() throws Exception {
        String admin = OnCallBenchmark.token("admin");
        String run = UUID.randomUUID().toString().substring(0, 6);
        String team = "bench-" + run;
        String service = "bench-svc-" + run;
        String pager = "bench-pager-" + run;
        given().baseUri(RESPONSE).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("id", team, "name", team, "manager", "service-owner", "members", List.of(pager)))
                .post("/api/v1/response/teams").then().statusCode(201);
        given().baseUri(RESPONSE).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "bench", "isDefault", true, "levels", List.of(Map.of("targets", List.of(Map.of("type", "PERSON", "ref", pager))))))
                .post("/api/v1/response/teams/" + team + "/escalation-policies").then().statusCode(201);
        // The pager's one verified method, stored directly (verification is not what is measured).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 512);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.start();
        String address = "webhook".equals(CHANNEL) ? "http://127.0.0.1:" + receiver.getAddress().getPort() + "/pager"
                : pager + "@firebreak.local";
        try (Connection c = DriverManager.getConnection(DB, "postgres", "postgres-local-dev-only");
             PreparedStatement s = c.prepareStatement("insert into response.contact_method (id, person, kind, address, signing_secret,"
                     + " verified_at, created_at) values (?, ?, ?, ?, ?, now(), now())")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, pager);
            s.setString(3, "webhook".equals(CHANNEL) ? "WEBHOOK" : "EMAIL");
            s.setString(4, address);
            s.setString(5, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            s.executeUpdate();
        }

        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(KAFKA); KafkaConsumer<String, byte[]> consumer = BenchKafka.consumer(KAFKA, "paging-bench-" + run)) {
            BenchKafka.send(producer, TOPIC, "/firebreak/classification", service, "io.firebreak.service.registered.v1", ("{\"name\":\"" + service + "\",\"tier\":1,\"owningTeam\":\"" + team
                    + "\",\"owners\":[\"service-owner\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"registered\","
                    + "\"changedBy\":\"bench\",\"changedAt\":\"" + Instant.now() + "\"}"));
            for (int i = 0; i < 100 && !given().baseUri(RESPONSE).auth().oauth2(admin).get("/api/v1/response/teams/" + team + "/services")
                    .then().extract().asString().contains(service); i++) {
                Thread.sleep(200);
            }
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Map<String, Long> received = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        received.putIfAbsent(r.key(), BenchKafka.micros(Instant.now()));
                    }
                }
            });
            reader.start();

            List<Phase> phases = new ArrayList<>();
            for (String rate : RATES.split(",")) {
                phases.add(phase(Integer.parseInt(rate.strip()), producer, service, received));
            }
            stop.set(true);
            reader.join();
            if (ACKNOWLEDGE) {
                acknowledge(phases.stream().flatMap(p -> p.incidents().stream()).toList());
            }

            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "# Paging benchmark %s%ndeclared (produced to Kafka) -> first page handed to the channel (%s); open loop, %d s per rate%n",
                    Instant.now(), "webhook".equals(CHANNEL) ? "signed webhook answered 2xx" : "SMTP server accepted the mail", SECONDS));
            for (Phase p : phases) {
                report.append(String.format(Locale.ROOT,
                        "%d/s: %d declared, %d paged; declared -> page handed over p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                                + " Kafka produce -> consume p50 %.1f ms, p99 %.1f ms%n",
                        p.rate(), p.sent(), p.paged(), BenchKafka.pct(p.page(), 50), BenchKafka.pct(p.page(), 99), BenchKafka.max(p.page()), BenchKafka.pct(p.kafka(), 50), BenchKafka.pct(p.kafka(), 99)));
                report.append(String.format(Locale.ROOT, "      followers done (last declaration processed, ms after the last was produced; -1 = not all): %s%n",
                        p.followers()));
            }
            Files.writeString(Path.of("target/paging-benchmark-" + CHANNEL + ".txt"), report.toString());
            System.out.println(report);
        } finally {
            receiver.stop(0);
        }
    }

    private Phase phase(int rate, KafkaProducer<String, byte[]> producer, String service, Map<String, Long> received) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong lastSent = new java.util.concurrent.atomic.AtomicLong();
        int total = rate * SECONDS;
        AtomicInteger count = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            if (count.get() >= total) {
                return;
            }
            count.incrementAndGet();
            UUID incident = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            Instant now = Instant.now();
            sent.put(incident.toString(), BenchKafka.micros(now));
            events.add(event.toString());
            lastSent.set(BenchKafka.micros(now));
            BenchKafka.send(producer, TOPIC, "/firebreak/classification", incident.toString(), "io.firebreak.incident.declared.v1", "{\"incidentId\":\"" + incident + "\",\"key\":\"INC-2026-"
                    + KEYS.incrementAndGet() + "\",\"title\":\"Benchmark\",\"summary\":\"bench\","
                    + "\"businessService\":\"" + service + "\",\"priority\":\"P2\",\"detectedAt\":\"" + now + "\",\"declaredAt\":\"" + now
                    + "\",\"declaredBy\":\"bench\",\"responsibleTeams\":[],\"drill\":false}", event);
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        while (count.get() < total) {
            Thread.sleep(100);
        }
        clock.shutdown();
        clock.awaitTermination(10, TimeUnit.SECONDS);

        Map<String, Long> handed = new java.util.HashMap<>();
        int stalled = 0;
        while (handed.size() < sent.size() && stalled < 15) { // give up after 15 s without progress
            Thread.sleep(1_000);
            int before = handed.size();
            handed = handedOver(sent.keySet());
            stalled = handed.size() == before ? stalled + 1 : 0;
        }
        List<Double> page = new ArrayList<>();
        List<Double> kafka = new ArrayList<>();
        for (Map.Entry<String, Long> s : sent.entrySet()) {
            Long h = handed.get(s.getKey());
            if (h != null) {
                page.add((h - s.getValue()) / 1000.0);
            }
            Long k = received.get(s.getKey());
            if (k != null) {
                kafka.add((k - s.getValue()) / 1000.0);
            }
        }
        Collections.sort(page);
        Collections.sort(kafka);
        return new Phase(rate, page, kafka, sent.size(), page.size(), followersDone(events, lastSent.get()), sent.keySet());
    }

    /**
     * Acknowledges the run's incidents through response's API once everything is measured, as their responder would
     * (left unacknowledged, their escalations fire during a later run and are measured as its load), waiting out the
     * per-caller rate limit; then waits until every service has consumed what the acknowledgements published.
     */
    private static void acknowledge(List<String> incidents) throws Exception {
        String admin = OnCallBenchmark.token("admin");
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        var pool = Executors.newFixedThreadPool(4);
        for (String incident : incidents) {
            pool.execute(() -> {
                for (int attempt = 0; ; attempt++) {
                    var r = given().baseUri(RESPONSE).auth().oauth2(admin).post("/api/v1/response/incidents/" + incident + "/acknowledgement");
                    if (r.statusCode() != 429 || attempt == 50) {
                        answers.merge(r.statusCode(), 1, Integer::sum);
                        return;
                    }
                    try {
                        Thread.sleep(Math.max(200, 1000L * Long.parseLong(r.header("Retry-After") == null ? "1" : r.header("Retry-After"))));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        System.out.printf(Locale.ROOT, "[paging] acknowledged %d incident(s) in %.1f s, answers %s%n", incidents.size(),
                (System.nanoTime() - started) / 1e9, new java.util.TreeMap<>(answers));
        awaitQuiet();
    }

    /** Waits (up to 2 min) until no service's inbox has processed an event for 3 s: the next run starts on a quiet stack. */
    private static void awaitQuiet() throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(DB, "postgres", "postgres-local-dev-only")) {
            while (System.nanoTime() - started < 120_000_000_000L) {
                StringBuilder sql = new StringBuilder("select coalesce(extract(epoch from now() - max(at)), 1e9) from (");
                List<String> all = new ArrayList<>(FOLLOWERS);
                all.add("response");
                for (int i = 0; i < all.size(); i++) {
                    sql.append(i == 0 ? "" : " union all ").append("select max(processed_at) as at from ").append(all.get(i)).append(".inbox_event");
                }
                try (PreparedStatement s = c.prepareStatement(sql.append(") latest").toString()); ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getDouble(1) >= 3) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
        }
        System.out.printf(Locale.ROOT, "[paging] stack quiet after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * When each follower had processed the last of the phase's declarations, from its own inbox, in ms after the
     * last one was produced; waits while they are still catching up (up to 15 s without progress).
     */
    private static Map<String, Long> followersDone(List<String> events, long lastSentMicros) throws Exception {
        Map<String, Long> done = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(DB, "postgres", "postgres-local-dev-only")) {
            java.sql.Array ids = c.createArrayOf("uuid", events.toArray());
            for (String follower : FOLLOWERS) {
                long count = -1;
                int stalled = 0;
                while (stalled < 60) {
                    try (PreparedStatement s = c.prepareStatement("select count(*), floor(extract(epoch from max(processed_at)) * 1000000)::bigint"
                            + " from " + follower + ".inbox_event where consumer = ? and event_id = any(?)")) {
                        s.setString(1, follower + ".classification-events");
                        s.setArray(2, ids);
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            if (r.getLong(1) == events.size()) {
                                done.put(follower, (r.getLong(2) - lastSentMicros) / 1000);
                                break;
                            }
                            stalled = r.getLong(1) == count ? stalled + 1 : 0;
                            count = r.getLong(1);
                        }
                    }
                    Thread.sleep(250);
                }
                done.putIfAbsent(follower, -1L);
            }
        }
        return done;
    }

    /** When each incident's first page was handed to the channel: the end of its first delivered attempt. */
    private static Map<String, Long> handedOver(java.util.Set<String> incidents) throws Exception {
        Map<String, Long> found = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(DB, "postgres", "postgres-local-dev-only");
             // A page delivery's reference is page:<incident>/<page>/<repeat.step>/<method>.
             PreparedStatement s = c.prepareStatement("select split_part(substr(d.reference, 6), '/', 1),"
                     + " floor(extract(epoch from min(a.started_at + a.duration_ms * interval '1 millisecond')) * 1000000)::bigint"
                     + " from response.outbound_delivery d join response.outbound_attempt a on a.delivery_id = d.id and a.outcome = 'DELIVERED'"
                     + " where d.purpose = 'response.page' and split_part(substr(d.reference, 6), '/', 1) = any(?) group by 1")) {
            s.setArray(1, c.createArrayOf("text", incidents.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return found;
    }
}
