package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The blameless post-mortem of one incident; the state is DRAFT, IN_REVIEW or PUBLISHED. */
@Entity
@Table(name = "postmortem")
public class Postmortem {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public String owner;

    @Column(name = "resolved_at", nullable = false)
    public Instant resolvedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    public String summary;

    @Column(name = "customer_impact")
    public String customerImpact;

    @Column(name = "business_impact")
    public String businessImpact;

    @Column(name = "what_went_well")
    public String whatWentWell;

    @Column(name = "where_lucky")
    public String whereLucky;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    public long version;
}
