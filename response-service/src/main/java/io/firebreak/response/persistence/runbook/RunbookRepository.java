package io.firebreak.response.persistence.runbook;

import io.firebreak.events.Priority;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.runbook.ChecklistItem;
import io.firebreak.response.model.runbook.Runbook;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RunbookRepository implements PanacheRepositoryBase<Runbook, UUID> {

    /** The latest version of the role's runbook at the priority, or null. */
    public Uni<Runbook> latest(IncidentRoleKind role, Priority priority) {
        return find("role = ?1 and priority = ?2 order by version desc", role, priority).firstResult();
    }

    /** Every version, newest first. */
    public Uni<List<Runbook>> versions(IncidentRoleKind role, Priority priority) {
        return list("role = ?1 and priority = ?2 order by version desc", role, priority);
    }

    /** Every version of every runbook, by role, priority and newest version first. */
    public Uni<List<Runbook>> all() {
        return list("order by role, priority, version desc");
    }

    public Uni<List<ChecklistItem>> checklist(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from ChecklistItem where incidentId = ?1 order by role, dueAt nulls last, itemKey",
                ChecklistItem.class).setParameter(1, incidentId).getResultList());
    }

    public Uni<Long> itemsOf(UUID incidentId, IncidentRoleKind role) {
        return Panache.getSession().chain(s -> s.createQuery("select count(*) from ChecklistItem where incidentId = ?1 and role = ?2", Long.class)
                .setParameter(1, incidentId).setParameter(2, role).getSingleResult());
    }

    public Uni<ChecklistItem> item(UUID id) {
        return Panache.getSession().chain(s -> s.find(ChecklistItem.class, id));
    }

    public Uni<ChecklistItem> persistItem(ChecklistItem item) {
        return Panache.getSession().chain(s -> s.persist(item)).replaceWith(item);
    }
}
