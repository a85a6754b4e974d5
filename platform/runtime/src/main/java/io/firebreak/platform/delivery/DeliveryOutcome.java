package io.firebreak.platform.delivery;

import java.util.UUID;

/** A delivery's final outcome, as handed to its purpose's handler. */
public record DeliveryOutcome(UUID id, String purpose, String reference, boolean delivered, int attempts,
                              Integer lastStatus, String lastError) {
}
