package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone holding a role of an incident now (an accepted assignment not yet released). */
@Entity
@Table(name = "role_holder")
public class RoleHolder {

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
    public Instant since;
}
