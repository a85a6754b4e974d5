package io.firebreak.comms.api;

import io.firebreak.comms.domain.commentary.Commentary;
import io.firebreak.comms.model.CommentaryMention;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Public mentions flagged to an incident (staff outside the comms roles posting about it). */
@Path("/api/v1/comms/incidents/{id}/commentary")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class IncidentCommentaryResource {

    private final Commentary commentary;

    public IncidentCommentaryResource(Commentary commentary) {
        this.commentary = commentary;
    }

    public record MentionView(UUID id, String source, String author, boolean staff, String url, String text, Instant postedAt,
                              Instant receivedAt, List<String> flaggedIncidents) {
        static MentionView of(CommentaryMention m) {
            return new MentionView(m.id, m.source, m.author, m.staff, m.url, m.text, m.postedAt, m.receivedAt, m.flagged);
        }
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Public mentions flagged to the incident, newest first")
    public Uni<List<MentionView>> flagged(@PathParam("id") String id) {
        return commentary.flaggedTo(PathIds.uuid("Incident", id)).map(l -> l.stream().map(MentionView::of).toList());
    }
}
