package io.firebreak.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One claimed outbox row, as the relay hands it to the sender. */
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
        int attempts) {
}
