package io.firebreak.platform.delivery;

import io.smallrye.mutiny.Uni;

/**
 * Hears the final outcome of the deliveries of one purpose: delivered, or dead (out of attempts, or
 * refused for good, e.g. a 4xx). Called inside the transaction that records the outcome, so what it
 * changes (a page's status, an outbox event, the next channel's delivery) commits with it. If it fails,
 * the outcome is recorded without it and handed over again on later runs until it succeeds: the
 * message is never sent again because a handler failed. A replayed delivery ends a second time, so a
 * handler must accept hearing about the same delivery more than once.
 */
public interface DeliveryOutcomeHandler {

    String purpose();

    Uni<Void> finished(DeliveryOutcome outcome);
}
