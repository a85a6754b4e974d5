package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of the template for an audience and scenario: a Qute subject and body. Only an approved one renders messages. */
@Entity
@Table(name = "template_version")
public class TemplateVersion {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scenario scenario;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LanguageState state;

    @Column(name = "authored_by", nullable = false)
    public String authoredBy;

    @Column(name = "authored_at", nullable = false)
    public Instant authoredAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;
}
