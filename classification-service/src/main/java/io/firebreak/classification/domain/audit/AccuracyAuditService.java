package io.firebreak.classification.domain.audit;

import io.firebreak.classification.model.ClassificationDecision;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.DecisionRepository;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.classification.persistence.PolicyRepository;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a period's incidents for the accuracy audit, a page at a time. The initial priority and the
 * policy version that decided it come from the declaration's own decision (a reclassification changes
 * the incident, not what it was first judged by); the final priority is the one recorded after the
 * post-mortem, else the current one. Bounded: at most {@value #MAX_INCIDENTS} incidents and a year per
 * report; the report itself is computed on a worker thread, never on the event loop that serves intake.
 */
@ApplicationScoped
public class AccuracyAuditService {

    static final int MAX_INCIDENTS = 50_000;
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final int PAGE = 1_000;

    private final IncidentRepository incidents;
    private final DecisionRepository decisions;
    private final BusinessServiceRepository services;
    private final PolicyRepository policies;

    public AccuracyAuditService(IncidentRepository incidents, DecisionRepository decisions, BusinessServiceRepository services,
                                PolicyRepository policies) {
        this.incidents = incidents;
        this.decisions = decisions;
        this.services = services;
        this.policies = policies;
    }

    /** The report; the database is read in a session on the event loop, the report computed on a worker thread after it. */
    public Uni<AccuracyReport> report(Instant from, Instant to) {
        List<AuditCase> cases = new ArrayList<>();
        Map<Integer, PolicyRules> rules = new HashMap<>();
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> load(from, to, cases, rules))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> AccuracyAudit.report(cases, rules));
    }

    private Uni<Void> load(Instant from, Instant to, List<AuditCase> cases, Map<Integer, PolicyRules> rules) {
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new io.firebreak.platform.problem.Violation("to",
                    "the period may span at most " + MAX_PERIOD.toDays() + " days"))));
        }
        return incidents.countDeclaredBetween(from, to).chain(count -> {
            if (count > MAX_INCIDENTS) {
                return Uni.createFrom().failure(new ProblemException(Problem.of(422, "too-many-incidents", "Period too large",
                        count + " incidents were declared in the period; audit at most " + MAX_INCIDENTS + " at once (narrow the period)")));
            }
            return page(from, to, null, cases, rules);
        });
    }

    /** One page of incidents (keyset by declaration time and id), its decisions, services and policies. */
    private Uni<Void> page(Instant from, Instant to, Incident after, List<AuditCase> cases, Map<Integer, PolicyRules> rules) {
        return incidents.declaredBetween(from, to, after, PAGE).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<UUID> ids = found.stream().map(i -> i.id).toList();
            Set<String> names = new HashSet<>();
            found.forEach(i -> names.add(i.businessService));
            return decisions.declarations(ids)
                    .chain(first -> services.named(List.copyOf(names)).chain(catalog -> {
                        Map<UUID, ClassificationDecision> initial = new HashMap<>();
                        first.forEach(d -> initial.putIfAbsent(d.incidentId, d));
                        Map<String, BusinessService> byName = new HashMap<>();
                        catalog.forEach(s -> byName.put(s.name, s));
                        Set<Integer> versions = new HashSet<>();
                        for (Incident i : found) {
                            ClassificationDecision d = initial.get(i.id);
                            Integer version = d != null ? d.policyVersion : i.policyVersion;
                            Priority start = d != null ? d.priority : i.priority;
                            Priority end = i.finalPriority != null ? i.finalPriority : i.priority;
                            BusinessService s = byName.get(i.businessService);
                            cases.add(new AuditCase(i.key, i.businessService, s == null ? 4 : s.tier, version, start, end,
                                    s == null ? i.impact : i.impact.withShareFrom(s.usersTotal)));
                            if (version != null && !rules.containsKey(version)) {
                                versions.add(version);
                            }
                        }
                        Uni<Void> loaded = policies.versions(List.copyOf(versions)).invoke(ps -> ps.forEach(
                                (ClassificationPolicy p) -> rules.put(p.version, p.rules))).replaceWithVoid();
                        return loaded.chain(() -> found.size() < PAGE ? Uni.createFrom().voidItem()
                                : page(from, to, found.get(found.size() - 1), cases, rules));
                    }));
        });
    }
}
