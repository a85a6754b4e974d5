package io.firebreak.comms.persistence;

import io.firebreak.comms.model.CommentaryMention;
import io.firebreak.comms.model.Engagement;
import io.firebreak.comms.model.RegulatoryClock;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Engagements, regulatory clocks and commentary mentions. */
@ApplicationScoped
@WithSession
public class EngagementRepository {

    private final String flaggedTo;

    public EngagementRepository(OutboxConfig config) {
        flaggedTo = "select id from " + SqlIdentifiers.schema(config.schema()) + ".commentary_mention where flagged like :pattern"
                + " order by posted_at desc";
    }

    public Uni<List<Engagement>> engagements(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from Engagement where incidentId = ?1 order by startedAt, function", Engagement.class)
                .setParameter(1, incidentId).getResultList());
    }

    public Uni<List<RegulatoryClock>> clocks(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from RegulatoryClock where incidentId = ?1 order by dueAt, regulation",
                RegulatoryClock.class).setParameter(1, incidentId).getResultList());
    }

    public Uni<RegulatoryClock> clock(UUID id) {
        return Panache.getSession().chain(s -> s.find(RegulatoryClock.class, id));
    }

    public Uni<CommentaryMention> mention(String source, String externalId) {
        return Panache.getSession().chain(s -> s.createQuery("from CommentaryMention where source = ?1 and externalId = ?2", CommentaryMention.class)
                .setParameter(1, source).setParameter(2, externalId).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** Mentions flagged to the incident, newest first. */
    public Uni<List<CommentaryMention>> flaggedTo(UUID incidentId) {
        return Panache.getSession().chain(s -> SessionSql.on(s, flaggedTo).bind("pattern", "%\"" + incidentId + "\"%")
                .entities(CommentaryMention.class));
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
