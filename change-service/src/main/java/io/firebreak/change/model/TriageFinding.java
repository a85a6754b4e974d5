package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A confirmed triage finding (response's triage.finding_recorded): what an emergency change must cite. */
@Entity
@Table(name = "triage_finding")
public class TriageFinding {

    @Id
    @Column(name = "finding_id")
    public UUID findingId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String statement;

    @Column(nullable = false)
    public String component;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
