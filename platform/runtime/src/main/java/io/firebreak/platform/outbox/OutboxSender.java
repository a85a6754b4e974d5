package io.firebreak.platform.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Publishes one outbox row to the broker. The returned Uni completes only once the broker has
 * acknowledged the record (or fails); the relay marks a row sent only after that.
 */
public interface OutboxSender {

    Uni<Void> send(OutboxRow row);
}
