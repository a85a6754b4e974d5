package io.firebreak.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.platform.inbox.BatchInbox;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.testapp.Db;
import io.firebreak.platform.testapp.Widget;
import io.firebreak.platform.testapp.WidgetDeadlines;
import io.firebreak.platform.testapp.WidgetDeliveries;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TestReceiver;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's selects find their plan again: run many times, they add no plan to Hibernate's plan cache. Through
 * {@code createNativeQuery} each run added one (Hibernate Reactive's native result mapping has no equals), which filled
 * the cache and made every lookup walk a bin of keys with the same hash. Also: {@link SessionSql} runs in the session's
 * transaction and sees what it persisted.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class QueryPlanReuseTest {

    private static final TestReceiver RECEIVER = new TestReceiver();

    private final Mutiny.SessionFactory sessions;
    private final WidgetDeliveries.Sender sender;
    private final WidgetDeadlines.Scheduler scheduler;
    private final DeadlineFiring firing;
    private final BatchInbox batchInbox;

    QueryPlanReuseTest(Mutiny.SessionFactory sessions, WidgetDeliveries.Sender sender, WidgetDeadlines.Scheduler scheduler,
                       DeadlineFiring firing, BatchInbox batchInbox) {
        this.sessions = sessions;
        this.sender = sender;
        this.scheduler = scheduler;
        this.firing = firing;
        this.batchInbox = batchInbox;
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private int plans() {
        QueryInterpretationCache cache = ((org.hibernate.metamodel.MappingMetamodel) sessions.getMetamodel()).getTypeConfiguration()
                .getSessionFactory().getQueryEngine().getInterpretationCache();
        return cache.getNumberOfCachedQueryPlans();
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    @Test
    void aCountRunThirtyTimesAddsAtMostOnePlan() throws Throwable {
        run(() -> Panache.withSession(() -> sender.pendingWithPrefix("plan-warm-up-")));
        int before = plans();

        for (int i = 0; i < 30; i++) {
            String prefix = "plan-" + i + "-";
            assertThat(run(() -> Panache.withSession(() -> sender.pendingWithPrefix(prefix)))).isZero();
        }

        assertThat(plans() - before).as("plans added by 30 runs of one count").isLessThanOrEqualTo(1);
    }

    @Test
    void deliveriesRecordedOneAfterAnotherReuseThePlansOfTheirRecording() throws Throwable {
        String path = "/plans/" + UUID.randomUUID();
        UUID first = run(() -> sender.enqueue("plans-first" + path, null, OutboundMessage.json(RECEIVER.url(path), "{}"), 3, false));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status(first)));
        int before = plans();

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reference = "plans-" + i + path;
            ids.add(run(() -> sender.enqueue(reference, null, OutboundMessage.json(RECEIVER.url(path), "{}"), 3, false)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> "DELIVERED".equals(status(id))));

        assertThat(plans() - before).as("plans added by recording 20 more deliveries").isLessThanOrEqualTo(2);
    }

    @Test
    void deadlinesFiredRoundAfterRoundAddNoPlans() throws Throwable {
        Instant now = Instant.now();
        String prefix = "plans-" + UUID.randomUUID() + "-";
        run(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, prefix + "warm-up", now.minusSeconds(1), Map.of(), false));
        run(() -> firing.fireDue(now));
        int before = plans();

        for (int i = 0; i < 10; i++) {
            String subject = prefix + i;
            run(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, subject, now.minusSeconds(1), Map.of(), false));
            run(() -> firing.fireDue(now));
        }

        assertThat(Db.count("select count(*) from platform_test.deadline where subject like ? and status = 'FIRED'", prefix + "%"))
                .isEqualTo(11);
        assertThat(plans() - before).as("plans added by 10 rounds of scheduling and firing").isLessThanOrEqualTo(1);
    }

    @Test
    void batchesClaimedOneAfterAnotherInTheInboxAddNoPlans() throws Throwable {
        run(() -> batchInbox.process(events(3), "plans-test", batch -> Uni.createFrom().voidItem()));
        int before = plans();

        int processed = 0;
        for (int i = 0; i < 15; i++) {
            List<CloudEventEnvelope> batch = events(3);
            processed += run(() -> batchInbox.process(batch, "plans-test", b -> Uni.createFrom().voidItem()));
            assertThat(run(() -> batchInbox.process(batch, "plans-test", b -> Uni.createFrom().voidItem())))
                    .as("a batch claimed again").isZero();
        }

        assertThat(processed).isEqualTo(45);
        assertThat(plans() - before).as("plans added by 30 batch claims").isLessThanOrEqualTo(1);
    }

    @Test
    void entitiesSelectedByIdComeInTheStatementsOrderAndAddNoPlans() throws Throwable {
        String name = "ordered-" + UUID.randomUUID();
        // One random high half, low halves 1..3: PostgreSQL's byte order and Java's agree on these.
        long high = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        List<UUID> ids = List.of(new UUID(high, 2), new UUID(high, 1), new UUID(high, 3));
        for (UUID id : ids) {
            Db.update("insert into platform_test.widget (id, name) values (?, ?) on conflict (id) do update set name = excluded.name", id, name);
        }
        String sql = "select id from platform_test.widget where name = :name order by id desc";
        run(() -> Panache.withSession(() -> Panache.getSession().chain(s -> SessionSql.on(s, sql).bind("name", name).entities(Widget.class))));
        int before = plans();

        List<Widget> found = List.of();
        for (int i = 0; i < 20; i++) {
            found = run(() -> Panache.withSession(() -> Panache.getSession().chain(s -> SessionSql.on(s, sql).bind("name", name)
                    .entities(Widget.class))));
        }

        assertThat(found).extracting(w -> w.id).containsExactly(ids.get(2), ids.get(0), ids.get(1));
        assertThat(plans() - before).as("plans added by 20 entity selections").isLessThanOrEqualTo(1);
    }

    @Test
    void aStatementSeesWhatItsTransactionPersistedThroughEntitiesJustBefore() throws Throwable {
        UUID id = UUID.randomUUID();

        long seen = run(() -> Panache.withTransaction(() -> {
            Widget widget = new Widget();
            widget.id = id;
            widget.name = "seen-by-sql";
            return Panache.getSession().chain(s -> s.persist(widget)
                    .chain(() -> SessionSql.on(s, "select count(*) from platform_test.widget where id = :id").bind("id", id).count()));
        }));

        assertThat(seen).isEqualTo(1);
    }

    @Test
    void aStatementIsUndoneWithTheTransactionItRanIn() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> run(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> SessionSql
                .on(s, "insert into platform_test.widget (id, name) values (:id, :name)").bind("id", id).bind("name", "rolled-back")
                .update()
                .invoke(n -> assertThat(n).isEqualTo(1))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the transaction fails after the insert")))))))
                .hasMessageContaining("the transaction fails after the insert");

        assertThat(Db.count("select count(*) from platform_test.widget where id = ?", id)).isZero();
    }

    @Test
    void aParameterLeftUnboundOrOneTheStatementDoesNotNameIsRefused() {
        assertThatThrownBy(() -> run(() -> Panache.withSession(() -> Panache.getSession().chain(s -> SessionSql
                .on(s, "select count(*) from platform_test.widget where id = :id and name = :name").bind("id", UUID.randomUUID())
                .count()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(":name not bound");

        assertThatThrownBy(() -> run(() -> Panache.withSession(() -> Panache.getSession().map(s -> SessionSql
                .on(s, "select count(*) from platform_test.widget where id = :id").bind("ident", UUID.randomUUID())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter :ident");
    }

    /** A caller composing the Uni (recovering, retrying) must see the refusal as its failure, not as a throw while building it. */
    @Test
    void anUnboundParameterFailsTheUniInsteadOfThrowingWhileTheStatementIsBuilt() throws Throwable {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Long answer = run(() -> Panache.withSession(() -> Panache.getSession().chain(s -> {
            Uni<Long> count = SessionSql.on(s, "select count(*) from platform_test.widget where id = :id and name = :name")
                    .bind("id", UUID.randomUUID()).count();
            return count.onFailure().invoke(failure::set).onFailure().recoverWithItem(-1L);
        })));

        assertThat(answer).isEqualTo(-1L);
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining(":name not bound");
    }

    private static List<CloudEventEnvelope> events(int n) {
        List<CloudEventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new CloudEventEnvelope(UUID.randomUUID(), "widget.created", "/plans", "w", Instant.now(), new byte[0]));
        }
        return events;
    }

    private static String status(UUID id) {
        return Db.text("select status from platform_test.outbound_delivery where id = ?", id);
    }
}
