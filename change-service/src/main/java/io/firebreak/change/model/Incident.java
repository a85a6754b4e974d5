package io.firebreak.change.model;

import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An incident as change knows it from classification's and response's events. */
@Entity
@Table(name = "incident")
public class Incident {

    private static final Set<String> ENDED = Set.of("RESOLVED", "CLOSED");

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key", nullable = false, insertable = false, updatable = false)
    public String incidentKey;

    @Column(nullable = false, insertable = false, updatable = false)
    public String title;

    @Column(name = "business_service", nullable = false, insertable = false, updatable = false)
    public String businessService;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public Priority priority;

    @Column(nullable = false, insertable = false, updatable = false)
    public boolean drill;

    @Column(name = "response_status", nullable = false, insertable = false, updatable = false)
    public String responseStatus;

    @Column(name = "detected_at", nullable = false, insertable = false, updatable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", nullable = false, insertable = false, updatable = false)
    public Instant declaredAt;

    @Column(name = "mitigated_at", insertable = false, updatable = false)
    public Instant mitigatedAt;

    @Column(name = "resolved_at", insertable = false, updatable = false)
    public Instant resolvedAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;

    /** Active: declared and not yet resolved or closed. */
    public boolean active() {
        return !ENDED.contains(responseStatus);
    }

    /** Emergency changes are for active P1 and P2 incidents only. */
    public boolean takesEmergencyChanges() {
        return active() && (priority == Priority.P1 || priority == Priority.P2);
    }
}
