package io.firebreak.classification.domain.intake;

import io.firebreak.events.Priority;

/**
 * The priority of an alert when no signed policy governs its service, so that a storm of critical
 * alerts on an important service still declares an incident and pages someone. Deliberately coarse;
 * a signed policy replaces it as soon as one governs the service.
 *
 * <pre>
 *             tier 1   tier 2   tier 3-4
 * critical      P1       P2       P3
 * error         P2       P3       P3
 * warning/info  P4       P4       P4
 * </pre>
 */
public final class SeverityPriority {

    private SeverityPriority() {
    }

    public static Priority of(String severity, int tier) {
        if ("critical".equals(severity)) {
            return tier == 1 ? Priority.P1 : tier == 2 ? Priority.P2 : Priority.P3;
        }
        if ("error".equals(severity)) {
            return tier == 1 ? Priority.P2 : Priority.P3;
        }
        return Priority.P4;
    }
}
