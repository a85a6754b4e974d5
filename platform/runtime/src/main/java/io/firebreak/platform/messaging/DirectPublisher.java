package io.firebreak.platform.messaging;

import io.firebreak.platform.outbox.KafkaOutboxSender;
import io.firebreak.platform.outbox.OutboxRow;
import io.firebreak.platform.outbox.OutboxSender;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Publishes straight to Kafka, without the outbox, for request paths that answer only once the broker
 * has the record (alert intake: a 202 means durable). Its own producer, never the outbox relay's, and
 * bounded both ways: at most {@code maxPending} records in flight (beyond that a publish is refused at
 * once), and every publish answers within {@code timeout}; both refusals are
 * {@link PublishRejectedException} (503 + Retry-After).
 */
public final class DirectPublisher implements AutoCloseable {

    private final OutboxSender sender;
    private final AutoCloseable closeable;
    private final Semaphore pending;
    private final int maxPending;
    private final Duration timeout;
    private final long retryAfterSeconds;

    public DirectPublisher(String bootstrapServers, Map<String, Object> security, String clientId, int maxPending,
                           Duration timeout, Duration retryAfter) {
        this(new KafkaOutboxSender(KafkaOutboxSender.producerConfig(bootstrapServers, clientId,
                min(timeout, Duration.ofSeconds(1)), timeout, security)), maxPending, timeout, retryAfter);
    }

    DirectPublisher(KafkaOutboxSender sender, int maxPending, Duration timeout, Duration retryAfter) {
        this.sender = sender;
        this.closeable = sender;
        this.pending = new Semaphore(maxPending);
        this.maxPending = maxPending;
        this.timeout = timeout;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** Completes once the broker acknowledged the record; fails with {@link PublishRejectedException} when it cannot. */
    public Uni<Void> publish(OutboxRow row) {
        return Uni.createFrom().deferred(() -> {
            if (!pending.tryAcquire()) {
                return Uni.createFrom().failure(new PublishRejectedException(
                        maxPending + " records are already waiting for the broker", retryAfterSeconds));
            }
            CompletableFuture<Void> acked;
            try {
                acked = sender.send(row).subscribeAsCompletionStage();
            } catch (RuntimeException e) {
                pending.release();
                throw e;
            }
            // The permit comes back when the producer is done with the record (acknowledged or expired),
            // not when the caller stops waiting: a timed-out record still occupies the producer.
            acked.whenComplete((ok, error) -> pending.release());
            return Uni.createFrom().completionStage(() -> acked.thenApply(ok -> ok))
                    .ifNoItem().after(timeout).failWith(() -> new PublishRejectedException(
                            "the broker did not acknowledge within " + timeout, retryAfterSeconds))
                    .onFailure(e -> !(e instanceof PublishRejectedException)).transform(e -> new PublishRejectedException(
                            "the broker refused the record: " + e.getMessage(), retryAfterSeconds));
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() throws Exception {
        closeable.close();
    }

    int available() {
        return pending.availablePermits();
    }
}
