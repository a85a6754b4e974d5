package io.firebreak.classification.persistence;

import io.firebreak.classification.model.policy.PolicySignoff;
import io.smallrye.mutiny.Uni;
import java.util.List;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class PolicySignoffRepository implements PanacheRepositoryBase<PolicySignoff, PolicySignoff.Key> {

    public Uni<List<PolicySignoff>> of(int version) {
        return list("policyVersion", version);
    }
}
