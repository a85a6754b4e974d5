package io.firebreak.classification.model.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One processed signal, kept with its raw payload; its id is the CloudEvent id. */
@Entity
@Table(name = "signal")
public class SignalRecord {

    @Id
    public UUID id;

    @Column(name = "alert_group_id")
    public UUID alertGroupId;

    public String service;

    @Column(name = "integration_key_id")
    public String integrationKeyId;

    public String action;

    @Column(name = "dedup_key")
    public String dedupKey;

    public String severity;

    public String summary;

    public String source;

    public String payload;

    @Column(name = "received_at")
    public Instant receivedAt;
}
