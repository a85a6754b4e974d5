package io.firebreak.comms.domain.commentary;

import io.firebreak.comms.config.CommsConfig;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.comms.model.CommentaryMention;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.persistence.EngagementRepository;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.events.CommentaryFlagged;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Public-commentary control: monitoring tools post mentions (signed webhooks); every mention is logged once per
 * source and delivery id, and one by staff outside the comms roles that references an active incident is flagged
 * to that incident's Communications Lead ({@code commentary.flagged}).
 */
@ApplicationScoped
public class Commentary {

    private final EngagementRepository repository;
    private final IncidentRepository incidents;
    private final IncidentProjection projection;
    private final Webhooks webhooks;
    private final CommsConfig config;
    private final Clock clock;

    public Commentary(EngagementRepository repository, IncidentRepository incidents, IncidentProjection projection, Webhooks webhooks,
                      CommsConfig config, Clock clock) {
        this.repository = repository;
        this.incidents = incidents;
        this.projection = projection;
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
    }

    public record Mention(String source, String externalId, String author, boolean staff, String url, String text, Instant postedAt) {
    }

    /** The logged mention and whether it was new (a redelivery answers the first one, flagging nothing twice). */
    public record Received(CommentaryMention mention, boolean duplicate) {
    }

    @WithTransaction
    public Uni<Received> receive(Mention m) {
        return repository.mention(m.source(), m.externalId()).chain(existing -> existing != null
                ? Uni.createFrom().item(new Received(existing, true))
                : incidents.active().chain(active -> flag(m, active)).map(c -> new Received(c, false)));
    }

    private Uni<CommentaryMention> flag(Mention m, List<Incident> active) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CommentaryMention c = new CommentaryMention();
        c.id = UUID.randomUUID();
        c.source = m.source();
        c.externalId = m.externalId();
        c.author = m.author();
        c.staff = m.staff();
        c.url = m.url();
        c.text = m.text();
        c.postedAt = m.postedAt().truncatedTo(ChronoUnit.MICROS);
        c.receivedAt = now;
        c.flagged = new ArrayList<>();
        List<String> keywords = config.commentary().keywords().orElse(List.of());
        List<String> spokespeople = config.commentary().spokespeople().orElse(List.of());
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Incident incident : active) {
            List<String> matched = CommentaryRules.references(m.text(), incident.incidentKey, incident.businessService, keywords);
            if (matched.isEmpty()) {
                continue;
            }
            all = all.call(() -> projection.holders(incident.incidentId, IncidentProjection.COMMS_LEAD).chain(leads -> {
                if (!CommentaryRules.flagged(m.staff(), m.author(), leads, spokespeople)) {
                    return Uni.createFrom().voidItem();
                }
                c.flagged.add(incident.incidentId.toString());
                String excerpt = m.text().length() <= 280 ? m.text() : m.text().substring(0, 279) + "…";
                return webhooks.publish(EventTypes.COMMENTARY_FLAGGED, incident.incidentId, new CommentaryFlagged(incident.incidentId,
                        incident.incidentKey, c.id, m.source(), m.author(), m.url(), excerpt, matched, leads.isEmpty() ? null : leads.get(0),
                        c.postedAt, now, incident.drill)).replaceWithVoid();
            }));
        }
        return all.chain(() -> repository.persist(c));
    }

    @WithSession
    public Uni<List<CommentaryMention>> flaggedTo(UUID incidentId) {
        return incidents.findById(incidentId).chain(i -> i == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : repository.flaggedTo(incidentId));
    }
}
