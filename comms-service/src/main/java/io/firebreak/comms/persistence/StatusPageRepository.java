package io.firebreak.comms.persistence;

import io.firebreak.comms.model.StatusPageUpdate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StatusPageRepository implements PanacheRepositoryBase<StatusPageUpdate, UUID> {

    /**
     * Every post of the incidents that had one since {@code since}, oldest first per incident; incidents restricted
     * now are left out, whatever was posted before.
     */
    public Uni<List<StatusPageUpdate>> since(Instant since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select u.* from {h-schema}status_page_update u"
                        + " where u.incident_id in (select incident_id from {h-schema}status_page_update where posted_at >= :since)"
                        + " and not exists (select 1 from {h-schema}access_restricted r where r.subject = u.incident_id::text)"
                        + " order by u.incident_id, u.posted_at, u.log_sequence", StatusPageUpdate.class)
                .setParameter("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).getResultList());
    }
}
