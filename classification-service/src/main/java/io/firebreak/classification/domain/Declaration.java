package io.firebreak.classification.domain;

import io.firebreak.classification.model.ClassificationBasis;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * A declaration as the domain receives it. The signed policy governing the service computes the
 * priority from the facts; {@code proposedPriority} is the reporter's view (required only while no
 * signed policy governs the service, and then used, on the basis {@code basisWithoutPolicy}) and, when
 * it differs from the policy's, needs {@code justification} and is recorded as a dispute. {@code drill}
 * marks an exercise (people only; alerts never declare drills).
 */
public record Declaration(String title, String summary, String businessService, ImpactFacts impact, Instant detectedAt,
                          Priority proposedPriority, String justification, String declaredBy, UUID alertGroupId,
                          ClassificationBasis basisWithoutPolicy, boolean drill) {
}
