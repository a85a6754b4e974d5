package io.firebreak.testing;

import io.firebreak.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the test broker, for assertions on what really crossed Kafka. */
public final class TestKafkaClient {

    private TestKafkaClient() {
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for what was read, or fails after the timeout. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                                 Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!done.test(records)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + timeout + " reading " + topic + "; read " + records.size()
                            + " record(s): " + records.stream().map(TestKafkaClient::describe).toList());
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads for the whole duration and returns everything seen (to prove something did not arrive). */
    public static List<ConsumerRecord<String, byte[]>> readFor(String topic, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        return readUntil(topic, r -> System.nanoTime() > end, duration.plusSeconds(30));
    }

    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Header> list = new ArrayList<>();
            headers.forEach((k, v) -> list.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(new ProducerRecord<>(topic, null, key, value, list)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test record to " + topic, e);
        }
    }

    /** Sends the records from one producer in one burst (the broker gets them as fast as it takes them), acks=all. */
    public static void sendAll(List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + records.size() + " test records", e);
        }
    }

    /**
     * The headers of a CloudEvent in Kafka's binary mode, as the services' outboxes write them, with a fresh
     * {@code ce_id} and {@code /firebreak/<context>} as its source; a mutable map, to add to or replace in.
     */
    public static Map<String, String> cloudEventHeaders(String context, String subject, String type) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, "/firebreak/" + context);
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, subject);
        }
        headers.put(CloudEventHeaders.TIME, java.time.Instant.now().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** A CloudEvent record for {@link #sendAll}, keyed and with its subject {@code key}, from the topic's context. */
    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String key, String type, byte[] data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data);
        cloudEventHeaders(topic.substring(topic.lastIndexOf('.') + 1), key, type)
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String key, String type, String data) {
        return cloudEvent(topic, key, type, data.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code ce_id} of a record built by {@link #cloudEvent}. */
    public static String eventId(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String describe(ConsumerRecord<String, byte[]> r) {
        return r.key() + "/" + header(r, "ce_type") + "/" + header(r, "ce_id");
    }
}
