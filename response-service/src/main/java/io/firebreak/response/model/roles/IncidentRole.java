package io.firebreak.response.model.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One person's assignment to one role of one incident, from its proposal to its end. */
@Entity
@Table(name = "incident_role")
public class IncidentRole {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentRoleKind role;

    @Column(nullable = false)
    public String person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    /** ROTATION (the on-call holder paged for the role) or MANUAL (assigned by the incident commander). */
    @Column(nullable = false)
    public String source;

    @Column(name = "page_id")
    public UUID pageId;

    /** When the person was paged for the role (rotation assignments): acceptance latency counts from here. */
    @Column(name = "paged_at")
    public Instant pagedAt;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "end_reason")
    public String endReason;

    /** The admin who put an unqualified person into the role, and why. */
    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "override_justification")
    public String overrideJustification;

    @Version
    public long version;
}
