package io.firebreak.classification.persistence;

import io.firebreak.classification.model.intake.AlertGroup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class AlertGroupRepository implements PanacheRepositoryBase<AlertGroup, java.util.UUID> {

    public Uni<AlertGroup> open(String service, String dedupKey) {
        return find("service = ?1 and dedupKey = ?2 and status <> ?3", service, dedupKey, AlertGroup.Status.RESOLVED).firstResult();
    }

    /** The open groups of any of the services with any of the dedup keys (a superset of a batch's alerts). */
    public Uni<List<AlertGroup>> openAmong(java.util.Collection<String> services, java.util.Collection<String> dedupKeys) {
        return list("service in ?1 and dedupKey in ?2 and status <> ?3", services, dedupKeys, AlertGroup.Status.RESOLVED);
    }

    /**
     * Up to {@code count} of a service's groups (optionally of one dedup key), newest first signal
     * first, after the group at ({@code afterAt}, {@code afterId}) when given (keyset).
     */
    public Uni<List<AlertGroup>> page(String service, String dedupKey, Instant afterAt, UUID afterId, int count) {
        StringBuilder query = new StringBuilder("service = :service");
        Parameters params = Parameters.with("service", service);
        if (dedupKey != null) {
            query.append(" and dedupKey = :dedup");
            params.and("dedup", dedupKey);
        }
        if (afterAt != null) {
            query.append(" and (firstSignalAt < :at or (firstSignalAt = :at and id < :id))");
            params.and("at", afterAt).and("id", afterId);
        }
        query.append(" order by firstSignalAt desc, id desc");
        return find(query.toString(), params).page(0, count).list();
    }

    /**
     * Removes up to {@code batch} resolved groups that declared nothing, resolved before {@code before},
     * whose signals are gone; answers how many.
     */
    public Uni<Integer> purgeResolvedUnused(OffsetDateTime before, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from classification.alert_group g where g.id in (select id from classification.alert_group"
                                + " where status = 'RESOLVED' and incident_id is null and resolved_at < :before limit " + batch + ")"
                                + " and not exists (select 1 from classification.signal s where s.alert_group_id = g.id)")
                .setParameter("before", before).executeUpdate());
    }
}
