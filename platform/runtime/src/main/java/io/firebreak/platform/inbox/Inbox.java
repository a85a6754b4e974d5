package io.firebreak.platform.inbox;

import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.sql.SqlStates;
import io.firebreak.platform.work.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. For each record: decode the CloudEvent, then in one transaction record
 * its id as processed by this consumer and run the effect; a redelivered id finds its row and
 * changes nothing. A failing effect is retried with backoff; a poison record (undecodable, or
 * still failing after the last attempt) is nacked, which the channel's {@code dead-letter-queue}
 * failure strategy sends to {@code <topic>.dlq} with the error in headers, and consumption goes on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final InboxConfig config;
    private final MeterRegistry registry;
    private final String insert;
    private final String purge;

    public Inbox(InboxConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        String table = SqlIdentifiers.schema(config.schema()) + ".inbox_event";
        this.insert = "insert into " + table + " (consumer, event_id, event_type, processed_at)"
                + " values (:consumer, :id, :type, now()) on conflict do nothing";
        this.purge = "delete from " + table + " where processed_at < now() - (cast(:millis as bigint) * interval '1 millisecond')";
    }

    /**
     * Processes one Kafka message and acks or nacks it.
     *
     * @param consumer names the effect; the same event may be processed once by each consumer
     * @param effect   the state change, run inside the inbox transaction; must not commit on its own
     */
    public Uni<Void> handle(Message<byte[]> message, String consumer, Function<CloudEventEnvelope, Uni<Void>> effect) {
        return handle(message, consumer, type -> true, effect);
    }

    /**
     * As {@link #handle(Message, String, Function)}, but an event whose type the consumer does not want is
     * acknowledged at once, without a transaction or an inbox row: a service that subscribes to a whole topic
     * for a few of its types pays nothing for the rest (nothing to deduplicate where nothing happens).
     */
    public Uni<Void> handle(Message<byte[]> message, String consumer, java.util.function.Predicate<String> wanted,
                            Function<CloudEventEnvelope, Uni<Void>> effect) {
        CloudEventEnvelope event;
        try {
            Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getHeaders).orElse(null);
            event = CloudEventEnvelope.decode(headers, message.getPayload());
        } catch (PoisonMessageException e) {
            LOG.warnf("Poison record for %s, sending it to the DLQ: %s", consumer, e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e, DeadLetters.from(consumer)));
        }
        if (!wanted.test(event.type())) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return retried(process(event, consumer, effect), consumer)
                .onItemOrFailure().transformToUni((processed, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "%s failed on %s, sending it to the DLQ", consumer, event);
                        return Uni.createFrom().completionStage(message.nack(failure, DeadLetters.from(consumer)));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    /**
     * The inbox's retry policy around one attempt: while the database is unavailable, again and again for up to
     * {@code transient-retry}; any other failure but poison, up to {@code max-attempts} in all.
     */
    <T> Uni<T> retried(Uni<T> attempt, String consumer) {
        return attempt
                .onFailure(failure -> !(failure instanceof PoisonMessageException) && !TransientFailures.isTransient(failure)).invoke(failure -> {
                    // A deadlock, a serialization failure or a bug: retried, but each one is a design fault to find.
                    String state = SqlStates.first(failure);
                    Counter.builder("firebreak.inbox.effect.failures")
                            .description("Attempts of an inbox effect that failed for another reason than the database's unavailability"
                                    + " (retried; at the last, replayed alone or dead-lettered)")
                            .tag("consumer", consumer).tag("sqlstate", state == null ? "none" : state).register(registry).increment();
                })
                .onFailure(TransientFailures::isTransient).invoke(failure -> {
                    // Said and counted on every transient failure: a record held back for minutes by an outage must
                    // not be silent (the counter is looked up only then, not for every record).
                    Counter.builder("firebreak.inbox.transient.failures")
                            .description("Attempts of an inbox effect that failed because the database was unavailable (retried)")
                            .tag("consumer", consumer).register(registry).increment();
                    LOG.warnf("%s: the database is unavailable, or this service is shutting down (%s); retrying for up to %s,"
                            + " never dead-lettering", consumer, failure, config.transientRetry());
                })
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).expireIn(config.transientRetry().toMillis())
                .onFailure(e -> !(e instanceof PoisonMessageException)).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxAttempts() - 1L);
    }

    /** Runs the effect once per (consumer, event id); answers whether it ran now. */
    public Uni<Boolean> process(CloudEventEnvelope event, String consumer, Function<CloudEventEnvelope, Uni<Void>> effect) {
        return AfterCommit.around(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(insert)
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate()
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("%s already processed %s, skipping", consumer, event);
                        return Uni.createFrom().item(false);
                    }
                    return effect.apply(event).replaceWith(true);
                }))));
    }

    /** Forgets processed ids older than the retention. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(purge)
                .setParameter("millis", config.retention().toMillis())
                .executeUpdate()));
    }
}
