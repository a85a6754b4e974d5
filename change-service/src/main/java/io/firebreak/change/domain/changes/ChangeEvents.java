package io.firebreak.change.domain.changes;

import io.firebreak.change.model.ChangeFlag;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.model.Incident;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.events.ChangeFlagged;
import io.firebreak.events.ChangeTransition;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Publishes change's events through the outbox, in the caller's transaction: one shape per kind of fact. */
@ApplicationScoped
public class ChangeEvents {

    private final Outbox outbox;
    private final ChangeRepository changes;

    public ChangeEvents(Outbox outbox, ChangeRepository changes) {
        this.outbox = outbox;
        this.changes = changes;
    }

    /** A transition (or overdue duty) of {@code change}, keyed by its incident. */
    public Uni<Void> transition(String type, Incident incident, EmergencyChange c, String by, Instant at, String reason, Instant dueAt,
                                String result) {
        return outbox.record(type, incident.incidentId.toString(), new ChangeTransition(incident.incidentId, incident.incidentKey, c.id, c.key(),
                c.targetService, c.action, c.actionCatalogVersion, c.state, by, at, reason, c.findingId, c.alignmentOverride, c.approvedAs, dueAt,
                result, incident.priority, incident.drill)).replaceWithVoid();
    }

    /** Raises a flag once per change or item and publishes it; a second raise of the same flag changes nothing. */
    public Uni<Boolean> flag(String flag, Incident incident, EmergencyChange change, UUID itemId, String service, String detail, Instant at) {
        ChangeFlag f = new ChangeFlag();
        f.id = UUID.randomUUID();
        f.flag = flag;
        f.incidentId = incident == null ? null : incident.incidentId;
        f.changeId = change == null ? null : change.id;
        f.itemId = itemId;
        f.service = service;
        f.detail = detail;
        f.raisedAt = at;
        return changes.raise(f).call(raised -> !raised ? Uni.createFrom().voidItem()
                : outbox.record(EventTypes.CHANGE_FLAGGED, incident != null ? incident.incidentId.toString() : "service/" + service,
                        new ChangeFlagged(f.id, flag, f.incidentId, incident == null ? null : incident.incidentKey, f.changeId,
                                change == null ? null : change.key(), itemId, service, detail, at, incident != null && incident.drill))
                        .replaceWithVoid());
    }
}
