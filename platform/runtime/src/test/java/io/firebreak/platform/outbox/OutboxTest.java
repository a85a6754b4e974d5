package io.firebreak.platform.outbox;

import static io.firebreak.platform.testapp.OwnThread.async;
import static io.firebreak.testing.TestKafkaClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.testapp.Db;
import io.firebreak.platform.testapp.WidgetCreated;
import io.firebreak.platform.testapp.WidgetService;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = TestRun.topic("platform_test");

    private final WidgetService widgets;
    private final OutboxSender sender;
    private final OutboxRelayService relayService;
    private final Pool pool;
    private final ObjectMapper mapper;

    OutboxTest(WidgetService widgets, OutboxSender sender, OutboxRelayService relayService, Pool pool, ObjectMapper mapper) {
        this.widgets = widgets;
        this.sender = sender;
        this.relayService = relayService;
        this.pool = pool;
        this.mapper = mapper;
    }

    @Test
    void committedEventIsPublishedOnceAsBinaryCloudEvent() throws Throwable {
        String key = "incident-" + UUID.randomUUID();
        UUID eventId = create(key, "first", 0, false);
        UUID markerId = create(key, "marker", 0, false);

        // The marker shares the key, so the partition, and comes after: once it is read, every copy of the first is too.
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(markerId.toString()), WAIT);

        List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> eventId.toString().equals(header(r, "ce_id"))).toList();
        assertThat(mine).hasSize(1);
        ConsumerRecord<String, byte[]> record = mine.get(0);
        assertThat(record.key()).isEqualTo(key);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(WidgetCreated.TYPE);
        assertThat(header(record, "ce_source")).isEqualTo("/firebreak/platform_test");
        assertThat(header(record, "ce_subject")).isEqualTo(key);
        assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        JsonNode data = mapper.readTree(record.value());
        assertThat(data.get("name").asText()).isEqualTo("first");
        await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.outbox_event where id = ? and sent_at is not null", eventId) == 1);
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Throwable {
        String key = "incident-" + UUID.randomUUID();
        assertThatThrownBy(() -> create(key, "doomed", 0, true))
                .hasMessageContaining("business rule failed");
        UUID markerId = create(key, "survivor", 0, false);

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(markerId.toString()), WAIT);

        assertThat(records.stream().filter(r -> key.equals(r.key())).map(TestKafkaClient::value))
                .hasSize(1).allMatch(v -> v.contains("survivor"));
        assertThat(Db.count("select count(*) from platform_test.outbox_event where partition_key = ?", key)).isEqualTo(1);
        assertThat(Db.count("select count(*) from platform_test.widget where name = 'doomed'")).isZero();
    }

    @Test
    void twoWritersOfOneKeyCommittingInReverseOrderReachConsumersInCommitOrder() throws Exception {
        String key = "incident-" + UUID.randomUUID();
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
        // The first writer records its event, then keeps its transaction open.
        CompletableFuture<UUID> first = async(() -> widgets.createHolding(key, "first", releaseFirst));
        await().atMost(WAIT).until(() -> Db.count("select count(*) from pg_locks where locktype = 'advisory' and granted") > 0);
        // The second writer of the same key would commit first: it must wait for the first.
        CompletableFuture<UUID> second = async(() -> widgets.create(key, "second", 0, false));
        Thread.sleep(500);
        assertThat(second).as("second writer waits for the first writer's commit").isNotDone();
        releaseFirst.complete(null);
        UUID secondId = second.get(20, TimeUnit.SECONDS);
        first.get(20, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(secondId.toString()), WAIT);
        List<String> names = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (key.equals(r.key())) {
                names.add(mapper.readTree(r.value()).get("name").asText());
            }
        }
        assertThat(names).containsExactly("first", "second");
    }

    @Test
    void whenTheListenConnectionIsKilledTheRelayListensAgainAndStillWakesOnCommit() throws Throwable {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox relay' }.data.wakeup", org.hamcrest.Matchers.equalTo("listening"));
        // What a database restart or a network cut does to the relay's LISTEN connection.
        String listening = "from pg_stat_activity where query = 'LISTEN firebreak_outbox_platform_test'";
        long before = Db.count("select max(pid) " + listening);
        assertThat(Db.count("select count(pg_terminate_backend(pid)) " + listening)).isEqualTo(1);

        await().atMost(WAIT).until(() -> Db.count("select count(*) " + listening + " and pid <> " + before) == 1);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox relay' }.data.wakeup", org.hamcrest.Matchers.equalTo("listening")));
        // The poll is 1 h here: only a working LISTEN publishes this event promptly.
        String key = "incident-" + UUID.randomUUID();
        UUID id = create(key, "after-reconnect", 0, false);
        TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(id.toString()), WAIT);
    }

    @Test
    void theFirstPurgeRunsSoonAfterStartNotOnlyAfterAnInterval() {
        // purge-delay is 1 s in this app and the interval 1 h: an instance restarted hourly still purges.
        await().atMost(WAIT).until(() -> relayService.purges() >= 1);
    }

    @Test
    void twoRelaysOnOneTableNeverPublishARowTwiceAndKeepPerKeyOrder() throws Exception {
        relayService.pause().await().atMost(WAIT);
        try {
            String prefix = "concurrent-" + UUID.randomUUID() + "-";
            int rows = 300;
            int keys = 10;
            for (int i = 0; i < rows; i++) {
                Db.update("insert into platform_test.outbox_event (id, topic, partition_key, type, source, subject, occurred_at, payload)"
                                + " values (?, ?, ?, 'io.firebreak.test.bulk.v1', '/firebreak/platform_test', ?, now(), cast(? as jsonb))",
                        UUID.randomUUID(), TOPIC, prefix + (i % keys), prefix + (i % keys), "{\"n\":" + i + "}");
            }
            Set<Long> inFlight = ConcurrentHashMap.newKeySet();
            List<String> overlaps = new CopyOnWriteArrayList<>();
            Map<String, List<Long>> publishedBy = new ConcurrentHashMap<>();
            OutboxSender watching = row -> {
                if (!inFlight.add(row.seq())) {
                    overlaps.add("row " + row.seq() + " was being published by two relays at once");
                }
                return sender.send(row).eventually(() -> inFlight.remove(row.seq()));
            };
            RelaySettings settings = new RelaySettings(25, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), 30,
                    Duration.ofSeconds(30), Duration.ofSeconds(10));
            List<OutboxRelay> relays = List.of(
                    new OutboxRelay(pool, recording(watching, "A", publishedBy), "platform_test", settings, "A"),
                    new OutboxRelay(pool, recording(watching, "B", publishedBy), "platform_test", settings, "B"));

            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = new ArrayList<>();
            for (OutboxRelay relay : relays) {
                runs.add(threads.submit(() -> {
                    while (Db.count("select count(*) from platform_test.outbox_event where sent_at is null and partition_key like ?", prefix + "%") > 0) {
                        relay.relayOnce().await().atMost(WAIT);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            threads.shutdown();

            assertThat(overlaps).isEmpty();
            List<Long> all = new ArrayList<>();
            publishedBy.values().forEach(all::addAll);
            assertThat(all).hasSize(rows).doesNotHaveDuplicates();
            assertThat(publishedBy.keySet()).containsExactlyInAnyOrder("A", "B");

            List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC,
                    r -> r.stream().filter(x -> x.key() != null && x.key().startsWith(prefix)).count() >= rows, WAIT);
            Map<String, List<Integer>> orderPerKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.key() != null && r.key().startsWith(prefix)) {
                    orderPerKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(mapper.readTree(r.value()).get("n").asInt());
                }
            }
            assertThat(orderPerKey).hasSize(keys);
            orderPerKey.forEach((k, ns) -> assertThat(ns).as("order of key %s", k).isSorted().doesNotHaveDuplicates());
        } finally {
            relayService.resume();
        }
    }

    @Test
    void aRowWaitsWhileAnOlderRowOfItsKeyIsLockedByAnotherRelayAndTheOtherKeysGoOn() throws Exception {
        relayService.pause().await().atMost(WAIT);
        String prefix = "guard-" + UUID.randomUUID() + "-";
        try {
            long a1 = bulkRow(prefix + "a", 1, null);
            long b1 = bulkRow(prefix + "b", 2, null);
            long a2 = bulkRow(prefix + "a", 3, null);
            Map<String, List<Long>> publishedBy = new ConcurrentHashMap<>();
            OutboxRelay relay = new OutboxRelay(pool, recording(sender, "T", publishedBy), "platform_test", guardSettings(), "T");
            // Another relay's claim transaction holds the key's oldest row: SKIP LOCKED passes it by, and its younger
            // sibling must not overtake it.
            try (java.sql.Connection other = io.firebreak.testing.TestPostgres.connect()) {
                other.setAutoCommit(false);
                try (var lock = other.prepareStatement("select seq from platform_test.outbox_event where seq = ? for update")) {
                    lock.setLong(1, a1);
                    lock.executeQuery().close();
                }
                RelayResult first = relay.relayOnce().await().atMost(WAIT);
                assertThat(publishedBy.getOrDefault("T", List.of())).contains(b1).doesNotContain(a1, a2);
                assertThat(first.held()).as("rows locked but left for the older row's holder").isGreaterThanOrEqualTo(1);
                assertThat(Db.count("select count(*) from platform_test.outbox_event where seq = ? and lease_owner is null and sent_at is null", a2))
                        .as("the held row is not leased").isEqualTo(1);
                other.rollback();
            }
            relay.relayOnce().await().atMost(WAIT);
            assertThat(publishedBy.get("T").stream().filter(seq -> seq == a1 || seq == a2).toList()).containsExactly(a1, a2);
        } finally {
            Db.update("update platform_test.outbox_event set discarded_at = now() where partition_key like ? and sent_at is null", prefix + "%");
            relayService.resume();
        }
    }

    @Test
    void aRowWaitsBehindAnOlderRowOfItsKeyThatIsNotYetDueAndFollowsItWhenItIs() {
        relayService.pause().await().atMost(WAIT);
        String prefix = "due-" + UUID.randomUUID() + "-";
        try {
            long a1 = bulkRow(prefix + "a", 1, "1 hour");
            long a2 = bulkRow(prefix + "a", 2, null);
            long b1 = bulkRow(prefix + "b", 3, null);
            Map<String, List<Long>> publishedBy = new ConcurrentHashMap<>();
            OutboxRelay relay = new OutboxRelay(pool, recording(sender, "T", publishedBy), "platform_test", guardSettings(), "T");

            relay.relayOnce().await().atMost(WAIT);
            assertThat(publishedBy.getOrDefault("T", List.of())).contains(b1).doesNotContain(a1, a2);

            Db.update("update platform_test.outbox_event set next_attempt_at = now() where seq = ?", a1);
            relay.relayOnce().await().atMost(WAIT);
            assertThat(publishedBy.get("T").stream().filter(seq -> seq == a1 || seq == a2).toList()).containsExactly(a1, a2);
        } finally {
            Db.update("update platform_test.outbox_event set discarded_at = now() where partition_key like ? and sent_at is null", prefix + "%");
            relayService.resume();
        }
    }

    @Test
    void aRowWaitsWhileAnOlderRowOfItsKeyIsLeasedByAnotherRelayAndFollowsItOnceSent() {
        relayService.pause().await().atMost(WAIT);
        String prefix = "leased-" + UUID.randomUUID() + "-";
        try {
            long a1 = bulkRow(prefix + "a", 1, null);
            long a2 = bulkRow(prefix + "a", 2, null);
            long b1 = bulkRow(prefix + "b", 3, null);
            // Another relay leased the key's oldest row and is publishing it: no index marks the key as waiting any more
            // (the lease rewrites the row in place), so the claim itself must keep the younger row back.
            Db.update("update platform_test.outbox_event set lease_owner = 'other', lease_until = now() + interval '1 hour' where seq = ?", a1);
            Map<String, List<Long>> publishedBy = new ConcurrentHashMap<>();
            OutboxRelay relay = new OutboxRelay(pool, recording(sender, "T", publishedBy), "platform_test", guardSettings(), "T");

            RelayResult first = relay.relayOnce().await().atMost(WAIT);
            assertThat(publishedBy.getOrDefault("T", List.of())).contains(b1).doesNotContain(a1, a2);
            assertThat(first.held()).as("the younger row is held for the lease holder").isGreaterThanOrEqualTo(1);
            assertThat(Db.count("select count(*) from platform_test.outbox_event where seq = ? and lease_owner is null and sent_at is null", a2))
                    .as("the held row is not leased").isEqualTo(1);

            Db.update("update platform_test.outbox_event set sent_at = now(), lease_owner = null, lease_until = null where seq = ?", a1);
            relay.relayOnce().await().atMost(WAIT);
            assertThat(publishedBy.get("T")).contains(a2).doesNotContain(a1);
        } finally {
            Db.update("update platform_test.outbox_event set discarded_at = now() where partition_key like ? and sent_at is null", prefix + "%");
            relayService.resume();
        }
    }

    @Test
    void leasingARowRewritesItInPlaceWithoutNewIndexEntries() {
        relayService.pause().await().atMost(WAIT);
        String prefix = "in-place-" + UUID.randomUUID() + "-";
        try {
            int rows = 5;
            for (int i = 0; i < rows; i++) {
                bulkRow(prefix + i, i, null);
            }
            long before = hotUpdates();
            Map<String, List<Long>> publishedBy = new ConcurrentHashMap<>();
            OutboxRelay relay = new OutboxRelay(pool, recording(sender, "T", publishedBy), "platform_test", guardSettings(), "T");
            while (publishedBy.getOrDefault("T", List.of()).size() < rows) {
                assertThat(relay.relayOnce().await().atMost(WAIT).published()).as("each run publishes").isPositive();
            }
            // Marking a row sent changes what the open-row indexes read, so only the leases can be in place (HOT):
            // one per row. PostgreSQL reports a backend's counts when it goes idle, within seconds.
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(hotUpdates() - before).as("in-place updates of the outbox table").isGreaterThanOrEqualTo(rows));
        } finally {
            relayService.resume();
        }
    }

    private static long hotUpdates() {
        return Db.count("select n_tup_hot_upd from pg_stat_user_tables where schemaname = 'platform_test' and relname = 'outbox_event'");
    }

    private static RelaySettings guardSettings() {
        return new RelaySettings(500, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), 30, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** A row of the key, due now or after {@code notBefore} (a PostgreSQL interval); its seq. */
    private static long bulkRow(String key, int n, String notBefore) {
        UUID id = UUID.randomUUID();
        Db.update("insert into platform_test.outbox_event (id, topic, partition_key, type, source, subject, occurred_at, payload, next_attempt_at)"
                        + " values (?, ?, ?, 'io.firebreak.test.bulk.v1', '/firebreak/platform_test', ?, now(), cast(? as jsonb),"
                        + " now() + cast(coalesce(?, '0 seconds') as interval))",
                id, TOPIC, key, key, "{\"n\":" + n + "}", notBefore);
        return Long.parseLong(Db.text("select seq from platform_test.outbox_event where id = ?", id));
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePurged() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID unsent = UUID.randomUUID();
        String insert = "insert into platform_test.outbox_event (id, topic, partition_key, type, source, subject, occurred_at, payload, sent_at)"
                + " values (?, 'nowhere', 'k', 't', 's', 'k', now(), '{}', now() - cast(? as interval))";
        Db.update(insert, old, "8 days");
        Db.update(insert, recent, "1 hour");
        // An unpublished row is never purged, however old: it has not reached anyone yet.
        relayService.pause().await().atMost(WAIT);
        try {
            Db.update("insert into platform_test.outbox_event (id, topic, partition_key, type, source, subject, occurred_at, payload, created_at, next_attempt_at)"
                    + " values (?, 'nowhere', 'k', 't', 's', 'k', now(), '{}', now() - interval '30 days', now() + interval '1 day')", unsent);

            assertThat(relayService.purgeSent().await().atMost(WAIT)).isGreaterThanOrEqualTo(1);

            assertThat(Db.count("select count(*) from platform_test.outbox_event where id = ?", old)).isZero();
            assertThat(Db.count("select count(*) from platform_test.outbox_event where id = ?", recent)).isEqualTo(1);
            assertThat(Db.count("select count(*) from platform_test.outbox_event where id = ?", unsent)).isEqualTo(1);
        } finally {
            Db.update("delete from platform_test.outbox_event where id = ?", unsent);
            relayService.resume();
        }
    }

    @Test
    void anEventRecordedToBePublishedAtCommitLeavesAtTheCommitWithoutWaitingForTheRelay() throws Throwable {
        String key = "at-commit-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(relayService::pause); // only the hand-over at commit can publish it now
        try {
            UUID id = createAtCommit(key, "at-commit");

            List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(id.toString()), WAIT);
            List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> id.toString().equals(header(r, "ce_id"))).toList();
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).key()).isEqualTo(key);
            assertThat(header(mine.get(0), "ce_type")).isEqualTo(WidgetCreated.TYPE);
            assertThat(TestKafkaClient.value(mine.get(0))).as("the payload as the row holds it, as a claim would publish it")
                    .isEqualTo(Db.text("select payload::text from platform_test.outbox_event where id = ?", id));
            await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.outbox_event where id = ?"
                    + " and sent_at is not null and lease_owner is null and attempts = 1", id) == 1);
        } finally {
            relayService.resume();
        }
    }

    @Test
    void anEventLeasedAtItsInsertWakesNoRelayWhileAnUnleasedOneDoes() throws Throwable {
        // Published at its commit by the relay it is leased to: a wake-up would only send every relay to claim nothing.
        int heard = io.firebreak.testing.TestPostgres.notificationsDuring(OutboxRelayService.channel("platform_test"), WAIT, () -> {
            createAtCommit("leased-" + UUID.randomUUID(), "leased");
            create("unleased-" + UUID.randomUUID(), "unleased", 0, false);
        });
        assertThat(heard).as("wake-ups for one leased and one unleased insert").isEqualTo(1);
    }

    @Test
    void anEventWhoseSubjectHasAnOlderUnpublishedEventIsLeftToTheRelayAndFollowsIt() throws Throwable {
        String key = "behind-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(relayService::pause);
        UUID newer;
        try {
            create(key, "older", 0, false);
            newer = createAtCommit(key, "newer");
            assertThat(Db.text("select lease_owner from platform_test.outbox_event where id = ?", newer))
                    .as("not leased: the older event of its key goes first").isNull();
            Thread.sleep(500); // a publish at commit would have happened by now
            assertThat(Db.count("select count(*) from platform_test.outbox_event where partition_key = ? and sent_at is null", key))
                    .isEqualTo(2);
        } finally {
            relayService.resume();
        }
        relayService.trigger();
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(newer.toString()), WAIT);
        List<String> names = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (key.equals(r.key())) {
                names.add(mapper.readTree(r.value()).get("name").asText());
            }
        }
        assertThat(names).containsExactly("older", "newer");
    }

    @Test
    void anEventWhoseInstanceDiedBetweenCommitAndPublishIsRelayedOnceItsLeaseEnds() throws Throwable {
        String key = "orphan-" + UUID.randomUUID();
        relayService.dropCommittedPublishes(true);
        UUID id;
        try {
            id = createAtCommit(key, "orphan");
        } finally {
            relayService.dropCommittedPublishes(false);
        }
        assertThat(Db.text("select lease_owner from platform_test.outbox_event where id = ?", id))
                .as("inserted leased to the relay that was to publish it").isEqualTo(relayService.owner());
        relayService.trigger();
        Thread.sleep(500);
        assertThat(Db.count("select count(*) from platform_test.outbox_event where id = ? and sent_at is null", id))
                .as("the lease holds claims off").isEqualTo(1);

        Db.update("update platform_test.outbox_event set lease_until = now() - interval '1 second' where id = ?", id); // it ran out
        relayService.trigger();

        UUID marker = create(key, "marker", 0, false);
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC, r -> ids(r).contains(marker.toString()), WAIT);
        assertThat(records.stream().filter(r -> id.toString().equals(header(r, "ce_id")))).as("relayed once").hasSize(1);
    }

    private UUID createAtCommit(String key, String name) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> io.firebreak.platform.work.AfterCommit.around(
                () -> widgets.createPublishedAtCommit(key, name)));
    }

    /** Service methods with {@code @WithTransaction} need a Vert.x context; the test thread has none. */
    private UUID create(String key, String name, int failTimes, boolean fail) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> widgets.create(key, name, failTimes, fail));
    }

    private static OutboxSender recording(OutboxSender delegate, String name, Map<String, List<Long>> publishedBy) {
        return row -> delegate.send(row).invoke(() -> publishedBy.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(row.seq()));
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, "ce_id")).toList();
    }
}
