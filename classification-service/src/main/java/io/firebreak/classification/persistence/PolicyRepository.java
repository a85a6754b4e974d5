package io.firebreak.classification.persistence;

import io.firebreak.classification.domain.policy.ClassificationPolicy;
import io.firebreak.classification.domain.policy.PolicyStatus;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class PolicyRepository implements PanacheRepositoryBase<ClassificationPolicy, Integer> {

    public Uni<ClassificationPolicy> active() {
        return find("status", PolicyStatus.ACTIVE).firstResult();
    }
}
