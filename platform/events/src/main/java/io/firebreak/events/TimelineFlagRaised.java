package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#TIMELINE_FLAG_RAISED}: the timeline validation found something to resolve before the
 * post-mortem is published. Subject and key: the incident id.
 *
 * @param flagKey stable across re-validations: the rule and the entries it is about
 * @param rule    IMPOSSIBLE_ORDER, RECOLLECTION_CONTRADICTS, CLOCK_SKEW, GAP, MISSING_MILESTONE or AFTER_CLOSURE
 * @param entries the timeline entries the flag is about
 */
public record TimelineFlagRaised(UUID incidentId, String incidentKey, UUID postmortemId, String flagKey, String rule, String message,
                                 List<String> entries, Instant raisedAt, boolean drill) {
}
