package io.firebreak.response.model.bridge;

import java.time.Instant;

/** A decision taken on the bridge: what, who carries it out, by when (optional). */
public record BridgeDecision(String decision, String owner, Instant deadline) {
}
