package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#RUNBOOK_ITEM_OVERDUE}: a critical item of a role's checklist passed its due
 * time unticked; for the holder and the incident commander. Subject and key: the incident id.
 */
public record RunbookItemOverdue(UUID incidentId, String incidentKey, UUID itemId, String role, String itemKey, String text,
                                 int runbookVersion, Instant dueAt, @OptionalField String holder, @OptionalField String incidentCommander,
                                 Instant detectedAt, boolean drill) {
}
