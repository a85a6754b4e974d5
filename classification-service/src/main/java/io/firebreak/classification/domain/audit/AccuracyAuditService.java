package io.firebreak.classification.domain.audit;

import io.firebreak.classification.domain.ClassificationDecision;
import io.firebreak.classification.domain.DecisionKind;
import io.firebreak.classification.domain.Incident;
import io.firebreak.classification.domain.catalog.BusinessService;
import io.firebreak.classification.domain.policy.ClassificationPolicy;
import io.firebreak.classification.domain.policy.PolicyRules;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.DecisionRepository;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.classification.persistence.PolicyRepository;
import io.firebreak.events.Priority;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a period's incidents for the accuracy audit. The initial priority is the declaration's; the
 * final one is the priority recorded after the post-mortem, else the incident's current priority.
 */
@ApplicationScoped
public class AccuracyAuditService {

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

    @WithSession
    public Uni<AccuracyReport> report(Instant from, Instant to) {
        return incidents.list("declaredAt >= ?1 and declaredAt < ?2", from, to).chain(found -> {
            List<UUID> ids = found.stream().map(i -> i.id).toList();
            Uni<List<ClassificationDecision>> initial = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : decisions.list("incidentId in ?1 and kind in ?2", ids, List.of(DecisionKind.DECLARED, DecisionKind.AUTO_DECLARED));
            return initial.chain(first -> services.listAll().chain(catalog -> policies.listAll().map(all -> {
                Map<UUID, Priority> declared = first.stream().collect(Collectors.toMap(d -> d.incidentId, d -> d.priority, (a, b) -> a));
                Map<String, BusinessService> byName = catalog.stream().collect(Collectors.toMap(s -> s.name, Function.identity()));
                Map<Integer, PolicyRules> rules = new HashMap<>();
                all.forEach((ClassificationPolicy p) -> rules.put(p.version, p.rules));
                List<AuditCase> cases = new ArrayList<>();
                for (Incident i : found.stream().sorted(Comparator.comparing((Incident x) -> x.declaredAt)).toList()) {
                    BusinessService s = byName.get(i.businessService);
                    Priority start = declared.getOrDefault(i.id, i.priority);
                    Priority end = i.finalPriority != null ? i.finalPriority : i.priority;
                    cases.add(new AuditCase(i.key, i.businessService, s == null ? 4 : s.tier, i.policyVersion, start, end,
                            s == null ? i.impact : i.impact.withShareFrom(s.usersTotal)));
                }
                return AccuracyAudit.report(cases, rules);
            })));
        });
    }
}
