package io.firebreak.classification.domain;

import io.firebreak.platform.security.Actor;
import io.firebreak.classification.model.ClassificationBasis;
import io.firebreak.classification.model.DecisionKind;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.TemporaryP1Status;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A person changing an incident's priority during the incident, or recording after it what it should have been. */
@ApplicationScoped
public class Reclassifications {

    private final IncidentQueries incidents;
    private final Classifier classifier;
    private final DecisionLog decisions;

    public Reclassifications(IncidentQueries incidents, Classifier classifier, DecisionLog decisions) {
        this.incidents = incidents;
        this.classifier = classifier;
        this.decisions = decisions;
    }

    /** Sets a new priority with a reason; new facts, when given, are re-evaluated for the record. */
    @WithTransaction
    public Uni<Incident> reclassify(UUID id, Priority priority, String reason, ImpactFacts facts, Actor actor) {
        return incidents.changeableBy(id, actor).chain(incident -> {
            if (incident.temporaryP1Status == TemporaryP1Status.ACTIVE || incident.temporaryP1Status == TemporaryP1Status.EXPIRED) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.key + " has "
                        + (incident.temporaryP1Status == TemporaryP1Status.ACTIVE ? "a temporary P1" : "an expired temporary P1")
                        + ": confirm or downgrade it instead"));
            }
            if (facts != null) {
                incident.impact = facts;
            }
            return classifier.current(incident).chain(evaluation -> {
                Priority previous = incident.priority;
                incident.priority = priority;
                incident.explanation = evaluation;
                incident.policyVersion = evaluation == null ? incident.policyVersion : evaluation.policyVersion();
                // A person decided the priority now; the policy's view (if any governs) is the recorded explanation.
                incident.classificationBasis = evaluation == null ? ClassificationBasis.REPORTER : incident.classificationBasis;
                return decisions.record(incident, DecisionKind.RECLASSIFIED, previous, actor.user(), reason)
                        .call(() -> decisions.publishChange(incident, previous, "RECLASSIFIED", reason, actor.user()));
            });
        });
    }

    /** The priority the incident should have had, as established after the fact (post-mortem). */
    @WithTransaction
    public Uni<Incident> recordFinalPriority(UUID id, Priority priority, String comment, Actor actor) {
        return incidents.existing(id).chain(incident -> {
            Priority previous = incident.finalPriority != null ? incident.finalPriority : incident.priority;
            incident.finalPriority = priority;
            return decisions.record(incident, DecisionKind.FINAL, previous, actor.user(), comment)
                    .call(() -> decisions.publishChange(incident, previous, "FINAL", comment, actor.user()));
        });
    }
}
