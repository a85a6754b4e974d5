package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#TRIAGE_HYPOTHESIS_CHANGED}: a hypothesis of an incident's triage was
 * proposed (no previous status) or changed — its statement, its status or its evidence. Subject and
 * key: the incident id.
 *
 * @param status OPEN, CONFIRMED or REFUTED
 */
public record HypothesisChanged(UUID incidentId, String incidentKey, UUID hypothesisId, String statement, String status,
                                @OptionalField String previousStatus, List<String> evidence, String changedBy, Instant changedAt,
                                @OptionalField String reason, int revision, boolean drill) {
}
