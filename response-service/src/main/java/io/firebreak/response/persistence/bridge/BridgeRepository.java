package io.firebreak.response.persistence.bridge;

import io.firebreak.response.model.bridge.Bridge;
import io.firebreak.response.model.bridge.BridgeUpdate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class BridgeRepository implements PanacheRepositoryBase<Bridge, UUID> {

    public Uni<List<BridgeUpdate>> updates(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from BridgeUpdate where incidentId = ?1 order by seq", BridgeUpdate.class)
                .setParameter(1, incidentId).getResultList());
    }

    public Uni<BridgeUpdate> persistUpdate(BridgeUpdate update) {
        return Panache.getSession().chain(s -> s.persist(update)).replaceWith(update);
    }
}
