package io.firebreak.comms.domain.incidents;

import io.firebreak.comms.model.Incident;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.events.ImpactSummary;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.access.RoleHolders;
import io.firebreak.platform.incident.IncidentFacts;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Comms' picture of incidents, kept from events inside the consumer's inbox transaction: declared
 * incidents and their priority (classification), lifecycle status and current role holders (response).
 * Each apply is idempotent, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class IncidentProjection {

    public static final String COMMS_LEAD = RoleHolders.COMMS_LEAD;
    public static final String INCIDENT_COMMANDER = RoleHolders.INCIDENT_COMMANDER;

    private final IncidentRepository incidents;
    private final IncidentFacts facts;
    private final RoleHolders roles;

    public IncidentProjection(IncidentRepository incidents, IncidentFacts facts, RoleHolders roles) {
        this.incidents = incidents;
        this.facts = facts;
        this.roles = roles;
    }

    /**
     * The declaration (platform {@link IncidentFacts}, which also completes an incident a lifecycle event created first),
     * then the measured impact comms keeps beside the facts. Answers true: the inbox hands each declaration over once.
     */
    @WithTransaction
    public Uni<Boolean> declared(IncidentDeclared d) {
        return facts.declared(d).chain(() -> withImpact(d.incidentId(), d.impact())).replaceWith(true);
    }

    /** Reclassifications and temporary-P1 decisions with their new impact; the post-mortem's final priority is history. */
    @WithTransaction
    public Uni<Boolean> priorityChanged(PriorityChanged c) {
        if ("FINAL".equals(c.reason())) {
            return Uni.createFrom().item(false);
        }
        return facts.priorityChanged(c).chain(() -> withImpact(c.incidentId(), c.impact())).replaceWith(true);
    }

    private Uni<Void> withImpact(UUID incidentId, ImpactSummary impact) {
        return impact == null ? Uni.createFrom().voidItem() : incidents.findById(incidentId).invoke(i -> {
            if (i != null) {
                impact(i, impact);
            }
        }).replaceWithVoid();
    }

    /** Classification's measured impact; a regulated flag it did not send keeps what declaration said. */
    private static void impact(Incident i, ImpactSummary impact) {
        if (impact == null) {
            return;
        }
        i.revenueLossPerHour = impact.revenueLossPerHour();
        i.usersAffected = impact.usersAffected();
        i.customerFacing = impact.customerFacing();
        i.dataExposure = impact.dataExposure();
        i.regulatoryExposure = impact.regulatoryExposure();
        i.securityBreach = impact.securityBreach();
        i.availability = impact.availability();
        if (impact.regulatedService() != null) {
            i.regulatedService = impact.regulatedService();
        }
    }

    /** Response's lifecycle (platform {@link IncidentFacts}: an incident not yet declared here is created from the event). */
    @WithTransaction
    public Uni<Boolean> statusChanged(ResponseStatusChanged s) {
        return facts.statusChanged(s).replaceWith(true);
    }

    /** An accepted assignment: from now the person holds the role (until its release). */
    @WithTransaction
    public Uni<Boolean> roleAssigned(RoleAssigned a) {
        return roles.assigned(a);
    }

    @WithTransaction
    public Uni<Boolean> roleReleased(RoleReleased r) {
        return roles.released(r);
    }

    @WithSession
    public Uni<Incident> find(UUID incidentId) {
        return incidents.findById(incidentId);
    }

    /**
     * Passes when {@code actor} holds one of {@code roles} of the incident now (as comms knows it from response's
     * events); 403 naming who does otherwise. The one check behind "only the current Communications Lead".
     */
    public Uni<Void> requireHolder(Actor actor, Incident incident, String what, String... roles) {
        return this.roles.requireHolder(actor, incident.incidentId, incident.incidentKey, what, roles);
    }

    /** Who holds {@code role} of the incident now, longest first. */
    public Uni<List<String>> holders(UUID incidentId, String role) {
        return roles.holders(incidentId, role);
    }
}
