package io.firebreak.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One claimed outbox row, as the relay hands it to the sender; {@code restricted}: its subject is a restricted incident. */
public record OutboxRow(
        long seq,
        UUID id,
        String topic,
        String partitionKey,
        String type,
        String source,
        String subject,
        OffsetDateTime occurredAt,
        String payload,
        int attempts,
        boolean restricted) {

    /** A row about a subject that is not restricted. */
    public OutboxRow(long seq, UUID id, String topic, String partitionKey, String type, String source, String subject,
                     OffsetDateTime occurredAt, String payload, int attempts) {
        this(seq, id, topic, partitionKey, type, source, subject, occurredAt, payload, attempts, false);
    }
}
