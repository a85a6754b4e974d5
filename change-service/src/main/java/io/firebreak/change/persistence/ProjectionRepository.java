package io.firebreak.change.persistence;

import io.firebreak.change.model.CatalogService;
import io.firebreak.change.model.Incident;
import io.firebreak.change.model.TriageFinding;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Change's projections of other services' facts: incidents, catalog services, triage findings. */
@ApplicationScoped
@WithSession
public class ProjectionRepository {

    public Uni<Incident> incident(UUID id) {
        return Panache.getSession().chain(s -> s.find(Incident.class, id));
    }

    public Uni<List<Incident>> incidentsByKey(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from Incident where incidentKey in ?1", Incident.class)
                .setParameter(1, keys).getResultList());
    }

    /**
     * Incidents on one of {@code services} for which something at {@code at} is a candidate cause: not resolved by then,
     * and detected no later than {@code lookback} after it.
     */
    public Uni<List<Incident>> activeOn(List<String> services, Instant at, java.time.Duration lookback) {
        if (services.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from Incident where businessService in ?1 and detectedAt <= ?3"
                        + " and (resolvedAt is null or resolvedAt > ?2) order by declaredAt", Incident.class)
                .setParameter(1, services).setParameter(2, at).setParameter(3, at.plus(lookback)).getResultList());
    }

    public Uni<CatalogService> service(String name) {
        return Panache.getSession().chain(s -> s.find(CatalogService.class, name));
    }

    public Uni<List<CatalogService>> services() {
        return Panache.getSession().chain(s -> s.createQuery("from CatalogService where removed = false", CatalogService.class)
                .getResultList());
    }

    public Uni<TriageFinding> finding(UUID id) {
        return Panache.getSession().chain(s -> s.find(TriageFinding.class, id));
    }

    public Uni<List<TriageFinding>> findings(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from TriageFinding where incidentId = ?1 order by recordedAt", TriageFinding.class)
                .setParameter(1, incidentId).getResultList());
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
