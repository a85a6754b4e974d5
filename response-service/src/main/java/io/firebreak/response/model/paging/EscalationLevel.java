package io.firebreak.response.model.paging;

import java.util.List;

/**
 * One level of a policy: its targets are paged together; unacknowledged after {@code delayMinutes}
 * (or, when absent, the policy's window for the incident's priority) the next level is paged.
 */
public record EscalationLevel(List<EscalationTarget> targets, Integer delayMinutes) {
}
