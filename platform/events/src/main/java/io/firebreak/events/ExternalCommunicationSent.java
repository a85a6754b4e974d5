package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#EXTERNAL_COMMS_SENT}: a communication left the organisation (customer alert,
 * status-page post, press statement, regulator notice) and was written to the tamper-evident external log
 * at {@code logSequence}. Subject and key: the incident id.
 */
public record ExternalCommunicationSent(UUID incidentId, String incidentKey, String kind, String audience, String channel,
                                        int statusVersion, String author, List<String> approvers, Instant draftedAt,
                                        @OptionalField Instant approvedAt, Instant sentAt, long logSequence, boolean drill) {
}
