package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A role handed from one person to another, with the version of the brief that went with it. */
@Entity
@Table(name = "role_handover")
public class RoleHandover {

    @Id
    @Column(name = "handover_id")
    public UUID handoverId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String role;

    @Column(name = "from_person", nullable = false)
    public String fromPerson;

    @Column(name = "to_person", nullable = false)
    public String toPerson;

    @Column(name = "brief_version", nullable = false)
    public int briefVersion;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;
}
