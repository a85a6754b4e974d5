package io.firebreak.classification.api;

import io.firebreak.classification.domain.Incident;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.UUID;

/** An incident as the API shows it. */
public record IncidentView(UUID id, String key, String title, String summary, String businessService,
                           Priority priority, Instant detectedAt, Instant declaredAt, String declaredBy) {

    static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.key, i.title, i.summary, i.businessService, i.priority, i.detectedAt,
                i.declaredAt, i.declaredBy);
    }
}
