package io.firebreak.platform.feed;

import io.firebreak.platform.outbox.Backoff;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.outbox.OutboxRelayService;
import io.firebreak.platform.sql.NotifyListener;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live feed of one subject (an incident): every event the service records about it, in order, read
 * from its outbox — the state change and the feed entry are the same committed row, so a client never
 * sees an event that was rolled back or misses one that committed. A client resumes after the last
 * sequence it saw (SSE {@code Last-Event-ID}); rows older than the outbox retention are gone, so a
 * feed is for following an incident live, the service's REST resources hold its full state.
 *
 * <p>New rows are read when the outbox NOTIFY fires at commit and, in case a notification is lost, at
 * the poll interval. Before every read the caller's {@code stillAllowed} is asked again, so someone
 * removed from a war room stops receiving at the next event.
 */
@ApplicationScoped
public class SubjectFeed {

    private static final int BATCH = 200;

    private final Vertx vertx;
    private final Pool pool;
    private final String schema;
    private final String read;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final BroadcastProcessor<Long> wakes = BroadcastProcessor.create();
    private final AtomicLong notifications = new AtomicLong();
    private volatile NotifyListener listener;

    public SubjectFeed(Vertx vertx, Pool pool, OutboxConfig outbox,
                       @ConfigProperty(name = "firebreak.feed.poll-interval", defaultValue = "2s") Duration pollInterval,
                       @ConfigProperty(name = "firebreak.feed.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.heartbeat = heartbeat;
        this.vertx = vertx;
        this.pool = pool;
        this.schema = outbox.schema();
        this.pollInterval = pollInterval;
        this.read = "select seq, type, occurred_at, payload::text as payload from " + SqlIdentifiers.schema(schema) + ".outbox_event"
                + " where subject = $1 and seq > $2 and discarded_at is null order by seq limit " + BATCH;
    }

    /**
     * The subject's events after sequence {@code after}, then live until the client leaves or is no longer
     * allowed; a {@link FeedEvent#isHeartbeat() heartbeat} when nothing was sent for the heartbeat interval,
     * so proxies and clients can tell a quiet incident from a dead connection.
     */
    public Multi<FeedEvent> follow(String subject, long after, Supplier<Uni<Boolean>> stillAllowed) {
        listen();
        AtomicLong cursor = new AtomicLong(after);
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        Multi<Long> ticks = Multi.createBy().merging().streams(wakes, Multi.createFrom().ticks().every(pollInterval));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(0L), ticks)
                // One pending wake is enough: the read after it takes every row committed until then.
                .onOverflow().dropPreviousItems()
                .onItem().transformToMultiAndConcatenate(tick -> stillAllowed.get().onItem().transformToMulti(allowed -> allowed
                        ? readAll(subject, cursor).onCompletion().ifEmpty().switchTo(() -> heartbeatIfDue(lastSent))
                        : Multi.createFrom().failure(new NoLongerAllowed())))
                .onItem().invoke(() -> lastSent.set(System.nanoTime()))
                .onFailure(NoLongerAllowed.class).recoverWithCompletion();
    }

    /** How many commit notifications the feed's listener has seen (for tests: the live path, not the poll, woke it). */
    public long notifications() {
        return notifications.get();
    }

    private Multi<FeedEvent> heartbeatIfDue(AtomicLong lastSent) {
        return System.nanoTime() - lastSent.get() >= heartbeat.toNanos() ? Multi.createFrom().item(FeedEvent.HEARTBEAT)
                : Multi.createFrom().empty();
    }

    private Multi<FeedEvent> readAll(String subject, AtomicLong cursor) {
        return Multi.createBy().repeating().uni(() -> read(subject, cursor)).whilst(batch -> batch.size() == BATCH)
                .onItem().transformToIterable(batch -> batch);
    }

    private Uni<List<FeedEvent>> read(String subject, AtomicLong cursor) {
        return pool.preparedQuery(read).execute(Tuple.of(subject, cursor.get())).map(rows -> {
            List<FeedEvent> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(new FeedEvent(row.getLong("seq"), row.getString("type"), row.getOffsetDateTime("occurred_at").toInstant(),
                        row.getString("payload")));
            }
            if (!events.isEmpty()) {
                cursor.set(events.get(events.size() - 1).seq());
            }
            return events;
        });
    }

    private void listen() {
        if (listener == null) {
            synchronized (this) {
                if (listener == null) {
                    listener = new NotifyListener(vertx, pool, OutboxRelayService.channel(schema), () -> {
                        notifications.incrementAndGet();
                        wakes.onNext(System.nanoTime());
                    }, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
                    listener.start();
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.stop();
        }
        wakes.onComplete();
    }

    /** Ends a feed quietly: the client was removed from the war room. */
    private static final class NoLongerAllowed extends RuntimeException {
        NoLongerAllowed() {
            super(null, null, false, false);
        }
    }
}
