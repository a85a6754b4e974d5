package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#TRIAGE_FINDING_RECORDED}: a confirmed cause candidate in a catalog
 * component. The change service requires an emergency change to cite one (root-cause alignment).
 * Subject and key: the incident id.
 */
public record FindingRecorded(UUID incidentId, String incidentKey, UUID findingId, String statement, String component,
                              @OptionalField UUID hypothesisId, List<String> evidence, String recordedBy, Instant recordedAt,
                              Priority priority, boolean drill) {
}
