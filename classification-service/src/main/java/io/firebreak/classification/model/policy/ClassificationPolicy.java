package io.firebreak.classification.model.policy;

import io.firebreak.classification.model.JsonConverters;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** One immutable version of the classification rules. */
@Entity
@Table(name = "classification_policy")
public class ClassificationPolicy {

    @Id
    public int version;

    public String description;

    @Convert(converter = JsonConverters.Rules.class)
    public PolicyRules rules;

    @Enumerated(EnumType.STRING)
    public PolicyStatus status;

    /** Services whose owners must sign off, fixed when the version is submitted. */
    @Convert(converter = JsonConverters.Strings.class)
    @Column(name = "affected_services")
    public List<String> affectedServices;

    /** The active version when this one was submitted: what its affected services were computed against. */
    @Column(name = "base_version")
    public Integer baseVersion;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
