package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ACTION_ITEM_CREATED}, {@value EventTypes#ACTION_ITEM_COMPLETED} and
 * {@value EventTypes#ACTION_ITEM_OVERDUE}: an action item of a post-mortem. Subject and key: the incident id.
 *
 * @param type        FIX, RUNBOOK_UPDATE, TRAINING_MATERIAL, MONITORING_CONFIGURATION or ARCHITECTURE
 * @param evidence    the link that closed a runbook, training or monitoring item
 * @param escalatedTo the owner's managers told when it fell overdue
 */
public record ActionItemEvent(UUID incidentId, String incidentKey, UUID actionItemId, String title, String owner, Instant deadline,
                              String priority, String type, String state, String by, Instant at, @OptionalField String evidence,
                              @OptionalField List<String> escalatedTo, boolean drill) {
}
