package io.firebreak.response.persistence.paging;

import io.firebreak.response.model.paging.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PageRepository implements PanacheRepositoryBase<Page, UUID> {

    public Uni<List<Page>> of(UUID incidentId) {
        return list("incidentId = ?1 order by triggeredAt, level, person", incidentId);
    }

    /** Whether the person already holds a page of this level and round for the incident (the unique key). */
    public Uni<Boolean> exists(UUID incidentId, int level, int round, String person) {
        return count("incidentId = ?1 and level = ?2 and round = ?3 and person = ?4", incidentId, level, round, person).map(n -> n > 0);
    }
}
