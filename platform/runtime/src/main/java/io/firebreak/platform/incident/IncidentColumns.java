package io.firebreak.platform.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns {@link IncidentFacts} keeps in a service's incident table, mapped read-only for the service's own
 * {@code Incident} entity (which adds the priority, typed as it needs, and its own columns): an entity saved by an API
 * call never writes back a stale fact.
 */
@MappedSuperclass
public abstract class IncidentColumns {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key", insertable = false, updatable = false)
    public String incidentKey;

    @Column(insertable = false, updatable = false)
    public String title;

    @Column(name = "business_service", insertable = false, updatable = false)
    public String businessService;

    @Column(insertable = false, updatable = false)
    public boolean drill;

    @Column(name = "declared_by", insertable = false, updatable = false)
    public String declaredBy;

    /** Response's lifecycle status (DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED, REOPENED). */
    @Column(name = "response_status", insertable = false, updatable = false)
    public String responseStatus;

    @Column(name = "detected_at", insertable = false, updatable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", insertable = false, updatable = false)
    public Instant declaredAt;

    @Column(name = "acknowledged_at", insertable = false, updatable = false)
    public Instant acknowledgedAt;

    @Column(name = "mitigated_at", insertable = false, updatable = false)
    public Instant mitigatedAt;

    @Column(name = "resolved_at", insertable = false, updatable = false)
    public Instant resolvedAt;

    @Column(name = "closed_at", insertable = false, updatable = false)
    public Instant closedAt;

    @Column(name = "reopen_count", insertable = false, updatable = false)
    public int reopenCount;

    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
