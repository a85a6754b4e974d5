package io.firebreak.response.model;

import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The response to one incident, keyed by the incident id that classification assigned. */
@Entity
@Table(name = "response_record")
public class ResponseRecord {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key", nullable = false, unique = true)
    public String incidentKey;

    @Column(nullable = false)
    public String title;

    @Column(name = "business_service", nullable = false)
    public String businessService;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponseStatus status;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** When a temporary P1 expired unconfirmed; null when no priority review is due. */
    @Column(name = "priority_review_requested_at")
    public Instant priorityReviewRequestedAt;

    /** Whom to escalate the review to (the business service's owners). */
    @Column(name = "priority_review_escalate_to")
    public String[] priorityReviewEscalateTo;

    /** A drill: paged and run like an incident, excluded from every metric. */
    @Column(nullable = false)
    public boolean drill;

    /** The first acknowledgement; kept through reopenings (MTTA counts to it). */
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "mitigated_at")
    public Instant mitigatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "resolution_summary")
    public String resolutionSummary;

    @Enumerated(EnumType.STRING)
    @Column(name = "postmortem_decision")
    public PostmortemDecision postmortemDecision;

    @Column(name = "postmortem_reason")
    public String postmortemReason;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Version
    public long version;
}
