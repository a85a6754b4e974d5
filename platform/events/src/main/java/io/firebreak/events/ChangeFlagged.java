package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#CHANGE_FLAGGED}: something the post-mortem and change management must look at.
 * Subject and key: the incident id, or {@code service/<name>} for a deploy in a freeze outside any incident.
 *
 * @param flag DEPLOY_IN_FREEZE (a deploy inside a freeze window without a valid exception), UNLINKED_CHANGE (an
 *             implemented emergency change with no linked commit or deploy after its documentation deadline) or
 *             ALIGNMENT_OVERRIDE (a change approved against its triage finding, with a justification)
 */
public record ChangeFlagged(UUID flagId, String flag, @OptionalField UUID incidentId, @OptionalField String incidentKey,
                            @OptionalField UUID changeId, @OptionalField String changeKey, @OptionalField UUID itemId,
                            @OptionalField String service, String detail, Instant raisedAt, boolean drill) {
}
