package io.firebreak.classification.domain;

import io.firebreak.classification.domain.policy.ImpactFacts;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * A declaration as the domain receives it. The active policy computes the priority from the facts;
 * {@code proposedPriority} is the reporter's view (required only while no policy is active) and,
 * when it differs, needs {@code justification} and is recorded as a dispute.
 */
public record Declaration(String title, String summary, String businessService, ImpactFacts impact, Instant detectedAt,
                          Priority proposedPriority, String justification, String declaredBy, UUID alertGroupId) {
}
