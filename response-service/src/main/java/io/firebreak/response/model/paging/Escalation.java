package io.firebreak.response.model.paging;

import io.firebreak.response.model.oncall.ResponseRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One escalation of an incident: which target, at which level and round, since when, due when. */
@Entity
@Table(name = "escalation")
public class Escalation {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "target_key", nullable = false)
    public String targetKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationKind kind;

    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "schedule_id")
    public UUID scheduleId;

    @Column(name = "team_id")
    public String teamId;

    @Enumerated(EnumType.STRING)
    public ResponseRole role;

    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    @Column(name = "level_started_at", nullable = false)
    public Instant levelStartedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "delayed_until")
    public Instant delayedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;
}
