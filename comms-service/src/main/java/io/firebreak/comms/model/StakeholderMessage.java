package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message for one audience, drafted on one status version of the incident, rendered from an approved template or (internal audiences only) written freely. */
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

    /** The scenario whose approved template rendered it; null for a free internal message. */
    @Enumerated(EnumType.STRING)
    public Scenario scenario;

    @Column(name = "template_id")
    public UUID templateId;

    @Column(name = "free_text")
    public String freeText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageState state;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "override_at")
    public Instant overrideAt;

    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "sent_at")
    public Instant sentAt;
}
