package io.firebreak.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.work.AfterCommit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption of a whole polled batch in one transaction: one statement records every event id of
 * the batch as processed by the consumer and answers which ids are new; the effect then runs for those, in
 * record order, in the same transaction. One commit per poll instead of one per record is what lets a storm
 * be absorbed at the rate PostgreSQL commits batches rather than rows.
 * <p>
 * Failure isolation stays per record: an undecodable record is nacked alone (the channel's
 * {@code dead-letter-queue} strategy sends it to {@code <topic>.dlq}); a batch whose transaction still fails
 * after the configured attempts is replayed record by record through {@link Inbox}, so only the record that
 * really fails goes to the DLQ, and its neighbours are processed. The batch is acknowledged last, which commits
 * the latest offset of each partition in it.
 */
@ApplicationScoped
public class BatchInbox {

    private static final Logger LOG = Logger.getLogger(BatchInbox.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final String insert;
    private final String lockSubjects;
    private final String subjectPrefix;
    private final MeterRegistry registry;

    public BatchInbox(Inbox inbox, InboxConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.registry = registry;
        String table = SqlIdentifiers.schema(config.schema()) + ".inbox_event";
        // One row per event; duplicates inside the batch or from an earlier delivery are skipped by the key.
        this.insert = "insert into " + table + " (consumer, event_id, event_type, processed_at)"
                + " select :consumer, e.id, e.type, now() from jsonb_to_recordset(cast(cast(:events as text) as jsonb))"
                + " as e(id uuid, type text) on conflict do nothing returning event_id";
        // Locks are taken in the array's order (a function scan, no sort between it and the lock calls); the schema in
        // the key keeps two services sharing a database from waiting on each other.
        this.lockSubjects = "select cast(pg_advisory_xact_lock(hashtextextended(:prefix || s.subject, 0)) as text)"
                + " from jsonb_array_elements_text(cast(cast(:subjects as text) as jsonb)) as s(subject)";
        this.subjectPrefix = "firebreak.inbox:" + config.schema() + ":";
    }

    /**
     * As {@link #handle(KafkaRecordBatch, String, Predicate, Function, Function)} for an effect that has no batch
     * form: it runs for each new event in record order, all in the batch's one transaction (one commit per poll).
     * Between two events the session is flushed and emptied, so each event sees the rows as the one before left
     * them: effects mix entities with native statements, and an entity the session still held from an earlier
     * event would not show what a native statement changed since (a priority change batched with its declaration
     * had comms evaluate its executive rules at the declared priority).
     */
    public Uni<Void> handleEach(KafkaRecordBatch<String, byte[]> batch, String consumer, Predicate<String> wanted,
                                Function<CloudEventEnvelope, Uni<Void>> effect) {
        return handle(batch, consumer, wanted, events -> eachSubjectLocked(events, effect), effect);
    }

    /**
     * The batch effect of {@link #handleEach}: first locks the subjects of the events (transaction-scoped, in one
     * sorted order), then runs the effect for each event as {@link #eachDetached}. Two consumers of one service that
     * project the same incidents from different topics (the declaration from classification's, the lifecycle from
     * response's) otherwise write the same rows in opposite orders in their batch transactions and deadlock: PostgreSQL
     * aborted one every few seconds in a 200 alerts/s run (each abort a 1 s stall and a retried batch). With the locks
     * taken first and in order, the second batch waits for the first instead.
     */
    public Uni<Void> eachSubjectLocked(List<CloudEventEnvelope> events, Function<CloudEventEnvelope, Uni<Void>> effect) {
        TreeSet<String> subjects = new TreeSet<>();
        for (CloudEventEnvelope event : events) {
            if (event.subject() != null) {
                subjects.add(event.subject());
            }
        }
        if (subjects.isEmpty()) {
            return eachDetached(events, effect);
        }
        ArrayNode sorted = mapper.createArrayNode();
        subjects.forEach(sorted::add);
        return Panache.getSession()
                .chain(session -> SessionSql.on(session, lockSubjects).bind("prefix", subjectPrefix).bind("subjects", sorted.toString()).rows())
                .chain(() -> eachDetached(events, effect));
    }

    /**
     * Runs the effect for each event in order, in the caller's transaction, flushing and emptying the session between
     * two events (see {@link #handleEach}): the body of a batch effect that wraps its events in work of its own.
     */
    public static Uni<Void> eachDetached(List<CloudEventEnvelope> events, Function<CloudEventEnvelope, Uni<Void>> effect) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> effect.apply(event).chain(BatchInbox::detachAll))
                .collect().last().replaceWithVoid();
    }

    private static Uni<Void> detachAll() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    /**
     * Processes one polled batch and acknowledges it.
     *
     * @param wanted      event types the consumer acts on; the others are acknowledged with the batch, untouched
     * @param batchEffect the state change for the batch's new events, in record order, inside the transaction
     * @param oneEffect   the same change for one event, used when the batch as a whole cannot commit
     */
    public Uni<Void> handle(KafkaRecordBatch<String, byte[]> batch, String consumer, Predicate<String> wanted,
                            Function<List<CloudEventEnvelope>, Uni<Void>> batchEffect,
                            Function<CloudEventEnvelope, Uni<Void>> oneEffect) {
        return handle(batch, consumer, wanted, type -> false, batchEffect, oneEffect);
    }

    /**
     * As {@link #handle(KafkaRecordBatch, String, Predicate, Function, Function)}, where the events of the
     * {@code idempotent} types have an effect that a redelivery cannot change (a fold of earliest and latest times, a
     * set-if-absent): they leave no inbox row and always reach the effect. For a consumer of the alert stream that is
     * one insert (and one index entry, and its purge) less per alert.
     */
    public Uni<Void> handle(KafkaRecordBatch<String, byte[]> batch, String consumer, Predicate<String> wanted,
                            Predicate<String> idempotent, Function<List<CloudEventEnvelope>, Uni<Void>> batchEffect,
                            Function<CloudEventEnvelope, Uni<Void>> oneEffect) {
        List<Decoded> decoded = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            CloudEventEnvelope event;
            try {
                event = CloudEventEnvelope.decode(record.getHeaders(), record.getPayload());
            } catch (PoisonMessageException e) {
                LOG.warnf("Poison record for %s at %s-%d@%d, sending it to the DLQ: %s", consumer, record.getTopic(),
                        record.getPartition(), record.getMetadata(IncomingKafkaRecordMetadata.class)
                                .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L), e.getMessage());
                poison.add(Uni.createFrom().completionStage(() -> record.nack(e, DeadLetters.from(consumer))));
                continue;
            }
            if (wanted.test(event.type())) {
                decoded.add(new Decoded(record, event));
            }
        }
        // The message's own (duplicated) Vert.x context: a DLQ send completes on a producer thread, and the record
        // after it must run its transaction back on this context (Hibernate Reactive refuses any other).
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : command -> context.runOnContext(v -> command.run());
        Timer.Sample started = Timer.start(registry);
        DistributionSummary.builder("firebreak.inbox.batch.records").description("Records of a polled batch the consumer acts on")
                .tag("consumer", consumer).register(registry).record(decoded.size());
        Uni<Void> work = decoded.isEmpty() ? Uni.createFrom().voidItem()
                : inbox.retried(process(decoded.stream().map(Decoded::event).toList(), consumer, idempotent, batchEffect), consumer)
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("%s could not commit a batch of %d (%s); processing it record by record",
                                    consumer, decoded.size(), failure.toString());
                            return oneByOne(decoded, consumer, oneEffect, onContext);
                        });
        return work
                .chain(() -> poison.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(poison).andFailFast().replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .invoke(() -> started.stop(Timer.builder("firebreak.inbox.batch.duration")
                        .description("From a batch's hand-over to its acknowledgement").tag("consumer", consumer)
                        .publishPercentileHistogram(false).register(registry)));
    }

    /** Runs the effect for the events not yet processed by the consumer; answers how many ran. */
    public Uni<Integer> process(List<CloudEventEnvelope> events, String consumer,
                                Function<List<CloudEventEnvelope>, Uni<Void>> effect) {
        return process(events, consumer, type -> false, effect);
    }

    /** As {@link #process(List, String, Function)}; events of the {@code idempotent} types are always new, and leave no row. */
    public Uni<Integer> process(List<CloudEventEnvelope> events, String consumer, Predicate<String> idempotent,
                                Function<List<CloudEventEnvelope>, Uni<Void>> effect) {
        ArrayNode rows = mapper.createArrayNode();
        for (CloudEventEnvelope event : events) {
            if (!idempotent.test(event.type())) {
                rows.addObject().put("id", event.id().toString()).put("type", event.type());
            }
        }
        String json = rows.toString();
        boolean recorded = !rows.isEmpty();
        return Uni.createFrom().deferred(() -> {
            Timer.Sample transaction = Timer.start(registry);
            return AfterCommit.around(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> (!recorded
                    ? Uni.createFrom().item(List.<Object>of())
                    : SessionSql.on(session, insert)
                            .bind("consumer", consumer)
                            .bind("events", json)
                            .column())
                    .chain(inserted -> {
                        List<CloudEventEnvelope> fresh = fresh(events, inserted, idempotent);
                        if (fresh.size() < events.size()) {
                            LOG.debugf("%s already processed %d of a batch of %d", consumer, events.size() - fresh.size(), events.size());
                        }
                        return fresh.isEmpty() ? Uni.createFrom().item(0) : effect.apply(fresh).replaceWith(fresh.size());
                    }))))
                    .onTermination().invoke(() -> transaction.stop(Timer.builder("firebreak.inbox.batch.transaction")
                            .description("A batch's transaction, from its start to its commit (the rest of a batch's time is outside it)")
                            .tag("consumer", consumer).publishPercentileHistogram(false).register(registry)));
        });
    }

    /** The events whose ids the insert returned, each id once, and every event of an idempotent type, in record order. */
    private static List<CloudEventEnvelope> fresh(List<CloudEventEnvelope> events, List<Object> inserted, Predicate<String> idempotent) {
        Set<Object> pending = new HashSet<>(inserted);
        List<CloudEventEnvelope> fresh = new ArrayList<>(events.size());
        for (CloudEventEnvelope event : events) {
            if (idempotent.test(event.type()) || pending.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    private Uni<Void> oneByOne(List<Decoded> decoded, String consumer, Function<CloudEventEnvelope, Uni<Void>> effect,
                               Executor onContext) {
        return Multi.createFrom().iterable(decoded)
                .onItem().transformToUniAndConcatenate(d -> inbox.retried(inbox.process(d.event(), consumer, effect), consumer)
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.errorf(failure, "%s failed on %s, sending it to the DLQ", consumer, d.event());
                            return Uni.createFrom().completionStage(() -> d.record().nack(failure, DeadLetters.from(consumer))).emitOn(onContext);
                        }))
                .collect().last().replaceWithVoid();
    }

    private record Decoded(KafkaRecord<String, byte[]> record, CloudEventEnvelope event) {
    }
}
