package io.firebreak.platform.inbox;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * What a nack adds to the dead letter beside the connector's {@code dead-letter-*} headers. Several services consume
 * one topic and share its {@code <topic>.dlq}, so a dead letter names the consumer that gave up on it: the one to
 * fix, and the one to replay it to.
 */
final class DeadLetters {

    /** The consumer (the inbox's consumer name) that dead-lettered the record. */
    static final String CONSUMER_HEADER = "firebreak-consumer";

    private DeadLetters() {
    }

    static Metadata from(String consumer) {
        return Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(new RecordHeaders().add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8)))
                .build());
    }
}
