package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#LANGUAGE_APPROVED}: a template or snippet version became usable. Subject and key:
 * {@code template/<AUDIENCE>/<SCENARIO>} or {@code snippet/<name>} (not an incident: approved language is shared).
 *
 * @param kind      TEMPLATE or SNIPPET
 * @param name      the snippet's name, or {@code <AUDIENCE>/<SCENARIO>} of a template
 * @param approvers everyone who approved it, in order
 */
public record LanguageApproved(String kind, String name, int version, String authoredBy, List<String> approvers, Instant approvedAt) {
}
