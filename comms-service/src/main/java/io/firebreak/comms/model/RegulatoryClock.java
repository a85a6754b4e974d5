package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A regulator's notification window, running from awareness until a regulator notice is logged. */
@Entity
@Table(name = "regulatory_clock")
public class RegulatoryClock {

    public enum State { RUNNING, MET, OVERDUE }

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String regulation;

    @Column(nullable = false)
    public String authority;

    @Column(name = "aware_at", nullable = false)
    public Instant awareAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "met_at")
    public Instant metAt;

    @Column(name = "log_sequence")
    public Long logSequence;

    @Column(name = "overdue_at")
    public Instant overdueAt;
}
