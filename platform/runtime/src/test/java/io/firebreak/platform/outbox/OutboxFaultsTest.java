package io.firebreak.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.platform.testapp.Db;
import io.firebreak.platform.testapp.WidgetService;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TcpProxy;
import io.firebreak.testing.TestKafka;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay when the broker refuses: a second, real broker that does not create topics and takes
 * records of at most 20 KB, and a broker address where nothing listens. The app's own relay is paused;
 * each test drives relays it builds itself on the same outbox table.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class OutboxFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = "platform_test.outbox_event";
    private static TestKafka.Extra strict;

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxSender mainSender;
    private final OutboxRelayService appRelay;
    private final WidgetService widgets;
    private final String prefix = "fault-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    OutboxFaultsTest(Pool pool, Vertx vertx, OutboxSender mainSender, OutboxRelayService appRelay, WidgetService widgets) {
        this.pool = pool;
        this.vertx = vertx;
        this.mainSender = mainSender;
        this.appRelay = appRelay;
        this.widgets = widgets;
    }

    @BeforeAll
    static void strictBroker() {
        // Above the producer's batch.size (16 KB), as in any real cluster: a batch of small records always fits,
        // and only a record over the limit is refused (below batch.size the producer would split for ever).
        strict = TestKafka.startExtra(Map.of("message.max.bytes", "20000"));
    }

    @AfterAll
    static void stopStrictBroker() {
        if (strict != null) {
            strict.close();
        }
    }

    @BeforeEach
    void pauseTheAppRelay() {
        appRelay.pause().await().atMost(WAIT);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Collections.reverse(closeAfter);
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        Db.update("delete from " + TABLE + " where partition_key like ?", prefix + "%");
        appRelay.resume();
    }

    @Test
    void aKeyStuckAtTheHeadDoesNotStopTheOtherKeys() {
        String stuck = prefix + "stuck";
        // 250 rows of one key at the head: its first row failed and waits out a backoff, so all are blocked.
        UUID head = insert(TestRun.topic("platform_test"), stuck, "{\"n\":0}", "now() + interval '1 hour'");
        Db.update("update " + TABLE + " set attempts = 1, last_error = 'TimeoutException: leader election' where id = ?", head);
        for (int i = 1; i < 250; i++) {
            insert(TestRun.topic("platform_test"), stuck, "{\"n\":" + i + "}", "now()");
        }
        List<UUID> healthy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            healthy.add(insert(TestRun.topic("platform_test"), prefix + "healthy-" + (i % 4), "{\"n\":" + i + "}", "now()"));
        }
        OutboxRelay relay = relay(mainSender, settings(200, 30, Duration.ofSeconds(10)));

        RelayResult result = relay.relayOnce().await().atMost(WAIT);

        assertThat(result.published()).isEqualTo(20);
        assertThat(sentCount(prefix + "healthy-%")).isEqualTo(20);
        assertThat(sentCount(stuck)).isZero();
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("platform_test"),
                r -> ids(r).containsAll(healthy.stream().map(UUID::toString).toList()), WAIT);
        assertThat(records.stream().filter(r -> stuck.equals(r.key()))).isEmpty();
    }

    @Test
    void aRecordTheBrokerRefusesParksAtOnceAndNothingAfterItInItsKeyIsSentUntilAnOperatorActs() throws Exception {
        String topic = createStrictTopic("too-large");
        String k = prefix + "k";
        String j = prefix + "j";
        UUID k1 = insert(topic, k, "{\"n\":1}", "now()");
        UUID k2 = insert(topic, k, "{\"n\":2,\"blob\":\"" + "x".repeat(40_000) + "\"}", "now()");
        UUID k3 = insert(topic, k, "{\"n\":3}", "now()");
        insert(topic, j, "{\"n\":1}", "now()");
        insert(topic, j, "{\"n\":2}", "now()");
        OutboxRelay relay = relay(strictSender(Duration.ofSeconds(2), Duration.ofSeconds(8)), settings(200, 30, Duration.ofSeconds(10)));

        RelayResult first = relay.relayOnce().await().atMost(WAIT);

        assertThat(first.published()).isEqualTo(3); // k1, j1, j2
        assertThat(first.parked()).isEqualTo(1);    // k2: record too large is permanent
        assertThat(first.released()).isEqualTo(1);  // k3: never sent after k2 failed
        assertThat(state(k2)).isEqualTo("PARKED");
        assertThat(Db.count("select count(*) from " + TABLE + " where id = ? and parked_reason like '%RecordTooLarge%'", k2)).isEqualTo(1);
        assertThat(state(k3)).isEqualTo("PENDING");
        assertThat(Db.count("select attempts from " + TABLE + " where id = ?", k3)).isZero();

        // The parked row holds its key: however often the relay runs, k3 stays.
        relay.relayOnce().await().atMost(WAIT);
        assertThat(state(k3)).isEqualTo("PENDING");
        assertThat(keysOn(topic, strict.bootstrapServers(), 3)).containsExactly(j + ":1", j + ":2", k + ":1");

        // An operator discards k2 (audited); the key flows again, in order, without it.
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType("application/json")
                .body("{\"reason\":\"payload over the broker limit; data re-sent in a smaller event\"}")
                .when().post("/api/v1/platform_test/admin/outbox/parked/" + k2 + "/discard").then().statusCode(204);
        relay.relayOnce().await().atMost(WAIT);

        assertThat(state(k2)).isEqualTo("DISCARDED");
        assertThat(state(k3)).isEqualTo("SENT");
        assertThat(keysOn(topic, strict.bootstrapServers(), 4)).containsExactly(j + ":1", j + ":2", k + ":1", k + ":3");
        given().auth().oauth2(Tokens.as("aud", "auditor")).when().get("/api/v1/platform_test/admin/audit/outbox-admin/records?limit=1000")
                .then().statusCode(200)
                .body("items.content.eventId", hasItem(k2.toString()))
                .body("items.content.actor", hasItem("ada"));
        given().auth().oauth2(Tokens.as("aud", "auditor")).when().get("/api/v1/platform_test/admin/audit/outbox-admin/verification")
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
        assertThat(k1).isNotNull();
    }

    @Test
    void anUnknownTopicCostsOneBoundedWaitPerRunAndParksAfterTheLastAttemptThenARetryPublishesIt() throws Exception {
        String missing = TestRun.namespace() + ".missing-" + UUID.randomUUID().toString().substring(0, 6);
        String present = createStrictTopic("present");
        List<UUID> parkedIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parkedIds.add(insert(missing, prefix + "m" + i, "{\"n\":" + i + "}", "now()"));
        }
        insert(present, prefix + "p", "{\"n\":1}", "now()");
        Duration maxBlock = Duration.ofSeconds(1);
        OutboxRelay relay = relay(strictSender(maxBlock, Duration.ofSeconds(3)), settings(200, 3, Duration.ofSeconds(5)));

        long started = System.nanoTime();
        RelayResult first = relay.relayOnce().await().atMost(WAIT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Eight rows of the missing topic waited for its metadata once, not eight times.
        assertThat(took).isLessThan(maxBlock.multipliedBy(4));
        assertThat(first.published()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(8);
        assertThat(Db.count("select count(*) from " + TABLE + " where topic = ? and attempts = 1 and last_error like '%unavailable%'",
                missing)).isEqualTo(8);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            relay.relayOnce().await().atMost(WAIT);
            return Db.count("select count(*) from " + TABLE + " where topic = ? and parked_at is not null", missing) == 8;
        });
        assertThat(Db.count("select count(*) from " + TABLE + " where topic = ? and attempts = 3", missing)).isEqualTo(8);

        // Operators see them listed and alerted on.
        given().auth().oauth2(Tokens.as("aud", "auditor")).when().get("/api/v1/platform_test/admin/outbox/parked?limit=500")
                .then().statusCode(200).body("items.topic", hasItem(missing)).body("items.reason", hasItem(containsString(missing)));
        await().atMost(WAIT).until(() -> gauge("firebreak_outbox_parked_rows{service=\"platform-test\"}") >= 8);

        // The topic is created; an operator retries each parked row and they are published.
        createStrictTopic(missing.substring(TestRun.namespace().length() + 1));
        for (UUID id : parkedIds) {
            given().auth().oauth2(Tokens.as("ada", "admin")).contentType("application/json")
                    .body("{\"reason\":\"topic created by the platform team\"}")
                    .when().post("/api/v1/platform_test/admin/outbox/parked/" + id + "/retry").then().statusCode(204);
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            relay.relayOnce().await().atMost(WAIT);
            return Db.count("select count(*) from " + TABLE + " where topic = ? and sent_at is not null", missing) == 8;
        });
    }

    @Test
    void aStoppedBrokerBoundsTheRunHoldsNoConnectionMeanwhileAndLosesNothing() throws Exception {
        String topic = TestRun.topic("platform_test");
        String key = prefix + "down";
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(insert(topic, key, "{\"n\":" + i + "}", "now()"));
        }
        int nothingListens;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            nothingListens = s.getLocalPort();
        }
        KafkaOutboxSender down = new KafkaOutboxSender(KafkaOutboxSender.producerConfig("127.0.0.1:" + nothingListens,
                "platform-test-down", Duration.ofSeconds(2), Duration.ofSeconds(3), Map.of()));
        closeAfter.add(down);
        OutboxRelay relay = relay(down, settings(200, 30, Duration.ofSeconds(4)));

        CompletableFuture<RelayResult> run = relay.relayOnce().subscribeAsCompletionStage().toCompletableFuture();
        Thread.sleep(700);
        // While the relay waits for the broker it holds no transaction open (no locks, no pooled connection).
        assertThat(run).isNotDone();
        assertThat(Db.count("select count(*) from pg_stat_activity where state like 'idle in transaction%'"
                + " and query like '%outbox_event%'")).isZero();
        RelayResult result = run.get(10, TimeUnit.SECONDS);

        assertThat(result.failed()).isEqualTo(1); // the first row of the key; the others were released untried
        assertThat(result.released()).isEqualTo(2);
        assertThat(Db.count("select count(*) from " + TABLE + " where partition_key = ? and sent_at is null and lease_owner is null",
                key)).isEqualTo(3);

        // The broker is back: the rows go out, in order.
        Db.update("update " + TABLE + " set next_attempt_at = now() where partition_key = ?", key);
        relay(mainSender, settings(200, 30, Duration.ofSeconds(10))).relayOnce().await().atMost(WAIT);
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(topic,
                r -> ids(r).contains(ids.get(2).toString()), WAIT);
        assertThat(records.stream().filter(r -> key.equals(r.key())).map(r -> TestKafkaClient.header(r, "ce_id")).toList())
                .containsExactly(ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString());
    }

    @Test
    void aRelayThatLosesItsDatabaseBetweenSendAndMarkHasItsRowsRepublishedAfterTheLeaseAndConsumedOnce() throws Throwable {
        String key = prefix + "crash";
        TcpProxy proxy = TcpProxy.to("127.0.0.1", TestPostgres.port()).accept();
        closeAfter.add(proxy);
        Pool viaProxy = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(proxy.port()).setDatabase(TestPostgres.DATABASE)
                        .setUser(TestPostgres.USER).setPassword(TestPostgres.PASSWORD))
                .using(vertx).build();
        closeAfter.add(() -> viaProxy.close().await().atMost(WAIT));
        AtomicBoolean cutAfterSend = new AtomicBoolean(true);
        OutboxSender dying = row -> mainSender.send(row).invoke(() -> {
            if (cutAfterSend.getAndSet(false)) {
                proxy.refuse(); // the broker has the record; the relay's database is gone before it can mark it
            }
        });
        UUID eventId = VertxContextSupport.subscribeAndAwait(() -> widgets.create(key, "crashy", 0, false));
        RelaySettings settings = new RelaySettings(200, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), 30,
                Duration.ofSeconds(3), Duration.ofMillis(1500));

        Uni<RelayResult> crashed = new OutboxRelay(viaProxy, dying, "platform_test", settings, "dying").relayOnce();
        java.util.concurrent.atomic.AtomicReference<RelayResult> returned = new java.util.concurrent.atomic.AtomicReference<>();
        Throwable lost = org.assertj.core.api.Assertions.catchThrowable(() -> returned.set(crashed.await().atMost(WAIT)));
        // Said in full when it does not fail: this test once saw the dying relay return within 0.14 s (not reproduced since).
        assertThat(lost).as("the dying relay cannot mark: it returned %s; the cut happened: %s; row: %s", returned.get(), !cutAfterSend.get(),
                Db.text("select concat_ws(' ', 'sent', sent_at, 'attempts', attempts, 'lease', lease_owner, lease_until, 'error', last_error) from "
                        + TABLE + " where id = ?", eventId)).isNotNull();
        assertThat(Db.count("select count(*) from " + TABLE + " where id = ? and sent_at is null and lease_owner = 'dying'", eventId))
                .isEqualTo(1);

        // Another relay leaves the row alone while the lease runs, then publishes it again.
        OutboxRelay survivor = new OutboxRelay(pool, mainSender, "platform_test", settings, "survivor");
        assertThat(survivor.relayOnce().await().atMost(WAIT).published()).isZero();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> survivor.relayOnce().await().atMost(WAIT).published() == 1);

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("platform_test"),
                r -> Collections.frequency(ids(r), eventId.toString()) >= 2, WAIT);
        assertThat(Collections.frequency(ids(records), eventId.toString())).isEqualTo(2);
        appRelay.resume();
        UUID marker = VertxContextSupport.subscribeAndAwait(() -> widgets.create(key, "after-crash", 0, false));
        await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.widget_effect where event_id = ?", marker) == 1);
        assertThat(Db.count("select count(*) from platform_test.widget_effect where event_id = ?", eventId)).isEqualTo(1);
    }

    /** The current value of a Prometheus sample, as the service exposes it (NaN when absent). */
    private static double gauge(String sample) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(sample + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    private OutboxRelay relay(OutboxSender sender, RelaySettings settings) {
        return new OutboxRelay(pool, sender, "platform_test", settings, "test-" + UUID.randomUUID());
    }

    private static RelaySettings settings(int batch, int maxAttempts, Duration runTimeout) {
        return new RelaySettings(batch, new Backoff(Duration.ofMillis(10), Duration.ofMillis(20)), maxAttempts,
                runTimeout.multipliedBy(2), runTimeout);
    }

    private KafkaOutboxSender strictSender(Duration maxBlock, Duration deliveryTimeout) {
        KafkaOutboxSender sender = new KafkaOutboxSender(KafkaOutboxSender.producerConfig(strict.bootstrapServers(),
                "platform-test-strict-" + UUID.randomUUID(), maxBlock, deliveryTimeout, Map.of()));
        closeAfter.add(sender);
        return sender;
    }

    private String createStrictTopic(String name) throws Exception {
        String topic = TestRun.namespace() + "." + name;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, strict.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
            // A new topic takes a moment to get its leaders; records sent before that wait out their timeout.
            await().atMost(WAIT).until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        }
        return topic;
    }

    /** {@code key:n} of every record on a topic of the strict broker, grouped by key, each key in arrival order. */
    private static List<String> keysOn(String topic, String bootstrap, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "faults-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (seen.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key() + ":" + r.value().replaceAll(".*\"n\":\\s*(\\d+).*", "$1")));
            }
            // Nothing more arrives: read a little longer.
            long until = System.nanoTime() + Duration.ofMillis(700).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> seen.add(r.key() + ":" + r.value().replaceAll(".*\"n\":\\s*(\\d+).*", "$1")));
            }
        }
        // Grouped by key (a stable sort keeps each key's arrival order, which is what is checked).
        return seen.stream().sorted(java.util.Comparator.comparing(s -> s.substring(0, s.lastIndexOf(':')))).toList();
    }

    private UUID insert(String topic, String key, String payload, String nextAttempt) {
        UUID id = UUID.randomUUID();
        Db.update("insert into " + TABLE + " (id, topic, partition_key, type, source, subject, occurred_at, payload, next_attempt_at)"
                + " values (?, ?, ?, 'io.firebreak.test.fault.v1', '/firebreak/platform_test', ?, now(), cast(? as jsonb), " + nextAttempt + ")",
                id, topic, key, key, payload);
        return id;
    }

    private static long sentCount(String keyPattern) {
        return Db.count("select count(*) from " + TABLE + " where partition_key like ? and sent_at is not null", keyPattern);
    }

    private static String state(UUID id) {
        long sent = Db.count("select count(*) from " + TABLE + " where id = ? and sent_at is not null", id);
        long discarded = Db.count("select count(*) from " + TABLE + " where id = ? and discarded_at is not null", id);
        long parked = Db.count("select count(*) from " + TABLE + " where id = ? and parked_at is not null", id);
        return sent > 0 ? "SENT" : discarded > 0 ? "DISCARDED" : parked > 0 ? "PARKED" : "PENDING";
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TestKafkaClient.header(r, "ce_id")).toList();
    }
}
