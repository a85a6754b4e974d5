package io.firebreak.classification.persistence;

import io.firebreak.classification.model.policy.PolicyCoverage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class PolicyCoverageRepository implements PanacheRepositoryBase<PolicyCoverage, String> {
}
