package io.firebreak.classification.domain;

import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.TemporaryP1Status;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.events.Priority;
import java.time.Instant;

/** When a case is borderline for P1, and when a temporary P1's window has run out. Pure. */
final class TemporaryP1Rules {

    private TemporaryP1Rules() {
    }

    /** The policy nearly fired a P1 rule: the facts reached the borderline margin of a P1 threshold. */
    static boolean borderlineForP1(Evaluation evaluation) {
        return evaluation != null && evaluation.priority() != Priority.P1
                && evaluation.nearlyFired().stream().anyMatch(c -> c.priority() == Priority.P1);
    }

    /** An active designation whose window has ended (at the expiry instant itself, too). */
    static boolean due(Incident incident, Instant now) {
        return incident.temporaryP1Status == TemporaryP1Status.ACTIVE && incident.temporaryP1ExpiresAt != null
                && !now.isBefore(incident.temporaryP1ExpiresAt);
    }
}
