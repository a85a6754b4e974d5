package io.firebreak.classification.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The policy version that governs one service, and the version whose owner sign-off covers it (the same,
 * or an earlier one when later versions changed nothing for the service).
 */
@Entity
@Table(name = "policy_coverage")
public class PolicyCoverage {

    @Id
    public String service;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "signed_version", nullable = false)
    public int signedVersion;

    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
}
