package io.firebreak.response.model.drill;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person's measured performance in one role of one drill. */
@Entity
@Table(name = "readiness_record")
public class ReadinessRecord {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String person;

    /** The incident role (INCIDENT_COMMANDER, COMMS_LEAD, …). */
    @Column(nullable = false)
    public String role;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "incident_key", nullable = false)
    public String incidentKey;

    @Column(name = "drilled_at", nullable = false)
    public Instant drilledAt;

    @Column(name = "took_part", nullable = false)
    public boolean tookPart;

    @Column(name = "seconds_to_acknowledge")
    public Long secondsToAcknowledge;

    @Column(name = "seconds_to_accept")
    public Long secondsToAccept;

    @Column(name = "checklist_done", nullable = false)
    public int checklistDone;

    @Column(name = "checklist_total", nullable = false)
    public int checklistTotal;

    @Column(name = "handovers_offered", nullable = false)
    public int handoversOffered;

    @Column(name = "handovers_acknowledged", nullable = false)
    public int handoversAcknowledged;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
