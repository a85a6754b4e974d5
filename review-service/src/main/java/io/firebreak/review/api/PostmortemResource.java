package io.firebreak.review.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.BlamelessRules;
import io.firebreak.review.domain.postmortems.Postmortems;
import io.firebreak.review.domain.timeline.Timelines;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's blameless post-mortem: read, written by its owner, submitted for review and published. */
@Path("/api/v1/review/incidents/{id}/postmortem")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class PostmortemResource {

    private final Postmortems postmortems;
    private final Timelines timelines;
    private final Actors actors;

    public PostmortemResource(Postmortems postmortems, Timelines timelines, Actors actors) {
        this.postmortems = postmortems;
        this.timelines = timelines;
        this.actors = actors;
    }

    public record PostmortemView(UUID id, UUID incidentId, String incidentKey, String title, String priority, String businessService, String state,
                                 String owner, Instant resolvedAt, Instant dueAt, Instant openedAt, String summary, String customerImpact,
                                 String businessImpact, String whatWentWell, String whereLucky, String submittedBy, Instant submittedAt,
                                 String publishedBy, Instant publishedAt, Instant overdueAt, List<BlamelessRules.Flag> blamelessFlags) {
    }

    private Uni<PostmortemView> view(Postmortems.Loaded l) {
        Postmortem p = l.postmortem();
        return timelines.of(l.incident().incidentId).map(v -> {
            List<String> people = new ArrayList<>(v.entries().stream().filter(e -> e.addedBy != null).map(e -> e.addedBy).distinct().toList());
            people.add(p.owner);
            v.entries().stream().filter(e -> "RECOLLECTION".equals(e.origin)).map(e -> e.source).forEach(people::add);
            people.addAll(timelinePeople(v));
            return new PostmortemView(p.id, p.incidentId, l.incident().incidentKey, l.incident().title, l.incident().priority,
                    l.incident().businessService, p.state, p.owner, p.resolvedAt, p.dueAt, p.openedAt, p.summary, p.customerImpact,
                    p.businessImpact, p.whatWentWell, p.whereLucky, p.submittedBy, p.submittedAt, p.publishedBy, p.publishedAt, p.overdueAt,
                    postmortems.blameless(p, people.stream().distinct().toList()));
        });
    }

    /** People named by recorded entries (pages, acknowledgements, roles) — the ones a sentence could blame. */
    private static List<String> timelinePeople(Timelines.Validated v) {
        List<String> out = new ArrayList<>();
        v.entries().forEach(e -> {
            for (String prefix : List.of("Paged ", "Acknowledged by ")) {
                if (e.title.startsWith(prefix)) {
                    out.add(e.title.substring(prefix.length()).split(" ")[0]);
                }
            }
            if ("ROLE_ASSIGNED".equals(e.kind)) {
                out.add(e.title.split(" ")[0]);
            }
        });
        return out;
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
    @Path("/publish")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "The incident's commander or an admin publishes it; 409 listing the timeline flags still open")
    public Uni<PostmortemView> publish(@PathParam("id") String id) {
        return postmortems.publish(PathIds.uuid("Incident", id), actors.current()).chain(this::view);
    }
}
