package io.firebreak.response.persistence.paging;

import io.firebreak.response.model.oncall.BusinessServiceView;
import io.firebreak.response.model.paging.EscalationPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /**
     * A service with its owning team's default policy, in one statement: paging needs both before its first page, and a
     * statement less on that path is a round trip less on a busy core.
     */
    public Uni<ServiceDefaultPolicy> serviceWithDefaultPolicy(String service) {
        return Panache.getSession().chain(s -> s.createQuery("select s, p from BusinessServiceView s left join EscalationPolicy p"
                        + " on p.teamId = s.owningTeam and p.isDefault = true where s.name = ?1 order by p.id", Object[].class)
                .setParameter(1, service).setMaxResults(1).getResultList())
                .map(rows -> rows.isEmpty() ? new ServiceDefaultPolicy(null, null)
                        : new ServiceDefaultPolicy((BusinessServiceView) rows.get(0)[0], (EscalationPolicy) rows.get(0)[1]));
    }

    /** The policies of these teams (paging chooses among them for each P1 role). */
    public Uni<List<EscalationPolicy>> ofTeams(List<String> teamIds) {
        return list("teamId in ?1 order by teamId, name", teamIds);
    }

    public Uni<EscalationPolicy> defaultOf(String teamId) {
        return find("teamId = ?1 and isDefault = true", teamId).firstResult();
    }
}
