package io.firebreak.classification.domain.policy;

import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.model.policy.PolicyCoverage;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PolicySignoff;
import io.firebreak.classification.model.policy.PolicyStatus;
import io.firebreak.platform.security.Actor;
import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.PolicyCoverageRepository;
import io.firebreak.classification.persistence.PolicyRepository;
import io.firebreak.classification.persistence.PolicySignoffRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PolicyActivated;
import io.firebreak.platform.api.Page;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Policy versions: drafts are immutable and can be evaluated; submitted, they wait for a documented
 * sign-off by an owner of each affected service, then become the one active version.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final PolicySignoffRepository signoffs;
    private final PolicyCoverageRepository coverage;
    private final BusinessServiceRepository services;
    private final Outbox outbox;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, PolicySignoffRepository signoffs, PolicyCoverageRepository coverage,
                         BusinessServiceRepository services, Outbox outbox, Clock clock) {
        this.policies = policies;
        this.signoffs = signoffs;
        this.coverage = coverage;
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ClassificationPolicy> draft(String description, PolicyRules rules, Actor actor) {
        List<Violation> violations = PolicyRulesValidator.violations(rules);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return policies.nextVersionLocked()
                .chain(next -> {
                    ClassificationPolicy p = new ClassificationPolicy();
                    p.version = next;
                    p.description = description;
                    p.rules = rules;
                    p.status = PolicyStatus.DRAFT;
                    p.createdBy = actor.user();
                    p.createdAt = clock.instant();
                    return policies.persist(p);
                });
    }

    /** A draft of the shipped starter policy ({@code policies/starter.json}). */
    @WithTransaction
    public Uni<ClassificationPolicy> draftStarter(Actor actor) {
        StarterPolicy starter = StarterPolicy.load();
        return draft(starter.description(), starter.rules(), actor);
    }

    public Uni<ClassificationPolicy> existing(int version) {
        return policies.findById(version).onItem().ifNull().failWith(() -> ProblemException.notFound("Policy version", version));
    }

    /**
     * Fixes the affected services (against the active version, recorded as the base) and asks their
     * owners to sign off. With none affected it activates at once: it changes nothing for any service,
     * so every service keeps the coverage its owner signed (see {@link #activate}).
     */
    @WithTransaction
    public Uni<ClassificationPolicy> submit(int version, Actor actor) {
        return existing(version).chain(p -> {
            if (p.status != PolicyStatus.DRAFT) {
                return Uni.createFrom().failure(ProblemException.conflict("Policy " + version + " is " + p.status + ", not DRAFT"));
            }
            return policies.active().chain(active -> affectedAgainst(p, active).chain(affected -> {
                p.affectedServices = affected;
                p.baseVersion = active == null ? null : active.version;
                p.status = PolicyStatus.PENDING_SIGNOFF;
                p.submittedAt = clock.instant();
                return affected.isEmpty() ? activate(p, active, Set.of()) : Uni.createFrom().item(p);
            }));
        });
    }

    /**
     * An owner signs a version off for one service. For a submitted version the service must be one of
     * the affected ones; the last sign-off activates it — unless the active version moved since it was
     * submitted: then the affected services are computed again against the new active version and the
     * owners of services it would now change must sign too. For the active version, an owner adopts it
     * for a service it does not govern yet (registered later, or left uncovered by a change).
     * Sign-offs of one version are serialised on its row, so two last sign-offs cannot both miss each other.
     */
    @WithTransaction
    public Uni<ClassificationPolicy> signOff(int version, String service, String comment, Actor actor) {
        return policies.lockedForUpdate(version)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Policy version", version))
                .chain(p -> {
                    if (p.status != PolicyStatus.PENDING_SIGNOFF && p.status != PolicyStatus.ACTIVE) {
                        return Uni.createFrom().failure(ProblemException.conflict("Policy " + version + " is " + p.status
                                + "; only a submitted or the active version can be signed off"));
                    }
                    return services.findById(service == null ? "" : service).chain(s -> {
                        if (s == null) {
                            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("service",
                                    "unknown business service " + service))));
                        }
                        if (!s.isOwnedBy(actor.user())) {
                            return Uni.createFrom().failure(ProblemException.forbidden("Only an owner of " + service
                                    + " may sign off for it"));
                        }
                        return p.status == PolicyStatus.ACTIVE ? adopt(p, s, comment, actor) : signPending(p, s, comment, actor);
                    });
                });
    }

    private Uni<ClassificationPolicy> signPending(ClassificationPolicy p, BusinessService s, String comment, Actor actor) {
        if (!p.affectedServices.contains(s.name)) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("service",
                    "must be one of the affected services " + p.affectedServices))));
        }
        return record(p.version, s.name, comment, actor).chain(() -> completeIfSigned(p));
    }

    /** Activates a pending version whose affected services are all signed, re-opening sign-off if its base moved. */
    private Uni<ClassificationPolicy> completeIfSigned(ClassificationPolicy p) {
        return signoffs.of(p.version).chain(all -> {
            Set<String> signed = all.stream().map(x -> x.service).collect(Collectors.toSet());
            if (!signed.containsAll(p.affectedServices)) {
                return Uni.createFrom().item(p);
            }
            return policies.active().chain(active -> {
                Integer activeVersion = active == null ? null : active.version;
                if (java.util.Objects.equals(activeVersion, p.baseVersion)) {
                    return activate(p, active, signed);
                }
                // Another version became active since this one was submitted: compare with it instead.
                return affectedAgainst(p, active).chain(affected -> {
                    p.affectedServices = affected;
                    p.baseVersion = activeVersion;
                    return signed.containsAll(affected) ? activate(p, active, signed) : Uni.createFrom().item(p);
                });
            });
        });
    }

    private Uni<ClassificationPolicy> adopt(ClassificationPolicy p, BusinessService s, String comment, Actor actor) {
        return coverage.findById(s.name).chain(existing -> {
            if (existing != null && existing.policyVersion == p.version) {
                return Uni.createFrom().failure(ProblemException.conflict(s.name + " is already governed by policy " + p.version));
            }
            return record(p.version, s.name, comment, actor)
                    .chain(signoff -> cover(s.name, p.version, signoff.policyVersion, signoff.signedBy, signoff.signedAt))
                    .replaceWith(p);
        });
    }

    private Uni<PolicySignoff> record(int version, String service, String comment, Actor actor) {
        PolicySignoff signoff = new PolicySignoff();
        signoff.policyVersion = version;
        signoff.service = service;
        signoff.signedBy = actor.user();
        signoff.signedAt = clock.instant();
        signoff.comment = comment;
        return signoffs.findById(key(version, service)).chain(existing -> existing != null
                ? Uni.createFrom().failure(ProblemException.conflict(service + " already signed off policy " + version))
                : signoffs.persist(signoff));
    }

    private Uni<List<String>> affectedAgainst(ClassificationPolicy p, ClassificationPolicy active) {
        return services.listAll().map(all -> {
            Map<String, Integer> catalog = new HashMap<>();
            all.forEach(x -> catalog.put(x.name, x.tier));
            return AffectedServices.of(p.rules, active == null ? null : active.rules, catalog);
        });
    }

    /**
     * Makes {@code p} the active version and decides, service by service, what governs it now: the new
     * version where its owner signed it; still the new version where the owner had signed the previous
     * one and the new one changes nothing for the service; otherwise nothing until an owner signs.
     */
    private Uni<ClassificationPolicy> activate(ClassificationPolicy p, ClassificationPolicy previous, Set<String> signed) {
        Instant now = clock.instant();
        Uni<Void> supersede = Uni.createFrom().voidItem();
        if (previous != null) {
            previous.status = PolicyStatus.SUPERSEDED;
            // Flush the supersession first: the unique index admits one ACTIVE version at a time.
            supersede = policies.flush();
        }
        Set<String> affected = Set.copyOf(p.affectedServices);
        return supersede.chain(() -> {
            p.status = PolicyStatus.ACTIVE;
            p.activatedAt = now;
            return signoffs.of(p.version);
        }).chain(all -> coverage.listAll().chain(covered -> services.listAll().chain(catalog -> {
            Map<String, PolicySignoff> signedNow = new HashMap<>();
            all.forEach(x -> signedNow.put(x.service, x));
            Map<String, PolicyCoverage> before = new HashMap<>();
            covered.forEach(c -> before.put(c.service, c));
            Uni<Void> done = Uni.createFrom().voidItem();
            for (BusinessService s : catalog) {
                PolicySignoff own = signedNow.get(s.name);
                PolicyCoverage had = before.get(s.name);
                if (own != null) {
                    done = done.chain(() -> cover(s.name, p.version, p.version, own.signedBy, own.signedAt));
                } else if (had != null && previous != null && had.policyVersion == previous.version && !affected.contains(s.name)) {
                    had.policyVersion = p.version; // nothing changed for it: its owner's earlier sign-off still holds
                } else if (had != null) {
                    done = done.chain(() -> coverage.delete(had).replaceWithVoid());
                }
            }
            return done;
        }))).chain(() -> outbox.record(EventTypes.POLICY_ACTIVATED, "policy",
                new PolicyActivated(p.version, previous == null ? null : previous.version, signed.stream().sorted().toList(), now)))
                .replaceWith(p);
    }

    private Uni<Void> cover(String service, int policyVersion, int signedVersion, String by, Instant at) {
        return coverage.findById(service).chain(existing -> {
            PolicyCoverage c = existing != null ? existing : new PolicyCoverage();
            c.service = service;
            c.policyVersion = policyVersion;
            c.signedVersion = signedVersion;
            c.signedBy = by;
            c.signedAt = at;
            return existing != null ? Uni.createFrom().voidItem() : coverage.persist(c).replaceWithVoid();
        });
    }

    /** The version used for live incidents; 404 while none is active. */
    @WithSession
    public Uni<ClassificationPolicy> active() {
        return policies.active().onItem().ifNull().failWith(() -> ProblemException.notFound("Active policy", "(none)"));
    }

    /**
     * The policy that governs a service: the active version, if the service's owner signed it (or an
     * earlier version it left unchanged for the service); otherwise none.
     */
    public Uni<ClassificationPolicy> governing(String service) {
        return policies.active().chain(active -> active == null ? Uni.createFrom().<ClassificationPolicy>nullItem()
                : coverage.findById(service).map(c -> c != null && c.policyVersion == active.version ? active : null));
    }

    /** {@link #governing(String)} for many services at once: two queries, whatever their number. */
    public Uni<java.util.Map<String, ClassificationPolicy>> governingAll(java.util.Collection<String> services) {
        return policies.active().chain(active -> active == null || services.isEmpty()
                ? Uni.createFrom().item(java.util.Map.<String, ClassificationPolicy>of())
                : coverage.list("service in ?1 and policyVersion = ?2", services, active.version).map(covered -> {
                    java.util.Map<String, ClassificationPolicy> governed = new java.util.HashMap<>();
                    covered.forEach(c -> governed.put(c.service, active));
                    return governed;
                }));
    }

    /**
     * A deregistered service leaves the pending sign-offs it was part of; a version waiting only for it
     * activates now. Runs in the caller's transaction.
     */
    public Uni<Void> serviceRemoved(String service) {
        return policies.pending().chain(pending -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (ClassificationPolicy p : pending) {
                if (p.affectedServices.contains(service)) {
                    p.affectedServices = p.affectedServices.stream().filter(x -> !x.equals(service)).toList();
                    done = done.chain(() -> completeIfSigned(p).replaceWithVoid());
                }
            }
            return done;
        });
    }

    /** Versions, newest first, below {@code after}, {@code limit} of them. */
    @WithSession
    public Uni<Page<ClassificationPolicy>> page(Integer after, int limit) {
        return policies.before(after, limit + 1)
                .map(found -> Page.of(found, limit, p -> String.valueOf(p.version)));
    }

    public Uni<List<PolicySignoff>> signoffsOf(int version) {
        return existing(version).chain(() -> signoffs.of(version));
    }

    /** Evaluates facts under a version (drafts included: a dry run never touches live incidents). */
    public Uni<Evaluation> evaluate(int version, String service, Integer tier, ImpactFacts facts) {
        return existing(version).chain(p -> (service == null ? Uni.createFrom().<BusinessService>nullItem() : services.findById(service))
                .map(s -> {
                    if (service != null && s == null) {
                        throw ProblemException.invalid(List.of(new Violation("service",
                                "unknown business service " + service)));
                    }
                    int t = s != null ? s.tier : tier != null ? tier : 1;
                    ImpactFacts f = s != null ? facts.withShareFrom(s.usersTotal) : facts;
                    return PolicyEvaluator.evaluate(p.rules, p.version, service, t, f);
                }));
    }

    private static PolicySignoff.Key key(int version, String service) {
        PolicySignoff.Key k = new PolicySignoff.Key();
        k.policyVersion = version;
        k.service = service;
        return k;
    }
}
