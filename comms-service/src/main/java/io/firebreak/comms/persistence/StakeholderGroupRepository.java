package io.firebreak.comms.persistence;

import io.firebreak.comms.model.StakeholderGroup;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StakeholderGroupRepository implements PanacheRepositoryBase<StakeholderGroup, UUID> {

    public Uni<List<StakeholderGroup>> active() {
        return list("removedAt is null order by name");
    }
}
