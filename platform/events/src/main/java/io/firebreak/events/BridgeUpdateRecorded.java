package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#BRIDGE_UPDATE_RECORDED}: an update given on the incident's bridge, with the
 * decisions it took and the next checkpoint. Subject and key: the incident id.
 *
 * @param late whether it came after the checkpoint it answered
 */
public record BridgeUpdateRecorded(UUID incidentId, String incidentKey, UUID updateId, int seq, String status, List<Decision> decisions,
                                   Instant nextCheckpointAt, String recordedBy, Instant recordedAt, boolean late, boolean drill) {

    /** A decision: what, who carries it out, by when. */
    public record Decision(String decision, String owner, @OptionalField Instant deadline) {
    }
}
