package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#POSTMORTEM_OPENED}, {@value EventTypes#POSTMORTEM_PUBLISHED} and
 * {@value EventTypes#POSTMORTEM_OVERDUE}. Subject and key: the incident id.
 *
 * @param state  DRAFT, IN_REVIEW or PUBLISHED after the event
 * @param owner  who writes it (the incident commander by default)
 * @param dueAt  72 h after resolution unless configured otherwise
 * @param by     who acted ({@code firebreak} when opened or overdue)
 * @param contributingFactors on publication: the factors found, as {@code category/subcategory} (metrics' recurrence)
 */
public record PostmortemEvent(UUID incidentId, String incidentKey, UUID postmortemId, String state, String owner, Instant dueAt,
                              Instant resolvedAt, String by, Instant at, Priority priority, boolean drill,
                              @OptionalField java.util.List<String> contributingFactors) {

    /** Without contributing factors (opened, overdue, or the 0.5 shape). */
    public PostmortemEvent(UUID incidentId, String incidentKey, UUID postmortemId, String state, String owner, Instant dueAt,
                           Instant resolvedAt, String by, Instant at, Priority priority, boolean drill) {
        this(incidentId, incidentKey, postmortemId, state, owner, dueAt, resolvedAt, by, at, priority, drill, null);
    }
}
