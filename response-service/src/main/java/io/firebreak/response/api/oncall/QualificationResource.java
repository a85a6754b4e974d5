package io.firebreak.response.api.oncall;

import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.api.oncall.OnCallViews.QualificationView;
import io.firebreak.response.domain.oncall.Drafts;
import io.firebreak.response.domain.oncall.Qualifications;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A person's qualifications for response roles. */
@Path("/api/v1/response/people/{person}/qualifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QualificationResource {

    private final Qualifications qualifications;
    private final Actors actors;

    public QualificationResource(Qualifications qualifications, Actors actors) {
        this.qualifications = qualifications;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The person's qualifications, valid and lapsed")
    public Uni<List<QualificationView>> list(@PathParam("person") String person) {
        return qualifications.of(person).map(list -> list.stream().map(QualificationView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Record a qualification (the manager of a team the person is in, or an admin)")
    public Uni<Response> record(@PathParam("person") String person, Drafts.QualificationDraft draft) {
        return qualifications.record(actors.current(), person, draft)
                .map(q -> Response.status(201).entity(QualificationView.of(q)).build());
    }
}
