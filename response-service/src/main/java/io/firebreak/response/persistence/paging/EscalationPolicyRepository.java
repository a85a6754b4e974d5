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

    /** The policies of these teams (paging chooses among them for each P1 role). */
    public Uni<List<EscalationPolicy>> ofTeams(List<String> teamIds) {
        return list("teamId in ?1 order by teamId, name", teamIds);
    }

    public Uni<EscalationPolicy> defaultOf(String teamId) {
        return find("teamId = ?1 and isDefault = true", teamId).firstResult();
    }
}
