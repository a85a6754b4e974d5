package io.firebreak.platform.outbox;

import io.firebreak.events.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox rows as CloudEvents in Kafka binary mode with an idempotent producer ({@code acks=all}).
 * {@link KafkaProducer#send} may block on metadata, so sends run on one dedicated thread, never on
 * the event loop; one thread also keeps the sends of a batch in seq order.
 */
public class KafkaOutboxSender implements OutboxSender, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final ExecutorService sendThread;

    public KafkaOutboxSender(String bootstrapServers, String clientId) {
        this(new KafkaProducer<>(producerConfig(bootstrapServers, clientId), new StringSerializer(), new ByteArraySerializer()));
    }

    KafkaOutboxSender(Producer<String, byte[]> producer) {
        this.producer = producer;
        this.sendThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "firebreak-outbox-send");
            t.setDaemon(true);
            return t;
        });
    }

    static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        headers.add(CloudEventHeaders.ID, bytes(row.id().toString()));
        headers.add(CloudEventHeaders.TYPE, bytes(row.type()));
        headers.add(CloudEventHeaders.SOURCE, bytes(row.source()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(row.subject()));
        headers.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(row.occurredAt())));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return new ProducerRecord<>(row.topic(), null, row.partitionKey(), bytes(row.payload()), headers);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Uni<Void> send(OutboxRow row) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            try {
                sendThread.execute(() -> {
                    try {
                        producer.send(toRecord(row), (metadata, error) -> {
                            if (error != null) {
                                acked.completeExceptionally(error);
                            } else {
                                acked.complete(null);
                            }
                        });
                    } catch (RuntimeException e) {
                        acked.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                acked.completeExceptionally(e);
            }
            return Uni.createFrom().completionStage(acked);
        });
    }

    @Override
    public void close() {
        sendThread.shutdown();
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
