package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person's approval of a template or snippet version, with the role they approved in. */
@Entity
@Table(name = "language_approval")
public class LanguageApproval {

    @Id
    public UUID id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(nullable = false)
    public String approver;

    @Column(name = "approver_role", nullable = false)
    public String approverRole;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;
}
