package io.firebreak.system.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.CloudEventHeaders;
import io.firebreak.events.EventTypes;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (not run by ./mvnw verify): how fast classification-service processes a backlog of
 * accepted signals (grouping, raw signal storage, classification per group, inbox) — beside the PostgreSQL
 * ceiling for durable single-row inserts measured in the same run. Runs against the local stack
 * (deploy/local/up). The backlog is put on {@code firebreak.signals} exactly as intake writes it (binary
 * CloudEvents keyed by service and dedup key), so the figure is processing alone, not intake. Run:
 * {@code ./mvnw -pl system-tests -am verify -DskipUnitTests -Dit.test=SignalProcessingBenchmark -Dfailsafe.includes=**}{@code /SignalProcessingBenchmark.java}
 */
class SignalProcessingBenchmark {

    private static final String SERVICE_URL = System.getProperty("bench.service", "http://127.0.0.1:8081");
    private static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");
    private static final String KAFKA = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private static final String JDBC = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/firebreak");
    // The local stack's superuser (deploy/local/up): LOCAL DEVELOPMENT ONLY.
    private static final String PG_USER = System.getProperty("bench.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("bench.pg.password", "postgres-local-dev-only");
    private static final String TOPIC = System.getProperty("bench.topic", "firebreak.signals");
    private static final int SIGNALS = Integer.getInteger("bench.signals", 50_000);
    private static final int SERVICES = Integer.getInteger("bench.services", 10);
    private static final int KEYS_PER_SERVICE = Integer.getInteger("bench.keys-per-service", 20);
    private static final int INSERT_THREADS = Integer.getInteger("bench.insert-threads", 3);
    private static final int INSERT_SECONDS = Integer.getInteger("bench.insert-seconds", 10);

    @Test
    void backlogDrainBesideDurableSingleInsertCeiling() throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "# Signal processing benchmark %s%n%n", Instant.now()));
        String prefix = "sigbench-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> services = register(prefix);

        double ceiling = singleInsertCeiling();
        report.append(String.format(Locale.ROOT, "PostgreSQL durable single-row inserts (autocommit, %d connections, %d s): %.0f rows/s%n",
                INSERT_THREADS, INSERT_SECONDS, ceiling));
        System.out.print(report);

        try (Connection db = connect(); PreparedStatement stored = db.prepareStatement(
                "select coalesce(sum(signal_count), 0) from classification.alert_group where service = any(?)")) {
            stored.setArray(1, db.createArrayOf("text", services.toArray()));
            long start = System.nanoTime();
            double produced = produce(services);
            double producedSeconds = (System.nanoTime() - start) / 1e9;
            List<long[]> samples = new ArrayList<>(); // {nanos since start, stored}
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            long count = 0;
            while (count < SIGNALS && System.nanoTime() < deadline) {
                Thread.sleep(200);
                try (ResultSet r = stored.executeQuery()) {
                    r.next();
                    count = r.getLong(1);
                }
                samples.add(new long[] {System.nanoTime() - start, count});
            }
            assertThat(count).as("signals stored").isEqualTo(SIGNALS);
            double total = samples.get(samples.size() - 1)[0] / 1e9;
            double from10 = at(samples, SIGNALS / 10);
            double to90 = at(samples, SIGNALS * 9L / 10);
            report.append(String.format(Locale.ROOT, "backlog: %,d signals, %d services x %d alerts, produced in %.1f s (%.0f records/s, acks=all)%n",
                    SIGNALS, SERVICES, KEYS_PER_SERVICE, producedSeconds, produced));
            report.append(String.format(Locale.ROOT, "all stored after %.1f s from the first record sent: %.0f signals/s overall%n",
                    total, SIGNALS / total));
            report.append(String.format(Locale.ROOT, "steady (10%% -> 90%% stored): %.0f signals/s%n",
                    SIGNALS * 0.8 / (to90 - from10)));
            try (PreparedStatement groups = db.prepareStatement(
                    "select count(*), count(*) filter (where status <> 'RESOLVED') from classification.alert_group where service = any(?)")) {
                groups.setArray(1, db.createArrayOf("text", services.toArray()));
                try (ResultSet r = groups.executeQuery()) {
                    r.next();
                    report.append(String.format(Locale.ROOT, "alert groups: %d (open %d), expected %d%n", r.getLong(1), r.getLong(2),
                            SERVICES * KEYS_PER_SERVICE));
                    assertThat(r.getLong(1)).isEqualTo((long) SERVICES * KEYS_PER_SERVICE);
                }
            }
        }
        String live = given().baseUri(SERVICE_URL).get("/q/health/live").then().extract().asString();
        report.append("classification liveness after the drain: ").append(live.replaceAll("\\s+", " ")).append('\n');
        System.out.print(report);
        Files.writeString(Path.of("target", "signal-processing-benchmark.txt"), report.toString());
        assertThat(live).contains("\"status\": \"UP\"");
    }

    /** The time (s) of the first sample at or above {@code stored}. */
    private static double at(List<long[]> samples, long stored) {
        return samples.stream().filter(s -> s[1] >= stored).findFirst().orElseThrow()[0] / 1e9;
    }

    /** Rows/s of durable (one commit each, synchronous_commit on) single-row inserts of signal-sized rows. */
    private static double singleInsertCeiling() throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.single_insert");
            s.execute("create table bench.single_insert (id uuid primary key, service text not null, dedup_key text not null,"
                    + " payload text not null, received_at timestamptz not null)");
        }
        String payload = new String(new char[600]).replace('\0', 'x');
        ExecutorService pool = Executors.newFixedThreadPool(INSERT_THREADS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(INSERT_SECONDS);
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < INSERT_THREADS; t++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                try (Connection db = connect(); PreparedStatement insert = db.prepareStatement(
                        "insert into bench.single_insert values (?, ?, ?, ?, now())")) {
                    db.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "bench");
                        insert.setString(3, "key-" + (n % 200));
                        insert.setString(4, payload);
                        insert.executeUpdate();
                        n++;
                    }
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> c : counts) {
            total += c.get();
        }
        pool.shutdown();
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("drop table bench.single_insert");
        }
        return total / (double) INSERT_SECONDS;
    }

    /** Sends the backlog, keyed as intake keys it; answers the producer's records/s. */
    private static double produce(List<String> services) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < SIGNALS; i++) {
                String service = services.get(i % services.size());
                String dedup = "alert-" + ((i / services.size()) % KEYS_PER_SERVICE);
                String now = Instant.now().toString();
                String data = "{\"businessService\":\"" + service + "\",\"integrationKeyId\":\"bench\",\"integration\":\"pagerduty:bench\","
                        + "\"action\":\"trigger\",\"dedupKey\":\"" + dedup + "\",\"summary\":\"Latency above SLO on api-" + (i % 50) + "\","
                        + "\"source\":\"prometheus-1\",\"severity\":\"warning\",\"timestamp\":\"" + now + "\",\"component\":\"api\","
                        + "\"group\":\"prod\",\"eventClass\":\"latency\",\"customDetails\":{\"p99_ms\":2300,\"region\":\"eu-west-1\"},"
                        + "\"receivedAt\":\"" + now + "\"}";
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, service + ":" + dedup, data.getBytes(StandardCharsets.UTF_8));
                Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, EventTypes.SIGNAL_RECEIVED,
                                CloudEventHeaders.SOURCE, "/firebreak/classification", CloudEventHeaders.SUBJECT, service + ":" + dedup,
                                CloudEventHeaders.TIME, now, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                        .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                producer.send(record);
            }
            producer.flush();
        }
        return SIGNALS / ((System.nanoTime() - start) / 1e9);
    }

    private static List<String> register(String prefix) {
        String token = given().baseUri(KEYCLOAK).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "firebreak-console", "username", "service-owner",
                        "password", "service-owner-local-dev-only"))
                .post("/realms/firebreak/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        List<String> services = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            String service = prefix + "-" + i;
            given().baseUri(SERVICE_URL).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", service, "tier", 3, "owningTeam", "bench", "owners", List.of("service-owner"),
                            "customerFacing", false, "regulated", false))
                    .post("/api/v1/classification/services").then().statusCode(201);
            services.add(service);
        }
        return services;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(JDBC, PG_USER, PG_PASSWORD);
    }
}
