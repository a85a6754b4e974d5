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

/** An integration (routing) key of a business service. Only its SHA-256 is stored; the key is shown once. */
@Entity
@Table(name = "integration_key")
public class IntegrationKey {

    /** ACTIVE keys are accepted at intake; REVOKED ones never again. */
    public enum Status { ACTIVE, REVOKED }

    @Id
    public UUID id;

    public String service;

    public String name;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "key_prefix")
    public String keyPrefix;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "replaced_by")
    public UUID replacedBy;

    @Version
    public long version;
}
