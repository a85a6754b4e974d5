package io.firebreak.platform.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A parked outbox row as operators see it: what it is, where it was going, and why it stopped. */
@RegisterForReflection
public record ParkedEvent(UUID id, long seq, String type, String topic, String key, int attempts,
                          OffsetDateTime createdAt, OffsetDateTime parkedAt, String reason) {
}
