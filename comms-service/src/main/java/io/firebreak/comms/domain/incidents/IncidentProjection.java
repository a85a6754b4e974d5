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
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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
    private final RoleHolders roles;
    private final Clock clock;

    public IncidentProjection(IncidentRepository incidents, RoleHolders roles, Clock clock) {
        this.incidents = incidents;
        this.roles = roles;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Boolean> declared(IncidentDeclared d) {
        return incidents.findById(d.incidentId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Incident i = new Incident();
            i.incidentId = d.incidentId();
            i.incidentKey = d.key();
            i.title = d.title();
            i.businessService = d.businessService();
            i.priority = d.priority();
            i.drill = Boolean.TRUE.equals(d.drill());
            i.responseStatus = "DECLARED";
            i.detectedAt = d.detectedAt();
            i.declaredAt = d.declaredAt();
            i.updatedAt = clock.instant();
            impact(i, d.impact());
            return incidents.persist(i).replaceWith(true);
        });
    }

    /** Reclassifications and temporary-P1 decisions; the post-mortem's final priority is history, not followed. */
    @WithTransaction
    public Uni<Boolean> priorityChanged(PriorityChanged c) {
        if ("FINAL".equals(c.reason())) {
            return Uni.createFrom().item(false);
        }
        return incidents.findById(c.incidentId()).map(i -> {
            if (i == null) {
                return false;
            }
            i.priority = c.priority();
            impact(i, c.impact());
            i.updatedAt = clock.instant();
            return true;
        });
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

    @WithTransaction
    public Uni<Boolean> statusChanged(ResponseStatusChanged s) {
        return incidents.findById(s.incidentId()).map(i -> {
            if (i == null || s.status().equals(i.responseStatus)) {
                return false;
            }
            i.responseStatus = s.status();
            i.updatedAt = clock.instant();
            return true;
        });
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
