package io.firebreak.classification.domain.catalog;

import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.model.catalog.ServiceDependency;
import io.firebreak.classification.model.catalog.SlaChange;
import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.platform.security.Actor;
import io.firebreak.classification.domain.policy.PolicyService;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.CatalogRevision;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.classification.persistence.ServiceDependencyRepository;
import io.firebreak.classification.persistence.SlaChangeRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.ServiceChanged;
import io.firebreak.platform.api.Page;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The business-service catalog: services, their dependencies and SLA changes with owner sign-off. */
@ApplicationScoped
public class CatalogService {

    private final BusinessServiceRepository services;
    private final ServiceDependencyRepository dependencies;
    private final SlaChangeRepository slaChanges;
    private final CatalogRevision revision;
    private final Outbox outbox;
    private final Clock clock;
    private final PolicyService policies;
    private final IncidentRepository incidents;

    public CatalogService(BusinessServiceRepository services, ServiceDependencyRepository dependencies,
                          SlaChangeRepository slaChanges, CatalogRevision revision, Outbox outbox, Clock clock,
                          PolicyService policies, IncidentRepository incidents) {
        this.policies = policies;
        this.incidents = incidents;
        this.services = services;
        this.dependencies = dependencies;
        this.slaChanges = slaChanges;
        this.revision = revision;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers a service. Its SLA is proposed, not active: it becomes active when an owner signs
     * it off — at once when the registering person is an owner, which is recorded as their sign-off.
     */
    @WithTransaction
    public Uni<BusinessService> register(ServiceDefinition def, Actor actor) {
        return services.findById(def.name()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("Business service " + def.name() + " already exists"));
            }
            Instant now = clock.instant();
            BusinessService s = new BusinessService();
            s.name = def.name();
            s.createdAt = now;
            s.sla = Map.of();
            apply(s, def, now);
            SlaChange change = proposal(s.name, def.sla(), actor, now);
            if (s.isOwnedBy(actor.user())) {
                signOff(s, change, actor.user(), "registered by an owner", now);
            }
            return services.persist(s)
                    .call(() -> slaChanges.persist(change))
                    .call(revision::bump)
                    .call(() -> publish(EventTypes.SERVICE_REGISTERED, s, "registered", actor));
        });
    }

    @WithTransaction
    public Uni<BusinessService> update(String name, ServiceDefinition def, Actor actor) {
        return existing(name).chain(s -> {
            actor.requireOwnerOrAdmin(s.owners, name);
            apply(s, def, clock.instant());
            return revision.bump().chain(() -> publish(EventTypes.SERVICE_UPDATED, s, "updated", actor));
        });
    }

    /**
     * Removes a service that no incident references (incidents keep their history, so such a
     * service stays); its dependencies, keys and SLA changes go with it.
     */
    @WithTransaction
    public Uni<Void> deregister(String name, Actor actor) {
        return existing(name).chain(s -> {
            actor.requireOwnerOrAdmin(s.owners, name);
            return incidents.countOf(name).chain(count -> {
                        if (count > 0) {
                            return Uni.createFrom().failure(ProblemException.conflict(name + " has " + count
                                    + " incident(s); a service with incidents cannot be removed"));
                        }
                        return dependencies.deleteOnto(name)
                                .chain(() -> services.delete(s))
                                .call(services::flush)
                                .call(() -> policies.serviceRemoved(name))
                                .call(revision::bump)
                                .call(() -> outbox.record(EventTypes.SERVICE_UPDATED, s.name, new ServiceChanged(s.name, s.tier,
                                        s.owningTeam, s.owners, s.customerFacing, s.regulated, s.onCallTeam, "deregistered",
                                        actor.user(), clock.instant(), List.of())))
                                .replaceWithVoid();
                    });
        });
    }

    /**
     * Proposes a new SLA; the active one stays until an owner signs the proposal off. The proposal
     * records the SLA it would replace, so it cannot later replace a newer one nobody compared it with.
     */
    @WithTransaction
    public Uni<SlaChange> proposeSla(String name, Map<io.firebreak.events.Priority, SlaTarget> sla, Actor actor) {
        return existing(name).chain(s -> {
            actor.requireOwnerOrAdmin(s.owners, name);
            return slaChanges.active(name).chain(active -> {
                SlaChange change = proposal(name, sla, actor, clock.instant());
                change.baseChange = active == null ? null : active.id;
                return slaChanges.persist(change);
            });
        });
    }

    @WithTransaction
    public Uni<SlaChange> signOffSla(String name, UUID changeId, String comment, Actor actor) {
        return existing(name).chain(s -> slaChanges.findById(changeId).chain(change -> {
            if (change == null || !change.service.equals(name)) {
                return Uni.createFrom().failure(ProblemException.notFound("SLA change", changeId));
            }
            if (!s.isOwnedBy(actor.user())) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only an owner of " + name + " may sign off its SLA"));
            }
            if (change.status != SlaChange.Status.PENDING) {
                return Uni.createFrom().failure(ProblemException.conflict("SLA change " + changeId + " is " + change.status));
            }
            Instant now = clock.instant();
            return slaChanges.active(name).chain(active -> {
                if (!java.util.Objects.equals(active == null ? null : active.id, change.baseChange)) {
                    // A newer SLA became active after this was proposed: signing it would silently revert that one.
                    return Uni.createFrom().<SlaChange>failure(ProblemException.conflict("SLA change " + changeId
                            + " was proposed against an SLA that has since been replaced (by "
                            + (active == null ? "none" : active.id) + "); propose it again"));
                }
                return signAndActivate(s, change, comment, actor, now);
            });
        }));
    }

    private Uni<SlaChange> signAndActivate(BusinessService s, SlaChange change, String comment, Actor actor, Instant now) {
        String name = s.name;
        return slaChanges.supersedeActive(name)
                .invoke(() -> signOff(s, change, actor.user(), comment, now))
                .chain(() -> publish(EventTypes.SERVICE_UPDATED, s, "sla signed off", actor))
                .replaceWith(change);
    }

    /** Replaces the dependencies of {@code name}; every dependency must be in the catalog. */
    @WithTransaction
    public Uni<List<ServiceDependency>> replaceDependencies(String name, List<ServiceDependency> wanted, Actor actor) {
        return existing(name).chain(s -> {
            actor.requireOwnerOrAdmin(s.owners, name);
            List<Violation> duplicates = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < wanted.size(); i++) {
                if (!seen.add(wanted.get(i).dependency)) {
                    duplicates.add(new Violation("[" + i + "].dependency", wanted.get(i).dependency + " is listed twice"));
                }
                if (name.equals(wanted.get(i).dependency)) {
                    duplicates.add(new Violation("[" + i + "].dependency", "a service cannot depend on itself"));
                }
            }
            if (!duplicates.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(duplicates));
            }
            List<String> targets = wanted.stream().map(d -> d.dependency).distinct().toList();
            return services.named(targets).chain(found -> {
                List<Violation> unknown = new ArrayList<>();
                for (int i = 0; i < wanted.size(); i++) {
                    String target = wanted.get(i).dependency;
                    if (found.stream().noneMatch(f -> f.name.equals(target))) {
                        unknown.add(new Violation("[" + i + "].dependency", "unknown business service " + target));
                    }
                }
                if (!unknown.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.invalid(unknown));
                }
                wanted.forEach(d -> d.dependent = name);
                return dependencies.deleteOf(name)
                        .chain(() -> wanted.isEmpty() ? Uni.createFrom().voidItem() : dependencies.persist(wanted))
                        .call(revision::bump)
                        .call(() -> publish(EventTypes.SERVICE_UPDATED, s, "dependencies replaced", actor))
                        .replaceWith(wanted);
            });
        });
    }

    /** The SLA proposals of a service, newest first. */
    @WithSession
    public Uni<List<SlaChange>> slaChanges(String name) {
        return existing(name).chain(() -> slaChanges.of(name));
    }

    /** What a service depends on, by dependency name. */
    @WithSession
    public Uni<List<ServiceDependency>> dependencies(String name) {
        return existing(name).chain(() -> dependencies.of(name));
    }

    /** Services by name after {@code after}, {@code limit} of them. */
    @WithSession
    public Uni<Page<BusinessService>> page(String after, int limit) {
        return services.after(after, limit + 1)
                .map(found -> Page.of(found, limit, s -> s.name));
    }

    public Uni<BusinessService> existing(String name) {
        return services.findById(name).onItem().ifNull().failWith(() -> ProblemException.notFound("Business service", name));
    }

    private static void apply(BusinessService s, ServiceDefinition def, Instant now) {
        s.description = def.description() == null ? "" : def.description();
        s.tier = def.tier();
        s.owningTeam = def.owningTeam();
        s.owners = List.copyOf(new LinkedHashSet<>(def.owners()));
        s.customerFacing = def.customerFacing();
        s.regulated = def.regulated();
        s.onCallTeam = def.onCallTeam();
        s.usersTotal = def.usersTotal();
        s.defaultImpact = def.defaultImpact();
        s.updatedAt = now;
    }

    private static SlaChange proposal(String service, Map<io.firebreak.events.Priority, SlaTarget> sla, Actor actor, Instant now) {
        SlaChange change = new SlaChange();
        change.id = UUID.randomUUID();
        change.service = service;
        change.sla = sla == null ? Map.of() : Map.copyOf(sla);
        change.status = SlaChange.Status.PENDING;
        change.proposedBy = actor.user();
        change.proposedAt = now;
        return change;
    }

    private static void signOff(BusinessService s, SlaChange change, String user, String comment, Instant now) {
        change.status = SlaChange.Status.ACTIVE;
        change.signedOffBy = user;
        change.signedOffAt = now;
        change.signoffComment = comment;
        s.sla = change.sla;
        s.updatedAt = now;
    }

    /** Every catalog change publishes the service as it now is, its direct dependencies included (change's alignment graph). */
    private Uni<BusinessService> publish(String type, BusinessService s, String change, Actor actor) {
        return dependencies.of(s.name).chain(deps -> outbox.record(type, s.name, new ServiceChanged(s.name, s.tier, s.owningTeam, s.owners,
                s.customerFacing, s.regulated, s.onCallTeam, change, actor.user(), clock.instant(),
                deps.stream().map(d -> d.dependency).sorted().toList(), sla(s)))).replaceWith(s);
    }

    /** The signed-off SLA as the event carries it (metrics measures against it). */
    private static Map<String, ServiceChanged.Sla> sla(BusinessService s) {
        Map<String, ServiceChanged.Sla> out = new java.util.TreeMap<>();
        if (s.sla != null) {
            s.sla.forEach((p, t) -> out.put(p.name(), new ServiceChanged.Sla(t.acknowledgeMinutes(), t.resolveMinutes())));
        }
        return out;
    }
}
