package io.firebreak.system.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the benchmarks share: CloudEvents records produced as the services would, a consumer of their own, and percentiles. */
public final class BenchKafka {

    private BenchKafka() {
    }

    /** A record with the CloudEvents headers the services' inboxes read. */
    static void send(KafkaProducer<String, byte[]> producer, String topic, String source, String key, String type, String data) {
        send(producer, topic, source, key, type, data, UUID.randomUUID());
    }

    /** As above with the event's id given, so that consumers' inboxes can be asked whether they processed it. */
    static void send(KafkaProducer<String, byte[]> producer, String topic, String source, String key, String type, String data, UUID id) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type, "ce_source", source,
                        "ce_subject", key, "ce_time", Instant.now().toString(), "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        producer.send(record);
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", "0");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** A consumer of the benchmark's own group, from the latest offsets. */
    public static KafkaConsumer<String, byte[]> consumer(String bootstrap, String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", group);
        p.put("auto.offset.reset", "latest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /** Nearest-rank percentile of sorted values (100 = the maximum); NaN when there are none. */
    public static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : OnCallBenchmark.pct(sorted, p);
    }

    static double max(List<Double> sorted) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }
}
