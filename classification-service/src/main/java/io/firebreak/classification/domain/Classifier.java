package io.firebreak.classification.domain;

import io.firebreak.classification.domain.policy.PolicyEvaluator;
import io.firebreak.classification.domain.policy.PolicyService;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the signed policy governing a service says about an incident's facts, with the facts first
 * completed from the catalog (what the policy decides on is also what is stored).
 */
@ApplicationScoped
public class Classifier {

    private final PolicyService policies;
    private final BusinessServiceRepository services;

    public Classifier(PolicyService policies, BusinessServiceRepository services) {
        this.policies = policies;
        this.services = services;
    }

    /** The policy governing the service now (signed off for it), or null. */
    public Uni<ClassificationPolicy> governing(BusinessService service) {
        return policies.governing(service.name);
    }

    /** The policies governing the services now, by service name; services no policy governs are absent. */
    public Uni<java.util.Map<String, ClassificationPolicy>> governing(java.util.Collection<String> services) {
        return policies.governingAll(services);
    }

    /** The incident's facts under the policy governing its service now (null when none does). */
    public Uni<Evaluation> current(Incident incident) {
        return policies.governing(incident.businessService).chain(policy -> policy == null ? Uni.createFrom().<Evaluation>nullItem()
                : services.findById(incident.businessService).map(s -> s == null ? null
                        : evaluate(policy, s, complete(incident.impact, s))));
    }

    public static Evaluation evaluate(ClassificationPolicy policy, BusinessService service, ImpactFacts facts) {
        return PolicyEvaluator.evaluate(policy.rules, policy.version, service.name, service.tier, facts);
    }

    /** The declared facts completed from the catalog entry (default impact, customer-facing, regulated, users). */
    public static ImpactFacts complete(ImpactFacts declared, BusinessService service) {
        ImpactFacts facts = declared == null ? ImpactFacts.NONE : declared;
        return facts.completedFrom(service.defaultImpact, service.customerFacing, service.regulated, service.usersTotal);
    }
}
