package io.firebreak.response.api.contact;

import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.contact.ContactMethods;
import io.firebreak.response.model.oncall.ContactKind;
import io.firebreak.response.model.oncall.ContactMethod;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own contact methods. */
@Path("/api/v1/response/me/contact-methods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactMethodResource {

    private final ContactMethods contacts;
    private final Actors actors;

    public ContactMethodResource(ContactMethods contacts, Actors actors) {
        this.contacts = contacts;
        this.actors = actors;
    }

    public record ContactMethodRequest(ContactKind kind, String address, String label) {
    }

    /** {@code signingSecret} only in the answer that creates a webhook method; never again. */
    public record ContactMethodView(UUID id, ContactKind kind, String address, String label, boolean verified, Instant verifiedAt,
                                    String signingSecret) {
        static ContactMethodView of(ContactMethod m, boolean withSecret) {
            return new ContactMethodView(m.id, m.kind, m.address, m.label, m.verified(), m.verifiedAt, withSecret ? m.signingSecret : null);
        }
    }

    public record CodeRequest(String code) {
    }

    public record VerificationSent(Instant expiresAt) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Your contact methods")
    public Uni<List<ContactMethodView>> list() {
        return contacts.of(actors.current().user()).map(list -> list.stream().map(m -> ContactMethodView.of(m, false)).toList());
    }

    @POST
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Add a contact method (unverified until you type back the code sent through it)",
            description = "A WEBHOOK method's Standard Webhooks signing secret is in this answer only.")
    public Uni<Response> add(ContactMethodRequest request) {
        ContactMethodRequest r = request == null ? new ContactMethodRequest(null, null, null) : request;
        return contacts.add(actors.current().user(), r.kind(), r.address(), r.label())
                .map(m -> Response.created(URI.create("/api/v1/response/me/contact-methods/" + m.id))
                        .entity(ContactMethodView.of(m, true)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Remove a contact method (and its steps in your rules)")
    public Uni<Response> remove(@PathParam("id") String id) {
        return contacts.remove(actors.current().user(), PathIds.uuid("Contact method", id)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Send a verification code through the method")
    public Uni<Response> requestCode(@PathParam("id") String id) {
        return contacts.requestVerification(actors.current().user(), PathIds.uuid("Contact method", id))
                .map(expires -> Response.accepted(new VerificationSent(expires)).build());
    }

    @POST
    @Path("{id}/verify")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Type back the code; a wrong one is 422 and counts toward the limit")
    public Uni<ContactMethodView> verify(@PathParam("id") String id, CodeRequest request) {
        return contacts.verify(actors.current().user(), PathIds.uuid("Contact method", id), request == null ? null : request.code()).map(v -> {
            if (!v.verified()) {
                throw new ProblemException(Problem.of(422, "wrong-code", "Wrong verification code",
                        "The code does not match; " + Math.max(0, v.attemptsLeft()) + " attempt(s) left"));
            }
            return ContactMethodView.of(v.method(), false);
        });
    }

}
