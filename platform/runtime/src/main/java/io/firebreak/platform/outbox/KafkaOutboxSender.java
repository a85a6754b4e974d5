package io.firebreak.platform.outbox;

import io.firebreak.events.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox rows as CloudEvents in Kafka binary mode with an idempotent producer ({@code acks=all}).
 * Everything that touches the producer runs on one dedicated thread, never on the event loop: its
 * creation (DNS lookups, threads, MBeans), metadata waits (bounded by {@code max.block.ms}) and sends.
 * One thread also keeps the sends of a key in the order the relay issues them.
 */
public class KafkaOutboxSender implements OutboxSender, AutoCloseable {

    private final ExecutorService sendThread;
    private final Future<Producer<String, byte[]>> producer;
    private volatile String createdOn;

    public KafkaOutboxSender(Map<String, Object> producerConfig) {
        this(() -> new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer()));
    }

    KafkaOutboxSender(Supplier<Producer<String, byte[]>> factory) {
        this.sendThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "firebreak-outbox-send");
            t.setDaemon(true);
            return t;
        });
        this.producer = sendThread.submit(() -> {
            createdOn = Thread.currentThread().getName();
            return factory.get();
        });
    }

    /**
     * An idempotent, {@code acks=all} producer whose waits are bounded: metadata for at most
     * {@code maxBlock}, a record for at most {@code deliveryTimeout} (requests time out at half of it), connecting
     * with the given {@link io.firebreak.platform.messaging.KafkaClientSecurity security settings}.
     */
    public static Map<String, Object> producerConfig(String bootstrapServers, String clientId, Duration maxBlock,
                                                     Duration deliveryTimeout, Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        int delivery = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, delivery / 2));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
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
        if (row.restricted()) {
            headers.add(CloudEventHeaders.RESTRICTED, bytes("true"));
        }
        return new ProducerRecord<>(row.topic(), null, row.partitionKey(), bytes(row.payload()), headers);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The name of the thread that created the producer (never an event loop). */
    String producerCreatedOn() {
        return createdOn;
    }

    @Override
    public Uni<Void> send(OutboxRow row) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            onSendThread(acked, p -> p.send(toRecord(row), (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(null);
                }
            }));
            return Uni.createFrom().completionStage(acked);
        });
    }

    @Override
    public Uni<Map<String, TopicStatus>> describe(Set<String> topics) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Map<String, TopicStatus>> described = new CompletableFuture<>();
            onSendThread(described, p -> {
                Map<String, TopicStatus> result = new LinkedHashMap<>();
                for (String topic : topics) {
                    result.put(topic, status(p, topic));
                }
                described.complete(result);
            });
            return Uni.createFrom().completionStage(described);
        });
    }

    private static TopicStatus status(Producer<String, byte[]> producer, String topic) {
        try {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            Set<Integer> leaderless = new HashSet<>();
            for (PartitionInfo info : partitions) {
                if (info.leader() == null || info.leader().isEmpty()) {
                    leaderless.add(info.partition());
                }
            }
            return new TopicStatus(partitions.size(), Set.copyOf(leaderless), null);
        } catch (RuntimeException e) {
            return TopicStatus.failed(e);
        }
    }

    private void onSendThread(CompletableFuture<?> result, ProducerTask task) {
        try {
            sendThread.execute(() -> {
                try {
                    task.run(producer.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    result.completeExceptionally(e.getCause());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
    }

    @FunctionalInterface
    private interface ProducerTask {
        void run(Producer<String, byte[]> producer);
    }

    @Override
    public void close() {
        sendThread.execute(() -> {
            try {
                producer.get().close(Duration.ofSeconds(5));
            } catch (Exception ignored) {
                // closing on shutdown: nothing left to do with a producer that never started
            }
        });
        sendThread.shutdown();
    }
}
