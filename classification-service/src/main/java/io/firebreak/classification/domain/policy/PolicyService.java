package io.firebreak.classification.domain.policy;

import io.firebreak.classification.domain.Actor;
import io.firebreak.classification.domain.catalog.BusinessService;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.PolicyRepository;
import io.firebreak.classification.persistence.PolicySignoffRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PolicyActivated;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
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
    private final BusinessServiceRepository services;
    private final Outbox outbox;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, PolicySignoffRepository signoffs, BusinessServiceRepository services,
                         Outbox outbox, Clock clock) {
        this.policies = policies;
        this.signoffs = signoffs;
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ClassificationPolicy> draft(String description, PolicyRules rules, Actor actor) {
        List<io.firebreak.platform.problem.Violation> violations = PolicyRulesValidator.violations(rules);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return policies.find("select max(p.version) from ClassificationPolicy p").project(Integer.class).firstResult()
                .chain(max -> {
                    ClassificationPolicy p = new ClassificationPolicy();
                    p.version = max == null ? 1 : max + 1;
                    p.description = description;
                    p.rules = rules;
                    p.status = PolicyStatus.DRAFT;
                    p.createdBy = actor.user();
                    p.createdAt = clock.instant();
                    return policies.persist(p);
                });
    }

    public Uni<ClassificationPolicy> existing(int version) {
        return policies.findById(version).onItem().ifNull().failWith(() -> ProblemException.notFound("Policy version", version));
    }

    /** Fixes the affected services and asks their owners to sign off; with none affected it activates at once. */
    @WithTransaction
    public Uni<ClassificationPolicy> submit(int version, Actor actor) {
        return existing(version).chain(p -> {
            if (p.status != PolicyStatus.DRAFT) {
                return Uni.createFrom().failure(ProblemException.conflict("Policy " + version + " is " + p.status + ", not DRAFT"));
            }
            return policies.active().chain(active -> services.listAll().chain(all -> {
                Map<String, Integer> catalog = new HashMap<>();
                all.forEach(s -> catalog.put(s.name, s.tier));
                p.affectedServices = AffectedServices.of(p.rules, active == null ? null : active.rules, catalog);
                p.status = PolicyStatus.PENDING_SIGNOFF;
                p.submittedAt = clock.instant();
                return p.affectedServices.isEmpty() ? activate(p, active, List.of()) : Uni.createFrom().item(p);
            }));
        });
    }

    /** An owner of an affected service signs the version off for that service; the last sign-off activates it. */
    @WithTransaction
    public Uni<ClassificationPolicy> signOff(int version, String service, String comment, Actor actor) {
        return existing(version).chain(p -> {
            if (p.status != PolicyStatus.PENDING_SIGNOFF) {
                return Uni.createFrom().failure(ProblemException.conflict("Policy " + version + " is " + p.status
                        + "; only a submitted version can be signed off"));
            }
            if (service == null || !p.affectedServices.contains(service)) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new io.firebreak.platform.problem.Violation(
                        "service", "must be one of the affected services " + p.affectedServices))));
            }
            return services.findById(service).chain(s -> {
                if (s == null || !s.isOwnedBy(actor.user())) {
                    return Uni.createFrom().failure(ProblemException.forbidden("Only an owner of " + service + " may sign off for it"));
                }
                PolicySignoff signoff = new PolicySignoff();
                signoff.policyVersion = version;
                signoff.service = service;
                signoff.signedBy = actor.user();
                signoff.signedAt = clock.instant();
                signoff.comment = comment;
                return signoffs.findById(key(version, service)).chain(existing -> existing != null
                        ? Uni.createFrom().failure(ProblemException.conflict(service + " already signed off policy " + version))
                        : signoffs.persist(signoff))
                        .chain(() -> signoffs.of(version))
                        .chain(all -> {
                            Set<String> signed = all.stream().map(x -> x.service).collect(Collectors.toSet());
                            if (!signed.containsAll(p.affectedServices)) {
                                return Uni.createFrom().item(p);
                            }
                            return policies.active().chain(active -> activate(p, active, List.copyOf(signed)));
                        });
            });
        });
    }

    private Uni<ClassificationPolicy> activate(ClassificationPolicy p, ClassificationPolicy previous, List<String> signed) {
        Instant now = clock.instant();
        Uni<Void> supersede = Uni.createFrom().voidItem();
        if (previous != null) {
            previous.status = PolicyStatus.SUPERSEDED;
            // Flush the supersession first: the unique index admits one ACTIVE version at a time.
            supersede = policies.flush();
        }
        return supersede.chain(() -> {
            p.status = PolicyStatus.ACTIVE;
            p.activatedAt = now;
            return outbox.record(EventTypes.POLICY_ACTIVATED, "policy",
                    new PolicyActivated(p.version, previous == null ? null : previous.version, signed.stream().sorted().toList(), now));
        }).replaceWith(p);
    }

    public Uni<List<ClassificationPolicy>> all() {
        return policies.listAll(Sort.descending("version"));
    }

    public Uni<List<PolicySignoff>> signoffsOf(int version) {
        return existing(version).chain(() -> signoffs.of(version));
    }

    /** Evaluates facts under a version (drafts included: a dry run never touches live incidents). */
    public Uni<Evaluation> evaluate(int version, String service, Integer tier, ImpactFacts facts) {
        return existing(version).chain(p -> (service == null ? Uni.createFrom().<BusinessService>nullItem() : services.findById(service))
                .map(s -> {
                    if (service != null && s == null) {
                        throw ProblemException.invalid(List.of(new io.firebreak.platform.problem.Violation("service",
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
