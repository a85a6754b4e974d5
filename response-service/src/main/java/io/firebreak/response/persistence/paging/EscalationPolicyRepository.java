package io.firebreak.response.persistence.paging;

import io.firebreak.response.model.paging.EscalationPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class EscalationPolicyRepository implements PanacheRepositoryBase<EscalationPolicy, UUID> {

    public Uni<List<EscalationPolicy>> ofTeam(String teamId) {
        return list("teamId = ?1 order by name", teamId);
    }

    /** The team's policy assigned to the role, if any. */
    public Uni<EscalationPolicy> forRole(String teamId, String role) {
        return find("from EscalationPolicy p where p.teamId = ?1 and array_contains(p.roles, ?2)", teamId, role).firstResult();
    }

    public Uni<EscalationPolicy> defaultOf(String teamId) {
        return find("teamId = ?1 and isDefault = true", teamId).firstResult();
    }
}
