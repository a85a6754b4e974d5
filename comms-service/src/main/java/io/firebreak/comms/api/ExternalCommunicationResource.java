package io.firebreak.comms.api;

import io.firebreak.comms.domain.external.ExternalLog;
import io.firebreak.comms.domain.external.ExternalLogRules;
import io.firebreak.comms.model.ExternalKind;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.time.TimeBounds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Communications that left the organisation about one incident, written to the tamper-evident external log. */
@Path("/api/v1/comms/incidents/{id}/external-communications")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class ExternalCommunicationResource {

    private final ExternalLog log;
    private final Actors actors;

    public ExternalCommunicationResource(ExternalLog log, Actors actors) {
        this.log = log;
        this.actors = actors;
    }

    public record EntryRequest(String kind, String audience, String channel, String text, Integer statusVersion, List<String> approvers,
                               String draftedAt, String approvedAt, String sentAt, String headline) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Logs a communication that left the organisation (the incident's Communications Lead), on the current status version",
            description = "Appended to the audit chain external-comms; press statements and regulator notices need an approver other than"
                    + " the author; times in order (drafted ≤ approved ≤ sent ≤ now). external_comms.sent.")
    public Uni<Response> record(@PathParam("id") String id, EntryRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        EntryRequest r = request == null ? new EntryRequest(null, null, null, null, null, null, null, null, null, null) : request;
        List<Violation> violations = new ArrayList<>();
        ExternalKind kind = null;
        if (r.kind() != null && !r.kind().isBlank()) {
            try {
                kind = ExternalKind.valueOf(r.kind().strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("kind", "must be CUSTOMER_ALERT, STATUS_PAGE_POST, PRESS_STATEMENT or REGULATOR_NOTICE"));
            }
        }
        if (r.statusVersion() == null) {
            violations.add(new Violation("statusVersion", "is required: the status version the communication derives from"));
        }
        Instant drafted = time(violations, "draftedAt", r.draftedAt());
        Instant approved = time(violations, "approvedAt", r.approvedAt());
        Instant sent = time(violations, "sentAt", r.sentAt());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return log.record(actors.current(), incident, new ExternalLogRules.Entry(kind, r.audience(), r.channel(), r.text(), r.statusVersion(),
                        r.approvers(), drafted, approved, sent, r.headline()))
                .map(rec -> Response.status(201).entity(ExternalLogResource.LogEntry.of(rec)).build());
    }

    private static Instant time(List<Violation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TimeBounds.instant(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "an RFC 3339 UTC time, e.g. 2026-12-01T10:30:00Z"));
            return null;
        }
    }

}
