package io.firebreak.classification.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A documented sign-off of a policy version for one affected service, by one of its owners. */
@Entity
@Table(name = "policy_signoff")
@IdClass(PolicySignoff.Key.class)
public class PolicySignoff {

    @Id
    @Column(name = "policy_version")
    public int policyVersion;

    @Id
    public String service;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    public String comment;

    /** Composite key. */
    public static class Key implements Serializable {
        public int policyVersion;
        public String service;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && policyVersion == k.policyVersion && Objects.equals(service, k.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyVersion, service);
        }
    }
}
