package io.firebreak.classification.domain;

import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An incident in the registry. Never leaves the service: the API speaks records. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID id;

    @Column(name = "incident_key", nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "business_service", nullable = false)
    public String businessService;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    @Version
    public long version;
}
