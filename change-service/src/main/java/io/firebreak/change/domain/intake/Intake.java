package io.firebreak.change.domain.intake;

import io.firebreak.platform.delivery.WebhookProofs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.change.domain.Alignment;
import io.firebreak.change.domain.CommitReferences;
import io.firebreak.change.domain.changes.ChangeEvents;
import io.firebreak.change.domain.freeze.FreezeCalendar;
import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.model.Incident;
import io.firebreak.change.model.VcsItem;
import io.firebreak.change.model.VcsLink;
import io.firebreak.change.model.VcsSource;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.change.persistence.VcsRepository;
import io.firebreak.events.ChangeLinked;
import io.firebreak.events.ChangeReceived;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Commits and deployments from GitHub and GitLab webhooks (each proved by its documented signature or token) and
 * PagerDuty change events (from the signals topic). A commit or deploy whose text names an incident key or change id
 * is linked to them; a deploy of a service while an incident affecting it is active is linked as a candidate cause;
 * a deploy inside a freeze without a valid exception of a referenced change is flagged.
 */
@ApplicationScoped
public class Intake {

    public static final Set<String> KINDS = Set.of("GITHUB", "GITLAB");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VcsRepository vcs;
    private final ChangeRepository changes;
    private final ChangeProjection projection;
    private final FreezeCalendar freezes;
    private final ChangeEvents events;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final io.firebreak.change.config.ChangeConfig config;
    private final Clock clock;

    public Intake(VcsRepository vcs, ChangeRepository changes, ChangeProjection projection, FreezeCalendar freezes, ChangeEvents events,
                  Outbox outbox, ObjectMapper mapper, io.firebreak.change.config.ChangeConfig config, Clock clock) {
        this.config = config;
        this.vcs = vcs;
        this.changes = changes;
        this.projection = projection;
        this.freezes = freezes;
        this.events = events;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A registered source and, once, its secret (GitHub webhook secret or GitLab secret token). */
    public record Registered(VcsSource source, String secret) {
    }

    @WithTransaction
    public Uni<Registered> register(String kind, String repository, String service, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new Violation("kind", "is required: GITHUB or GITLAB"));
        }
        FreeText.check(problems, "repository", repository, true, 300);
        FreeText.check(problems, "service", service, true, 200);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return projection.serviceKnown(service.strip()).chain(known -> {
            if (!known) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("service", service + " is not a business service of the catalog"))));
            }
            return vcs.source(kind, repository.strip()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(ProblemException.conflict(repository + " is registered already (" + existing.id + ")"));
                }
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                VcsSource s = new VcsSource();
                s.id = UUID.randomUUID();
                s.kind = kind;
                s.repository = repository.strip();
                s.service = service.strip();
                s.secret = HexFormat.of().formatHex(bytes);
                s.createdBy = actor.user();
                s.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                return vcs.persist(s).map(x -> new Registered(s, s.secret));
            });
        });
    }

    @WithSession
    public Uni<List<VcsSource>> sources() {
        return vcs.sources();
    }

    /** What one webhook delivery recorded: new items and their links (a redelivery records none). */
    public record Outcome(int received, int recorded, List<ChangeLinked> links) {
    }

    @WithTransaction
    public Uni<Outcome> github(UUID sourceId, String event, String delivery, String signature, byte[] body) {
        return proven(sourceId, "GITHUB", source -> WebhookProofs.githubValid(source.secret, body, signature),
                "X-Hub-Signature-256 does not verify with this source's secret").chain(source -> {
            JsonNode payload = json(body);
            if ("ping".equals(event)) {
                return Uni.createFrom().item(new Outcome(0, 0, List.of()));
            }
            requireRepository(source, VcsPayloads.githubRepository(payload));
            return recordAll(VcsPayloads.github(event, delivery, payload, source.service, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        });
    }

    @WithTransaction
    public Uni<Outcome> gitlab(UUID sourceId, String event, String delivery, String token, byte[] body) {
        return proven(sourceId, "GITLAB", source -> WebhookProofs.gitlabValid(source.secret, token),
                "X-Gitlab-Token is not this source's secret token").chain(source -> {
            JsonNode payload = json(body);
            requireRepository(source, VcsPayloads.gitlabRepository(payload));
            return recordAll(VcsPayloads.gitlab(event, delivery, payload, source.service, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        });
    }

    private Uni<VcsSource> proven(UUID sourceId, String kind, java.util.function.Predicate<VcsSource> proof, String refusal) {
        return vcs.source(sourceId).map(source -> {
            if (source == null || !kind.equals(source.kind)) {
                throw ProblemException.unauthorized("Unknown " + kind + " source " + sourceId);
            }
            if (!proof.test(source)) {
                throw ProblemException.unauthorized(refusal);
            }
            return source;
        });
    }

    private static void requireRepository(VcsSource source, String claimed) {
        if (claimed != null && !claimed.equals(source.repository)) {
            throw ProblemException.forbidden("This source is for " + source.repository + ", not " + claimed);
        }
    }

    private JsonNode json(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return node;
        } catch (Exception e) {
            throw ProblemException.invalid(List.of(new Violation("body", "is not a JSON object")));
        }
    }

    /** A PagerDuty change event accepted by classification; in the consumer's transaction. */
    public Uni<Outcome> pagerDuty(String eventId, ChangeReceived c) {
        String url = null;
        if (c.links() != null && !c.links().isEmpty() && c.links().get(0).get("href") != null) {
            url = String.valueOf(c.links().get(0).get("href"));
        }
        String details = c.customDetails() == null ? "" : c.customDetails().toString();
        Object revision = c.customDetails() == null ? null : c.customDetails().getOrDefault("revision", c.customDetails().get("sha"));
        Object environment = c.customDetails() == null ? null : c.customDetails().get("environment");
        Received r = new Received("pagerduty:" + eventId, Received.DEPLOY, "PAGERDUTY", null, revision == null ? null : revision.toString(),
                c.businessService(), environment == null ? null : environment.toString(), VcsPayloads.firstLine(c.summary()), c.source(), url,
                c.timestamp() != null ? c.timestamp() : c.receivedAt(), c.summary() + "\n" + details);
        return recordAll(List.of(r));
    }

    private Uni<Outcome> recordAll(List<Received> items) {
        Uni<List<ChangeLinked>> all = Uni.createFrom().item(new ArrayList<>());
        int[] recorded = {0};
        for (Received r : items) {
            all = all.chain(links -> record(r).map(made -> {
                if (made != null) {
                    recorded[0]++;
                    links.addAll(made);
                }
                return links;
            }));
        }
        return all.map(links -> new Outcome(items.size(), recorded[0], links));
    }

    /** Records one item and its links; null when it was recorded before (a redelivery). */
    private Uni<List<ChangeLinked>> record(Received r) {
        return vcs.itemByDelivery(r.deliveryKey()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().nullItem();
            }
            VcsItem item = new VcsItem();
            item.id = UUID.randomUUID();
            item.deliveryKey = r.deliveryKey();
            item.kind = r.kind();
            item.source = r.source();
            item.repository = r.repository();
            item.revision = r.revision();
            item.service = r.service();
            item.environment = r.environment();
            item.summary = r.summary();
            item.author = r.author();
            item.url = r.url();
            item.occurredAt = r.occurredAt().truncatedTo(ChronoUnit.MICROS);
            item.receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            CommitReferences.References refs = CommitReferences.of(r.text());
            List<Long> numbers = refs.changes().stream().map(k -> Long.parseLong(k.substring("CHG-".length()))).toList();
            return vcs.persist(item).chain(() -> changes.byNumbers(numbers)).chain(referencedChanges ->
                    projection.incidentsByKey(refs.incidents()).chain(referencedIncidents -> {
                        // Which incident each link goes to, and the change when the text names one of that incident.
                        Map<UUID, Target> targets = new LinkedHashMap<>();
                        for (EmergencyChange c : referencedChanges) {
                            targets.put(c.incidentId, new Target(c.incidentId, c, "REFERENCE"));
                        }
                        for (Incident i : referencedIncidents) {
                            targets.putIfAbsent(i.incidentId, new Target(i.incidentId, null, "REFERENCE"));
                        }
                        Uni<Void> candidates = !Received.DEPLOY.equals(r.kind()) || r.service() == null ? Uni.createFrom().voidItem()
                                : projection.dependencyGraph().chain(graph -> projection.activeOn(affected(r.service(), graph), item.occurredAt, config.candidateLookback())
                                .invoke(active -> active.forEach(i -> targets.putIfAbsent(i.incidentId, new Target(i.incidentId, null, "CANDIDATE_CAUSE"))))
                                .replaceWithVoid());
                        return candidates.chain(() -> link(item, new ArrayList<>(targets.values())))
                                .call(links -> Received.DEPLOY.equals(r.kind()) && r.service() != null
                                        ? freezeCheck(item, referencedChanges, targets) : Uni.createFrom().voidItem());
                    }));
        });
    }

    private record Target(UUID incidentId, EmergencyChange change, String why) {
    }

    /** The services a deploy of {@code service} affects: itself and every service depending on it. */
    static List<String> affected(String service, Map<String, List<String>> graph) {
        List<String> out = new ArrayList<>();
        out.add(service);
        graph.keySet().stream().filter(s -> !s.equals(service) && Alignment.affectedBy(s, service, graph)).sorted().forEach(out::add);
        return out;
    }

    private Uni<List<ChangeLinked>> link(VcsItem item, List<Target> targets) {
        Uni<List<ChangeLinked>> all = Uni.createFrom().item(new ArrayList<>());
        for (Target t : targets) {
            all = all.chain(list -> projection.incident(t.incidentId()).chain(incident -> {
                VcsLink l = new VcsLink();
                l.itemId = item.id;
                l.incidentId = t.incidentId();
                l.changeId = t.change() == null ? null : t.change().id;
                l.why = t.why();
                l.linkedAt = item.receivedAt;
                ChangeLinked event = new ChangeLinked(incident.incidentId, incident.incidentKey, l.changeId, t.change() == null ? null : t.change().key(),
                        item.id, item.kind, item.source, l.why, item.repository, item.revision, item.service, item.environment, item.summary,
                        item.author, item.url, item.occurredAt, l.linkedAt, incident.drill);
                return vcs.persist(l).call(() -> outbox.record(EventTypes.CHANGE_LINKED, incident.incidentId.toString(), event))
                        .map(x -> {
                            list.add(event);
                            return list;
                        });
            }));
        }
        return all;
    }

    /** A deploy inside a freeze is flagged unless a change it references holds a valid exception for every covering window. */
    private Uni<Void> freezeCheck(VcsItem item, List<EmergencyChange> referenced, Map<UUID, Target> targets) {
        return freezes.covering(item.service, item.occurredAt).chain(covering -> {
            if (covering.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Boolean> excepted = Uni.createFrom().item(false);
            for (EmergencyChange c : referenced) {
                excepted = excepted.chain(ok -> ok ? Uni.createFrom().item(true) : changes.exceptionsOf(c.id)
                        .map(exceptions -> FreezeCalendar.refusal(covering, exceptions, item.occurredAt) == null));
            }
            return excepted.chain(ok -> {
                if (ok) {
                    return Uni.createFrom().voidItem();
                }
                String detail = "Deploy of " + item.service + (item.revision == null ? "" : " " + item.revision) + " at " + item.occurredAt
                        + " inside " + String.join(", ", covering.stream().map(w -> w.name).toList()) + " without a valid freeze exception";
                Target first = targets.values().stream().findFirst().orElse(null);
                Uni<Incident> incident = first == null ? Uni.createFrom().nullItem() : projection.incident(first.incidentId());
                return incident.chain(i -> events.flag("DEPLOY_IN_FREEZE", i, first == null ? null : first.change(), item.id, item.service, detail,
                        item.receivedAt)).replaceWithVoid();
            });
        });
    }

    /**
     * A newly declared incident: deploys of its service, or of a service it depends on, from {@code candidate-lookback}
     * before its detection until now are linked as candidate causes (a deploy just before detection is the usual
     * suspect, and it arrived before the incident existed). In the consumer's transaction.
     */
    public Uni<Void> incidentDeclared(Incident incident) {
        Instant from = incident.detectedAt.minus(config.candidateLookback());
        return vcs.deploysBetween(from, clock.instant()).chain(deploys -> {
            if (deploys.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return projection.dependencyGraph().chain(graph -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (VcsItem d : deploys) {
                    if (Alignment.affectedBy(incident.businessService, d.service, graph)) {
                        all = all.call(() -> vcs.link(d.id, incident.incidentId).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                                : link(d, List.of(new Target(incident.incidentId, null, "CANDIDATE_CAUSE"))).replaceWithVoid()));
                    }
                }
                return all;
            });
        });
    }

    /** Commits and deploys linked to an incident, with why. */
    public record Linked(VcsItem item, VcsLink link) {
    }

    @WithSession
    public Uni<List<Linked>> linksOf(UUID incidentId) {
        return vcs.linksOfIncident(incidentId).chain(links -> vcs.items(links.stream().map(l -> l.itemId).toList()).map(items -> {
            Map<UUID, VcsItem> byId = new java.util.HashMap<>();
            items.forEach(i -> byId.put(i.id, i));
            return links.stream().map(l -> new Linked(byId.get(l.itemId), l)).toList();
        }));
    }
}
