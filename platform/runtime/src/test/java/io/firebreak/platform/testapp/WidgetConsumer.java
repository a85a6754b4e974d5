package io.firebreak.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies widget events through the inbox. A failing attempt is counted in its own transaction
 * (so the count survives the rollback), which lets an event fail a chosen number of times.
 */
@ApplicationScoped
public class WidgetConsumer {

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final Pool pool;
    private final io.vertx.core.Vertx vertx;

    public WidgetConsumer(Inbox inbox, ObjectMapper mapper, Pool pool, io.vertx.core.Vertx vertx) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.pool = pool;
        this.vertx = vertx;
    }

    @Incoming("widget-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, "widgets", WidgetCreated.TYPE::equals, this::apply);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        if (!WidgetCreated.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        WidgetCreated created = event.data(mapper, WidgetCreated.class);
        if (created.failTimes() > 0) {
            return attempts(created).chain(attempt -> attempt > created.failTimes() ? record(event, created)
                    : "shutdown".equals(created.name()) ? closedPoolFailure()
                    : Uni.createFrom().failure(failure(created, attempt)));
        }
        return record(event, created);
    }

    /**
     * A widget named "outage" fails as the pg client does while PostgreSQL shuts down (SQLSTATE 57P01), one named
     * "deadlock" as when PostgreSQL aborted its transaction to break a deadlock (40P01).
     */
    private static Throwable failure(WidgetCreated created, int attempt) {
        if ("outage".equals(created.name())) {
            return new io.vertx.pgclient.PgException("terminating connection due to administrator command", "FATAL", "57P01", "attempt " + attempt);
        }
        if ("deadlock".equals(created.name())) {
            return new io.vertx.pgclient.PgException("deadlock detected", "ERROR", "40P01", "attempt " + attempt);
        }
        return new IllegalStateException("effect failed on attempt " + attempt);
    }

    /**
     * A widget named "shutdown" fails as every query does while Quarkus shuts down and has closed its pool: a real
     * pool, closed, then asked.
     */
    private Uni<Void> closedPoolFailure() {
        Pool closing = Pool.newInstance(io.vertx.pgclient.PgBuilder.pool().connectingTo("postgresql://127.0.0.1:1/none")
                .using(vertx).build());
        return closing.close().chain(() -> closing.query("select 1").execute()).replaceWithVoid();
    }

    private Uni<Void> record(CloudEventEnvelope event, WidgetCreated created) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into platform_test.widget_effect (event_id, widget_id) values (:e, :w)")
                .setParameter("e", event.id()).setParameter("w", created.widgetId()).executeUpdate()).replaceWithVoid();
    }

    /** Counts this attempt outside the inbox transaction, which a failure rolls back. */
    private Uni<Integer> attempts(WidgetCreated created) {
        return pool.preparedQuery("insert into platform_test.widget_attempt as a (widget_id, attempts) values ($1, 1)"
                        + " on conflict (widget_id) do update set attempts = a.attempts + 1 returning a.attempts")
                .execute(Tuple.of(created.widgetId()))
                .map(rows -> rows.iterator().next().getInteger(0));
    }
}
