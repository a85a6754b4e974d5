package io.firebreak.response.api;

import io.firebreak.events.Priority;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's response as the API shows it; {@code priorityReview} is present while a temporary P1
 * that expired unconfirmed waits for its re-review.
 */
public record ResponseRecordView(UUID incidentId, String incidentKey, String title, String businessService,
                                 Priority priority, ResponseStatus status, Instant detectedAt, Instant declaredAt,
                                 Instant openedAt, PriorityReview priorityReview) {

    /** The priority must be re-reviewed (a temporary P1 expired); escalate to these people. */
    public record PriorityReview(Instant requestedAt, List<String> escalateTo) {
    }

    static ResponseRecordView of(ResponseRecord r) {
        PriorityReview review = r.priorityReviewRequestedAt == null ? null : new PriorityReview(r.priorityReviewRequestedAt,
                r.priorityReviewEscalateTo == null ? List.of() : List.of(r.priorityReviewEscalateTo));
        return new ResponseRecordView(r.incidentId, r.incidentKey, r.title, r.businessService, r.priority, r.status,
                r.detectedAt, r.declaredAt, r.openedAt, review);
    }
}
