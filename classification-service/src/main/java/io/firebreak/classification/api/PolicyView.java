package io.firebreak.classification.api;

import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PolicyStatus;
import java.time.Instant;
import java.util.List;

/** A policy version as the API shows it. */
public record PolicyView(int version, String description, PolicyStatus status, PolicyRules rules,
                         List<String> affectedServices, String createdBy, Instant createdAt, Instant submittedAt,
                         Instant activatedAt) {

    static PolicyView of(ClassificationPolicy p) {
        return new PolicyView(p.version, p.description, p.status, p.rules, p.affectedServices, p.createdBy, p.createdAt,
                p.submittedAt, p.activatedAt);
    }
}
