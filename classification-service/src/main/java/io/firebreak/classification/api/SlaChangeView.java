package io.firebreak.classification.api;

import io.firebreak.classification.model.catalog.SlaChange;
import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A proposed or decided SLA change, with its sign-off. */
public record SlaChangeView(UUID id, String service, Map<Priority, SlaTarget> sla, SlaChange.Status status,
                            String proposedBy, Instant proposedAt, String signedOffBy, Instant signedOffAt, String comment) {

    static SlaChangeView of(SlaChange c) {
        return new SlaChangeView(c.id, c.service, c.sla, c.status, c.proposedBy, c.proposedAt, c.signedOffBy,
                c.signedOffAt, c.signoffComment);
    }
}
