package io.firebreak.response.persistence.oncall;

import io.firebreak.response.model.oncall.BusinessServiceView;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class BusinessServiceRepository implements PanacheRepositoryBase<BusinessServiceView, String> {

    public Uni<List<BusinessServiceView>> ownedBy(String teamId) {
        return list("owningTeam = ?1 or onCallTeam = ?1 order by name", teamId);
    }
}
