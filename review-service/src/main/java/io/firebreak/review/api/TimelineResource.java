package io.firebreak.review.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.postmortems.Postmortems;
import io.firebreak.review.domain.timeline.Timelines;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's timeline from every source, its validation flags and their resolutions. */
@Path("/api/v1/review/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class TimelineResource {

    private final Timelines timelines;
    private final Postmortems postmortems;
    private final Actors actors;

    public TimelineResource(Timelines timelines, Postmortems postmortems, Actors actors) {
        this.timelines = timelines;
        this.postmortems = postmortems;
        this.actors = actors;
    }

    public record EntryView(String id, Instant at, String kind, String origin, String source, String subject, String title, String addedBy) {
    }

    public record FlagView(String key, String rule, String message, List<String> entries, String resolution, String note, String resolvedBy,
                           Instant resolvedAt) {
    }

    public record TimelineView(UUID incidentId, String incidentKey, List<EntryView> entries, List<FlagView> flags, int openFlags) {
        static TimelineView of(Timelines.Validated v) {
            return new TimelineView(v.incident().incidentId, v.incident().incidentKey,
                    v.entries().stream().map(e -> new EntryView(e.id, e.at, e.kind, e.origin, e.source, e.subject, e.title, e.addedBy)).toList(),
                    v.flags().stream().map(f -> new FlagView(f.flag().key(), f.flag().rule(), f.flag().message(), f.flag().entries(),
                            f.open() ? null : f.resolution().resolution, f.open() ? null : f.resolution().note,
                            f.open() ? null : f.resolution().resolvedBy, f.open() ? null : f.resolution().resolvedAt)).toList(),
                    v.open().size());
        }
    }

    public record Resolution(String resolution, String note) {
    }


    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every entry (recorded from events, imported logs, recollections), oldest first, and the validation flags")
    public Uni<TimelineView> get(@PathParam("id") String id) {
        return timelines.of(PathIds.uuid("Incident", id)).map(TimelineView::of);
    }

    @POST
    @Path("/logs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Import a log excerpt {at, kind?, title, source, subject?} (source: the log it comes from)")
    public Uni<TimelineView> log(@PathParam("id") String id, Timelines.Addition body) {
        return add(id, "LOG", body);
    }

    @POST
    @Path("/recollections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "A participant's recollection {at, kind?, title, subject?}; a milestone recalled far from the record is flagged")
    public Uni<TimelineView> recollection(@PathParam("id") String id, Timelines.Addition body) {
        return add(id, "RECOLLECTION", body);
    }

    private Uni<TimelineView> add(String id, String origin, Timelines.Addition body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        UUID incident = PathIds.uuid("Incident", id);
        return postmortems.of(incident).chain(l -> timelines.add(incident, origin, body, actors.current(), l.postmortem())).map(TimelineView::of);
    }

    @POST
    @Path("/flags/{key}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Resolve a flag {resolution: ACCEPTED|CORRECTED, note}")
    public Uni<TimelineView> resolve(@PathParam("id") String id, @PathParam("key") String key, Resolution body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return timelines.resolve(PathIds.uuid("Incident", id), key, body.resolution(), body.note(), actors.current()).map(TimelineView::of);
    }
}
