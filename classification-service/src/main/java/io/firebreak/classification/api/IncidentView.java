package io.firebreak.classification.api;

import io.firebreak.classification.model.ClassificationBasis;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.TemporaryP1Status;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * An incident as the API shows it, with the decision's explanation. {@code classificationBasis} says who
 * decided the priority: the signed policy governing the service, the reporter, or — for alerts on a
 * service no signed policy governs — the alert's severity ({@code unclassified} is then true).
 */
public record IncidentView(UUID id, String key, String title, String summary, String businessService,
                           Priority priority, ClassificationBasis classificationBasis, boolean unclassified,
                           ImpactFacts impact, Integer policyVersion, Evaluation explanation,
                           Priority proposedPriority, boolean disputed, String disputeJustification,
                           TemporaryP1 temporaryP1, Priority finalPriority, UUID alertGroupId,
                           Instant detectedAt, Instant declaredAt, String declaredBy, boolean drill) {

    /** A temporary P1 designation and its state. */
    public record TemporaryP1(TemporaryP1Status status, Instant expiresAt, String designatedBy) {
    }

    static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.key, i.title, i.summary, i.businessService, i.priority, i.classificationBasis,
                i.classificationBasis != ClassificationBasis.POLICY, i.impact, i.policyVersion,
                i.explanation, i.proposedPriority, i.disputeJustification != null, i.disputeJustification,
                i.temporaryP1Status == null ? null : new TemporaryP1(i.temporaryP1Status, i.temporaryP1ExpiresAt, i.temporaryP1By),
                i.finalPriority, i.alertGroupId, i.detectedAt, i.declaredAt, i.declaredBy, i.drill);
    }
}
