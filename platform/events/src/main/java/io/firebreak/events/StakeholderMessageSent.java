package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#MESSAGE_SENT}: a message to stakeholders left, on one status version. Subject and key:
 * the incident id. Customer messages also appear as {@code external_comms.sent} with their log sequence.
 *
 * @param scenario        the scenario whose approved template rendered it (absent for a free internal message)
 * @param templateVersion that template's version
 * @param groups          the stakeholder groups it reached
 * @param overrideBy      the approver who let free text reach customers
 */
public record StakeholderMessageSent(UUID incidentId, String incidentKey, UUID messageId, String audience, @OptionalField String scenario,
                                     int statusVersion, @OptionalField Integer templateVersion, List<String> groups, int deliveries,
                                     String draftedBy, Instant draftedAt, @OptionalField String overrideBy, String sentBy, Instant sentAt,
                                     boolean drill) {
}
