package io.firebreak.classification.domain;

import io.firebreak.classification.model.ClassificationBasis;
import io.firebreak.classification.model.DecisionKind;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.persistence.AlertGroupRepository;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.IncidentKeyCounter;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.events.ClassificationDisputed;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Declaring an incident, by a person or from an alert group: the priority is the signed policy's
 * for the facts (completed from the catalog); without a governing policy, the reporter's (or the
 * alert severity's), marked unclassified. A reporter who disagrees with the policy must say why,
 * and the dispute is published. Key, first decision and events commit together.
 */
@ApplicationScoped
public class IncidentDeclarations {

    private final IncidentRepository incidents;
    private final IncidentKeyCounter keys;
    private final BusinessServiceRepository services;
    private final Classifier classifier;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final Clock clock;
    private final io.firebreak.classification.domain.catalog.CatalogGraph graph;
    private final AlertGroupRepository groups;

    public IncidentDeclarations(IncidentRepository incidents, IncidentKeyCounter keys, BusinessServiceRepository services,
                                Classifier classifier, DecisionLog decisions, Outbox outbox, Clock clock,
                                io.firebreak.classification.domain.catalog.CatalogGraph graph, AlertGroupRepository groups) {
        this.graph = graph;
        this.groups = groups;
        this.incidents = incidents;
        this.keys = keys;
        this.services = services;
        this.classifier = classifier;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Declares an incident. {@code violations} are the request's structural ones; the domain adds its
     * own (unknown service, missing priority or justification) and refuses them all together.
     */
    @WithTransaction
    public Uni<Incident> declare(Declaration d, List<Violation> violations) {
        return services.findById(d.businessService()).chain(service -> (service == null
                ? Uni.createFrom().<ClassificationPolicy>nullItem() : classifier.governing(service)).chain(policy -> {
            List<Violation> all = new ArrayList<>(violations);
            if (d.businessService() != null && service == null) {
                all.add(new Violation("businessService", "unknown business service " + d.businessService()));
            }
            ImpactFacts facts = service == null ? d.impact() : Classifier.complete(d.impact(), service);
            Evaluation evaluation = service == null || policy == null ? null : Classifier.evaluate(policy, service, facts);
            if (service != null && policy == null && d.proposedPriority() == null) {
                all.add(new Violation("priority", "is required while no signed classification policy governs "
                        + service.name + " (an owner signs the active policy off for it)"));
            }
            boolean disputed = evaluation != null && d.proposedPriority() != null && d.proposedPriority() != evaluation.priority();
            if (disputed && (d.justification() == null || d.justification().isBlank())) {
                all.add(new Violation("justification", "is required when the proposed priority (" + d.proposedPriority()
                        + ") differs from the policy's (" + evaluation.priority() + ")"));
            }
            if (!all.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(all));
            }
            return create(d, service, facts, evaluation, disputed);
        }));
    }

    private Uni<Incident> create(Declaration d, BusinessService service, ImpactFacts facts, Evaluation evaluation,
                                 boolean disputed) {
        Instant now = clock.instant();
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        return keys.next(year).chain(sequence -> {
            Incident incident = new Incident();
            incident.id = UUID.randomUUID();
            incident.key = IncidentKeys.format(year, sequence);
            incident.title = d.title();
            incident.summary = d.summary();
            incident.businessService = service.name;
            incident.impact = facts;
            incident.explanation = evaluation;
            incident.policyVersion = evaluation == null ? null : evaluation.policyVersion();
            incident.priority = evaluation != null ? evaluation.priority() : d.proposedPriority();
            incident.proposedPriority = d.proposedPriority();
            incident.disputeJustification = disputed ? d.justification() : null;
            incident.detectedAt = d.detectedAt();
            incident.declaredAt = now;
            incident.declaredBy = d.declaredBy();
            incident.alertGroupId = d.alertGroupId();
            incident.drill = d.drill();
            incident.classificationBasis = evaluation != null ? ClassificationBasis.POLICY
                    : d.basisWithoutPolicy() == null ? ClassificationBasis.REPORTER : d.basisWithoutPolicy();
            return incidents.persist(incident);
        }).call(incident -> decisions.record(incident, d.alertGroupId() == null ? DecisionKind.DECLARED : DecisionKind.AUTO_DECLARED,
                        null, d.declaredBy(), evaluation != null ? null : unclassifiedReason(incident, service)))
                .call(incident -> graph.impactOf(incident.businessService).chain(impact -> fingerprint(incident).chain(fingerprint ->
                        // Published at the commit when declared by a consumer (an alert group): the first hop to the first page.
                        outbox.recordPublishedAtCommit(EventTypes.INCIDENT_DECLARED, incident.id.toString(),
                                declared(incident, impact.responsibleParties().teams(), service.regulated, fingerprint)))))
                .call(incident -> !disputed ? Uni.createFrom().voidItem() : outbox.record(EventTypes.INCIDENT_CLASSIFICATION_DISPUTED,
                        incident.id.toString(), new ClassificationDisputed(incident.id, incident.key, incident.businessService,
                                incident.priority, incident.proposedPriority, incident.disputeJustification, incident.policyVersion,
                                incident.declaredBy, incident.declaredAt)).replaceWithVoid());
    }

    private static String unclassifiedReason(Incident incident, BusinessService service) {
        return "no signed policy governs " + service.name + ": " + (incident.classificationBasis == ClassificationBasis.SEVERITY
                ? "priority from the alert's severity on tier " + service.tier + " (unclassified)" : "the reporter's priority");
    }

    /** The deduplication key of the alert group an auto-declared incident came from: how repeat failures are recognised. */
    private Uni<String> fingerprint(Incident incident) {
        return incident.alertGroupId == null ? Uni.createFrom().nullItem()
                : groups.findById(incident.alertGroupId).map(g -> g == null ? null : g.dedupKey);
    }

    private static IncidentDeclared declared(Incident incident, java.util.List<String> responsibleTeams, boolean regulated, String fingerprint) {
        return new IncidentDeclared(incident.id, incident.key, incident.title, incident.summary,
                incident.businessService, incident.priority, incident.detectedAt, incident.declaredAt, incident.declaredBy,
                responsibleTeams, incident.drill, ImpactSummaries.of(incident.impact, regulated), incident.alertGroupId, fingerprint);
    }
}
