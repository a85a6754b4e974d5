package io.firebreak.platform.delivery;

import java.util.UUID;

/**
 * A delivery's final outcome, as handed to its purpose's handler; {@code response} is the body of the receiver's
 * answer when the message asked for it to be kept ({@link OutboundMessage#keepingResponse()}) and it was delivered.
 */
public record DeliveryOutcome(UUID id, String purpose, String reference, boolean delivered, int attempts,
                              Integer lastStatus, String lastError, String response) {
}
