package io.firebreak.response.api.triage;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.IfMatch;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.triage.TriageLog;
import io.firebreak.response.domain.triage.TriageLog.DiagnosticDraft;
import io.firebreak.response.domain.triage.TriageLog.FindingDraft;
import io.firebreak.response.domain.triage.TriageLog.HypothesisChange;
import io.firebreak.response.domain.triage.TriageLog.HypothesisDraft;
import io.firebreak.response.model.triage.CheckKind;
import io.firebreak.response.model.triage.HypothesisStatus;
import io.firebreak.response.model.triage.TriageEntry;
import io.firebreak.response.model.triage.TriageKind;
import io.firebreak.response.model.triage.TriageRevision;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The triage log of an incident: hypotheses, diagnostics and findings, each with its history. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}/triage")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    private final TriageLog triage;
    private final Actors actors;

    public TriageResource(TriageLog triage, Actors actors) {
        this.triage = triage;
        this.actors = actors;
    }

    public record HypothesisRequest(String statement, List<String> evidence) {
    }

    public record HypothesisChangeRequest(String statement, String status, List<String> evidence, String reason) {
    }

    public record DiagnosticRequest(String check, String kind, String result, List<String> evidence) {
    }

    public record FindingRequest(String statement, String component, String hypothesisId, List<String> evidence) {
    }

    public record EntryView(UUID id, TriageKind kind, String statement, String status, String checkKind, String result, String component,
                            UUID hypothesisId, List<String> evidence, String recordedBy, Instant recordedAt, String updatedBy,
                            Instant updatedAt, int version) {
        static EntryView of(TriageEntry e) {
            return new EntryView(e.id, e.kind, e.statement, e.status == null ? null : e.status.name(),
                    e.checkKind == null ? null : e.checkKind.name(), e.result, e.component, e.hypothesisId, e.evidence, e.recordedBy,
                    e.recordedAt, e.updatedBy, e.updatedAt, e.version);
        }
    }

    public record RevisionView(int revision, String snapshot, String changedBy, Instant changedAt, String reason) {
        static RevisionView of(TriageRevision r) {
            return new RevisionView(r.revision, r.snapshot, r.changedBy, r.changedAt, r.reason);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The incident's triage log, oldest first; ?kind=HYPOTHESIS|DIAGNOSTIC|FINDING filters")
    public Uni<List<EntryView>> list(@PathParam("id") String id, @QueryParam("kind") String kind) {
        TriageKind wanted = kind == null || kind.isBlank() ? null : parse(TriageKind.class, "kind", kind);
        return triage.of(PathIds.uuid("Incident", id))
                .map(list -> list.stream().filter(e -> wanted == null || e.kind == wanted).map(EntryView::of).toList());
    }

    @GET
    @Path("{entryId}/history")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every revision of one entry: the whole entry after each change, who and why")
    public Uni<List<RevisionView>> history(@PathParam("id") String id, @PathParam("entryId") String entryId) {
        return triage.history(PathIds.uuid("Incident", id), PathIds.uuid("Triage entry", entryId))
                .map(list -> list.stream().map(RevisionView::of).toList());
    }

    @POST
    @Path("hypotheses")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Proposes a hypothesis (status OPEN); published as triage.hypothesis_changed")
    public Uni<Response> propose(@PathParam("id") String id, HypothesisRequest request) {
        HypothesisRequest r = request == null ? new HypothesisRequest(null, null) : request;
        return triage.propose(actors.current(), PathIds.uuid("Incident", id), new HypothesisDraft(r.statement(), r.evidence()))
                .map(e -> Response.status(201).entity(EntryView.of(e)).build());
    }

    @PATCH
    @Path("hypotheses/{entryId}")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Changes a hypothesis: statement, status (CONFIRMED or REFUTED need a reason) or evidence; If-Match: version",
            description = "The earlier state stays as a revision; published as triage.hypothesis_changed. 409 on a stale If-Match.")
    public Uni<EntryView> change(@PathParam("id") String id, @PathParam("entryId") String entryId, @HeaderParam("If-Match") String ifMatch,
                                 HypothesisChangeRequest request) {
        HypothesisChangeRequest r = request == null ? new HypothesisChangeRequest(null, null, null, null) : request;
        HypothesisStatus status = r.status() == null ? null : parse(HypothesisStatus.class, "status", r.status());
        return triage.changeHypothesis(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Triage entry", entryId),
                new HypothesisChange(r.statement(), status, r.evidence(), r.reason(), IfMatch.version(ifMatch))).map(EntryView::of);
    }

    @POST
    @Path("diagnostics")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Records a diagnostic that was run: what was checked (query, dashboard, command) and its result")
    public Uni<Response> diagnostic(@PathParam("id") String id, DiagnosticRequest request) {
        DiagnosticRequest r = request == null ? new DiagnosticRequest(null, null, null, null) : request;
        CheckKind kind = r.kind() == null ? null : parse(CheckKind.class, "kind", r.kind());
        return triage.diagnostic(actors.current(), PathIds.uuid("Incident", id), new DiagnosticDraft(r.check(), kind, r.result(), r.evidence()))
                .map(e -> Response.status(201).entity(EntryView.of(e)).build());
    }

    @POST
    @Path("findings")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Records a finding: a confirmed cause candidate in a catalog component; published as triage.finding_recorded",
            description = "422 `unknown-component` when the component is not in the catalog; 422 `hypothesis-not-confirmed` when it"
                    + " cites a hypothesis that is not confirmed.")
    public Uni<Response> finding(@PathParam("id") String id, FindingRequest request) {
        FindingRequest r = request == null ? new FindingRequest(null, null, null, null) : request;
        UUID hypothesis = r.hypothesisId() == null || r.hypothesisId().isBlank() ? null : uuid("hypothesisId", r.hypothesisId());
        return triage.finding(actors.current(), PathIds.uuid("Incident", id), new FindingDraft(r.statement(), r.component(), hypothesis,
                        r.evidence())).map(e -> Response.status(201).entity(EntryView.of(e)).build());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()))));
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation(field, "must be a UUID")));
        }
    }
}
