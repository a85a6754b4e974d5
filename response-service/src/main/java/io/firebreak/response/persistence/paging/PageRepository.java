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

    private static final String OPEN_AT_CURRENT_LEVEL = "from Page p, Escalation e where e.id = p.escalationId and p.person = ?1"
            + " and p.status in (io.firebreak.response.model.paging.PageStatus.TRIGGERED, io.firebreak.response.model.paging.PageStatus.DELIVERED)"
            + " and e.status = io.firebreak.response.model.paging.EscalationStatus.ACTIVE and e.level = p.level and e.round = p.round";

    /** The incidents where the person holds an unacknowledged page at an active escalation's current level. */
    public Uni<List<UUID>> incidentsPagingNow(String person) {
        return find("select distinct p.incidentId " + OPEN_AT_CURRENT_LEVEL, person).project(UUID.class).list();
    }

    /** The person's unacknowledged pages at the current level of the incident's active escalations. */
    public Uni<List<Page>> pagingNow(String person, UUID incidentId) {
        return find("select p " + OPEN_AT_CURRENT_LEVEL + " and p.incidentId = ?2", person, incidentId).list();
    }

    /** The incident a page belongs to, without loading the page into the session; null when there is no such page. */
    public Uni<UUID> incidentOf(UUID pageId) {
        return find("select p.incidentId from Page p where p.id = ?1", pageId).project(UUID.class).firstResult();
    }

    /** Whether the person already holds a page of this level and round for the incident (the unique key). */
    public Uni<Boolean> exists(UUID incidentId, int level, int round, String person) {
        return count("incidentId = ?1 and level = ?2 and round = ?3 and person = ?4", incidentId, level, round, person).map(n -> n > 0);
    }
}
