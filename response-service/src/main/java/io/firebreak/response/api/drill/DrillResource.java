package io.firebreak.response.api.drill;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.drill.Drills;
import io.firebreak.response.model.drill.DrillParticipant;
import io.firebreak.response.model.drill.ReadinessRecord;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A drill incident's scenario and participants, and the readiness records it produced. */
@Path("/api/v1/response/incidents/{id}/drill")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class DrillResource {

    private final Drills drills;
    private final Actors actors;

    public DrillResource(Drills drills, Actors actors) {
        this.drills = drills;
        this.actors = actors;
    }

    public record DrillRequest(String scenario, List<DrillParticipant> participants) {
    }

    public record DrillView(UUID incidentId, String incidentKey, String status, String scenario, List<DrillParticipant> participants,
                            String definedBy, Instant definedAt, List<ReadinessView> readiness) {
    }

    /** One readiness record; completion and quality as shares (null where there was nothing to measure). */
    public record ReadinessView(String person, String role, boolean tookPart, Long secondsToAcknowledge, Long secondsToAccept,
                                int checklistDone, int checklistTotal, Double checklistCompletion, int handoversOffered,
                                int handoversAcknowledged, Double handoverQuality, Instant drilledAt, UUID incidentId, String incidentKey) {
        public static ReadinessView of(ReadinessRecord r) {
            return new ReadinessView(r.person, r.role, r.tookPart, r.secondsToAcknowledge, r.secondsToAccept, r.checklistDone, r.checklistTotal,
                    r.checklistTotal == 0 ? null : (double) r.checklistDone / r.checklistTotal, r.handoversOffered, r.handoversAcknowledged,
                    r.handoversOffered == 0 ? null : (double) r.handoversAcknowledged / r.handoversOffered, r.drilledAt, r.incidentId,
                    r.incidentKey);
        }
    }

    private static DrillView view(Drills.State s) {
        return new DrillView(s.record().incidentId, s.record().incidentKey, s.record().status.name(),
                s.drill() == null ? null : s.drill().scenario, s.drill() == null ? List.of() : s.drill().participants,
                s.drill() == null ? null : s.drill().definedBy, s.drill() == null ? null : s.drill().definedAt,
                s.readiness().stream().map(ReadinessView::of).toList());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The drill's scenario, participants and, once resolved, each person's readiness record per role; 404 for a real incident")
    public Uni<DrillView> get(@PathParam("id") String id) {
        return drills.of(PathIds.uuid("Drill", id)).map(DrillResource::view);
    }

    @PUT
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Sets the scenario and the participants (person, role) of a drill not yet resolved; they join its war room."
            + " The drill's commander or an admin; 404 for a real incident, 409 once resolved.")
    public Uni<DrillView> define(@PathParam("id") String id, DrillRequest request) {
        UUID incident = PathIds.uuid("Drill", id);
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "scenario", request == null ? null : request.scenario(), true, 4_000);
        List<DrillParticipant> participants = new ArrayList<>();
        List<DrillParticipant> given = request == null || request.participants() == null ? List.of() : request.participants();
        if (given.isEmpty()) {
            violations.add(new Violation("participants", "name at least one person and the role they play"));
        } else if (given.size() > 100) {
            violations.add(new Violation("participants", "at most 100"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size() && i < 100; i++) {
            DrillParticipant p = given.get(i);
            String at = "participants[" + i + "]";
            if (p == null) {
                violations.add(new Violation(at, "is required"));
                continue;
            }
            FreeText.check(violations, at + ".person", p.person(), true, 200);
            IncidentRoleKind role = null;
            try {
                role = p.role() == null ? null : IncidentRoleKind.valueOf(p.role().strip());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (role == null) {
                violations.add(new Violation(at + ".role", "must be one of INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD, SUBJECT_MATTER_EXPERT, SCRIBE"));
            }
            if (p.person() != null && !p.person().isBlank() && role != null) {
                DrillParticipant clean = new DrillParticipant(p.person().strip(), role.name());
                if (!seen.add(clean.person() + "/" + clean.role())) {
                    violations.add(new Violation(at, "is named twice"));
                }
                participants.add(clean);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return drills.define(actors.current(), incident, request.scenario().strip(), participants).map(DrillResource::view);
    }
}
