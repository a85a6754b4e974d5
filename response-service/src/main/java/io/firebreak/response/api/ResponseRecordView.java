package io.firebreak.response.api;

import io.firebreak.events.Priority;
import io.firebreak.response.domain.lifecycle.LifecycleRules;
import io.firebreak.response.model.LifecycleAction;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's response as the API shows it; {@code priorityReview} is present while a temporary P1
 * that expired unconfirmed waits for its re-review; {@code allowedActions} says what the lifecycle
 * allows next (a front end offers exactly these).
 */
public record ResponseRecordView(UUID incidentId, String incidentKey, String title, String businessService,
                                 Priority priority, boolean drill, ResponseStatus status, Instant statusChangedAt,
                                 List<LifecycleAction> allowedActions, Instant detectedAt, Instant declaredAt, Instant openedAt,
                                 Instant acknowledgedAt, String acknowledgedBy, Instant mitigatedAt, Instant resolvedAt,
                                 Instant closedAt, String resolutionSummary, Postmortem postmortem, int reopenCount,
                                 PriorityReview priorityReview) {

    /** The priority must be re-reviewed (a temporary P1 expired); escalate to these people. */
    public record PriorityReview(Instant requestedAt, List<String> escalateTo) {
    }

    /** The post-mortem decision taken on closing; {@code mandatory} whether another decision was possible at all. */
    public record Postmortem(String decision, String reason, boolean mandatory) {
    }

    public static ResponseRecordView of(ResponseRecord r) {
        PriorityReview review = r.priorityReviewRequestedAt == null ? null : new PriorityReview(r.priorityReviewRequestedAt,
                r.priorityReviewEscalateTo == null ? List.of() : List.of(r.priorityReviewEscalateTo));
        Postmortem postmortem = new Postmortem(r.postmortemDecision == null ? null : r.postmortemDecision.name(), r.postmortemReason,
                LifecycleRules.postmortemMandatory(r));
        return new ResponseRecordView(r.incidentId, r.incidentKey, r.title, r.businessService, r.priority, r.drill, r.status,
                r.statusChangedAt, LifecycleRules.allowedFrom(r.status), r.detectedAt, r.declaredAt, r.openedAt, r.acknowledgedAt,
                r.acknowledgedBy, r.mitigatedAt, r.resolvedAt, r.closedAt, r.resolutionSummary, postmortem, r.reopenCount, review);
    }
}
