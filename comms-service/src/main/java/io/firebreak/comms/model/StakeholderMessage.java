package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message for one audience, drafted on one status version of the incident. */
@Entity
@Table(name = "stakeholder_message")
public class StakeholderMessage {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "status_version", nullable = false)
    public int statusVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "drafted_by", nullable = false)
    public String draftedBy;

    @Column(name = "drafted_at", nullable = false)
    public Instant draftedAt;
}
