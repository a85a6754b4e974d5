package io.firebreak.classification.domain.intake;

import io.firebreak.events.SignalReceived;
import java.util.UUID;

/** A signal read back from the signals topic: its CloudEvent id (the stored signal's id), content and raw JSON. */
public record AcceptedSignal(UUID eventId, SignalReceived signal, String rawPayload) {
}
