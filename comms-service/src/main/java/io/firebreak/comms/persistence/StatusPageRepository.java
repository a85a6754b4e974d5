package io.firebreak.comms.persistence;

import io.firebreak.comms.model.StatusPageUpdate;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StatusPageRepository implements PanacheRepositoryBase<StatusPageUpdate, UUID> {

    private final String since;

    public StatusPageRepository(OutboxConfig config) {
        String schema = SqlIdentifiers.schema(config.schema());
        since = "select u.id from " + schema + ".status_page_update u"
                + " where u.incident_id in (select incident_id from " + schema + ".status_page_update where posted_at >= :since)"
                + " and not exists (select 1 from " + schema + ".access_restricted r where r.subject = u.incident_id::text)"
                + " order by u.incident_id, u.posted_at, u.log_sequence";
    }

    /**
     * Every post of the incidents that had one since {@code since}, oldest first per incident; incidents restricted
     * now are left out, whatever was posted before.
     */
    public Uni<List<StatusPageUpdate>> since(Instant since) {
        return Panache.getSession().chain(s -> SessionSql.on(s, this.since).bind("since", since)
                .entities(StatusPageUpdate.class));
    }
}
