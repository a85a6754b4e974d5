package io.firebreak.classification.model;

import io.firebreak.events.Priority;
import java.time.Instant;

/** Criteria of the incident list; null means "any". */
public record IncidentFilter(Priority priority, String businessService, Instant declaredFrom, Instant declaredTo) {
}
