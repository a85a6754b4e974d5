package io.firebreak.classification.model.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Signals of one service with one dedup key, from the first trigger until resolve. */
@Entity
@Table(name = "alert_group")
public class AlertGroup {

    /** TRIGGERED → (ACKNOWLEDGED) → RESOLVED; a trigger after RESOLVED opens a new group. */
    public enum Status { TRIGGERED, ACKNOWLEDGED, RESOLVED }

    @Id
    public UUID id;

    public String service;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String summary;

    public String severity;

    @Column(name = "signal_count")
    public int signalCount;

    @Column(name = "first_signal_at")
    public Instant firstSignalAt;

    @Column(name = "last_signal_at")
    public Instant lastSignalAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Version
    public long version;
}
