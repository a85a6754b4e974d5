package io.firebreak.change.persistence;

import io.firebreak.change.model.VcsItem;
import io.firebreak.change.model.VcsLink;
import io.firebreak.change.model.VcsSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Webhook sources, received commits and deploys, and their links to incidents and changes. */
@ApplicationScoped
@WithSession
public class VcsRepository {

    public Uni<VcsSource> source(UUID id) {
        return Panache.getSession().chain(s -> s.find(VcsSource.class, id));
    }

    public Uni<List<VcsSource>> sources() {
        return Panache.getSession().chain(s -> s.createQuery("from VcsSource order by kind, repository", VcsSource.class).getResultList());
    }

    public Uni<VcsSource> source(String kind, String repository) {
        return Panache.getSession().chain(s -> s.createQuery("from VcsSource where kind = ?1 and repository = ?2", VcsSource.class)
                .setParameter(1, kind).setParameter(2, repository).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<VcsItem> itemByDelivery(String deliveryKey) {
        return Panache.getSession().chain(s -> s.createQuery("from VcsItem where deliveryKey = ?1", VcsItem.class)
                .setParameter(1, deliveryKey).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<List<VcsItem>> items(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from VcsItem where id in ?1 order by occurredAt", VcsItem.class)
                .setParameter(1, ids).getResultList());
    }

    /** Deploys that happened in [from, until], oldest first. */
    public Uni<List<VcsItem>> deploysBetween(java.time.Instant from, java.time.Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("from VcsItem where kind = 'DEPLOY' and service is not null and occurredAt >= ?1"
                + " and occurredAt <= ?2 order by occurredAt", VcsItem.class).setParameter(1, from).setParameter(2, until).getResultList());
    }

    public Uni<List<VcsLink>> linksOfIncident(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from VcsLink where incidentId = ?1 order by linkedAt", VcsLink.class)
                .setParameter(1, incidentId).getResultList());
    }

    public Uni<VcsLink> link(UUID itemId, UUID incidentId) {
        VcsLink.Key key = new VcsLink.Key();
        key.itemId = itemId;
        key.incidentId = incidentId;
        return Panache.getSession().chain(s -> s.find(VcsLink.class, key));
    }

    public Uni<Long> linkedToChange(UUID changeId) {
        return Panache.getSession().chain(s -> s.createQuery("select count(*) from VcsLink where changeId = ?1", Long.class)
                .setParameter(1, changeId).getSingleResult());
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
