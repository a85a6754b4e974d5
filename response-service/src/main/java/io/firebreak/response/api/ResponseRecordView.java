package io.firebreak.response.api;

import io.firebreak.events.Priority;
import io.firebreak.response.domain.ResponseRecord;
import io.firebreak.response.domain.ResponseStatus;
import java.time.Instant;
import java.util.UUID;

/** An incident's response as the API shows it. */
public record ResponseRecordView(UUID incidentId, String incidentKey, String title, String businessService,
                                 Priority priority, ResponseStatus status, Instant detectedAt, Instant declaredAt,
                                 Instant openedAt) {

    static ResponseRecordView of(ResponseRecord r) {
        return new ResponseRecordView(r.incidentId, r.incidentKey, r.title, r.businessService, r.priority, r.status,
                r.detectedAt, r.declaredAt, r.openedAt);
    }
}
