package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An incident as review knows it from classification's and response's events. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key", nullable = false, insertable = false, updatable = false)
    public String incidentKey;

    @Column(nullable = false, insertable = false, updatable = false)
    public String title;

    @Column(name = "business_service", nullable = false, insertable = false, updatable = false)
    public String businessService;

    @Column(nullable = false, insertable = false, updatable = false)
    public String priority;

    @Column(nullable = false, insertable = false, updatable = false)
    public boolean drill;

    @Column(name = "declared_by", nullable = false, insertable = false, updatable = false)
    public String declaredBy;

    @Column(name = "detected_at", nullable = false, insertable = false, updatable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", nullable = false, insertable = false, updatable = false)
    public Instant declaredAt;

    @Column(name = "resolved_at", insertable = false, updatable = false)
    public Instant resolvedAt;

    @Column(name = "closed_at", insertable = false, updatable = false)
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
