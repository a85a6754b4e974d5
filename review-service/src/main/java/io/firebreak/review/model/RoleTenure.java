package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone holding a role of an incident from acceptance until release, and when they were paged for it. */
@Entity
@Table(name = "role_tenure")
public class RoleTenure {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String person;

    @Column(nullable = false)
    public String source;

    @Column(name = "paged_at")
    public Instant pagedAt;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "released_at")
    public Instant releasedAt;
}
