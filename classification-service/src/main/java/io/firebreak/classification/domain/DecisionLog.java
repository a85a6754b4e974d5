package io.firebreak.classification.domain;

import io.firebreak.classification.model.ClassificationDecision;
import io.firebreak.classification.model.DecisionKind;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.persistence.DecisionRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Priority;
import io.firebreak.events.PriorityChanged;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * The classification history: every priority decision stored with its explanation, actor and policy
 * version, and (for changes of priority) published through the outbox in the caller's transaction.
 */
@ApplicationScoped
public class DecisionLog {

    private final DecisionRepository decisions;
    private final Outbox outbox;
    private final Clock clock;

    public DecisionLog(DecisionRepository decisions, Outbox outbox, Clock clock) {
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the decision the incident's current state records (FINAL records the final priority). */
    public Uni<Incident> record(Incident incident, DecisionKind kind, Priority previous, String actor, String reason) {
        ClassificationDecision decision = new ClassificationDecision();
        decision.id = UUID.randomUUID();
        decision.incidentId = incident.id;
        decision.kind = kind;
        decision.priority = kind == DecisionKind.FINAL ? incident.finalPriority : incident.priority;
        decision.previousPriority = previous;
        decision.policyVersion = incident.policyVersion;
        decision.explanation = incident.explanation;
        decision.actor = actor;
        decision.reason = reason;
        decision.decidedAt = clock.instant();
        return decisions.persist(decision).replaceWith(incident);
    }

    /** Publishes io.firebreak.incident.priority_changed.v1; {@code reason} is the event's reason code. */
    public Uni<Void> publishChange(Incident incident, Priority previous, String reason, String comment, String actor) {
        Priority now = "FINAL".equals(reason) ? incident.finalPriority : incident.priority;
        return outbox.record(EventTypes.INCIDENT_PRIORITY_CHANGED, incident.id.toString(), new PriorityChanged(incident.id,
                incident.key, incident.businessService, previous, now, reason, comment, incident.policyVersion, actor,
                clock.instant(), ImpactSummaries.of(incident.impact, null))).replaceWithVoid();
    }
}
