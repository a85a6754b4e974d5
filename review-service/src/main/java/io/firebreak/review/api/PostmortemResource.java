package io.firebreak.review.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.postmortems.Factors;
import io.firebreak.review.domain.postmortems.Postmortems;
import io.firebreak.review.domain.postmortems.RoleData;
import io.firebreak.review.model.ContributingFactor;
import io.firebreak.review.model.Postmortem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's blameless post-mortem: read, written by its owner, submitted for review and published. */
@Path("/api/v1/review/incidents/{id}/postmortem")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class PostmortemResource {

    private final Postmortems postmortems;
    private final Factors factors;
    private final RoleData roleData;
    private final Actors actors;

    public PostmortemResource(Postmortems postmortems, Factors factors, RoleData roleData, Actors actors) {
        this.postmortems = postmortems;
        this.factors = factors;
        this.roleData = roleData;
        this.actors = actors;
    }

    public record BlameView(String rule, String sentence, int offset, String matched, String suggestion, boolean dismissed, String dismissedBy,
                            String reason) {
        static BlameView of(Postmortems.CheckedBlame b) {
            var f = b.flag();
            return new BlameView(f.rule(), f.sentence(), f.offset(), f.matched(), f.suggestion(), !b.open(),
                    b.open() ? null : b.dismissal().dismissedBy, b.open() ? null : b.dismissal().reason);
        }
    }

    public record FactorView(UUID id, String category, String subcategory, String description, List<String> evidence, String addedBy,
                             Instant addedAt) {
        static FactorView of(ContributingFactor f) {
            return new FactorView(f.id, f.category, f.subcategory, f.description, f.evidence, f.addedBy, f.addedAt);
        }
    }

    public record PostmortemView(UUID id, UUID incidentId, String incidentKey, String title, String priority, String businessService, String state,
                                 String owner, Instant resolvedAt, Instant dueAt, Instant openedAt, String summary, String customerImpact,
                                 String businessImpact, String whatWentWell, String whereLucky, String submittedBy, Instant submittedAt,
                                 String publishedBy, Instant publishedAt, Instant overdueAt, List<BlameView> blamelessFlags,
                                 List<FactorView> contributingFactors, RoleData.View roleData) {
    }

    public record Dismissal(String rule, String sentence, String reason) {
    }

    private Uni<PostmortemView> view(Postmortems.Loaded l) {
        Postmortem p = l.postmortem();
        return postmortems.blamelessChecked(l).chain(blame -> factors.of(l.incident().incidentId).chain(fs -> roleData.of(l.incident().incidentId)
                .map(roles -> new PostmortemView(p.id, p.incidentId, l.incident().incidentKey, l.incident().title, l.incident().priority,
                        l.incident().businessService, p.state, p.owner, p.resolvedAt, p.dueAt, p.openedAt, p.summary, p.customerImpact,
                        p.businessImpact, p.whatWentWell, p.whereLucky, p.submittedBy, p.submittedAt, p.publishedBy, p.publishedAt, p.overdueAt,
                        blame.stream().map(BlameView::of).toList(), fs.stream().map(FactorView::of).toList(), roles))));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The post-mortem with the blamelessness check of its text (sentences naming a person as a cause, blame language)")
    public Uni<PostmortemView> get(@PathParam("id") String id) {
        return postmortems.of(PathIds.uuid("Incident", id)).chain(this::view);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "The owner (or the commander, an admin) writes {summary, customerImpact, businessImpact, whatWentWell, whereLucky}")
    public Uni<PostmortemView> edit(@PathParam("id") String id, Postmortems.Text body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return postmortems.edit(PathIds.uuid("Incident", id), body, actors.current()).chain(this::view);
    }

    @POST
    @Path("/submit")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "The owner submits the draft for review; the timeline is validated and its flags published")
    public Uni<PostmortemView> submit(@PathParam("id") String id) {
        return postmortems.submit(PathIds.uuid("Incident", id), actors.current()).chain(this::view);
    }

    @POST
    @Path("/blameless/dismissals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "The author dismisses one blamelessness flag {rule, sentence, reason} instead of rephrasing it")
    public Uni<PostmortemView> dismiss(@PathParam("id") String id, Dismissal body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        UUID incident = PathIds.uuid("Incident", id);
        return postmortems.dismiss(incident, body.rule(), body.sentence(), body.reason(), actors.current())
                .chain(x -> postmortems.of(incident)).chain(this::view);
    }

    @POST
    @Path("/factors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Add a contributing factor {category, subcategory, description, evidence: [timeline entry ids]}")
    public Uni<jakarta.ws.rs.core.Response> addFactor(@PathParam("id") String id, Factors.Input body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return factors.add(PathIds.uuid("Incident", id), body, actors.current())
                .map(f -> jakarta.ws.rs.core.Response.status(201).entity(FactorView.of(f)).build());
    }

    @jakarta.ws.rs.DELETE
    @Path("/factors/{factorId}")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Remove a contributing factor (before publication)")
    public Uni<jakarta.ws.rs.core.Response> removeFactor(@PathParam("id") String id, @PathParam("factorId") String factorId) {
        return factors.remove(PathIds.uuid("Incident", id), PathIds.uuid("Contributing factor", factorId), actors.current())
                .map(x -> jakarta.ws.rs.core.Response.noContent().build());
    }

    @POST
    @Path("/publish")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "The incident's commander or an admin publishes it; 409 listing the timeline flags still open and the"
            + " blamelessness flags neither rephrased nor dismissed")
    public Uni<PostmortemView> publish(@PathParam("id") String id) {
        return postmortems.publish(PathIds.uuid("Incident", id), actors.current()).chain(this::view);
    }
}
