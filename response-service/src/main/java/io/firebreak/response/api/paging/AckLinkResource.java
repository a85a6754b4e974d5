package io.firebreak.response.api.paging;

import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.response.domain.paging.AckLinks;
import io.firebreak.response.domain.paging.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The one-click acknowledgement link in every page. Open to anyone holding a valid link (the link is
 * the credential: signed, expiring, single use). GET only shows a confirmation — mail scanners and
 * chat link previews fetch links — and the form's POST acknowledges.
 */
@Path("/api/v1/response/pages/{page}/ack")
public class AckLinkResource {

    private final AckLinks links;
    private final Paging paging;

    public AckLinkResource(AckLinks links, Paging paging) {
        this.links = links;
        this.paging = paging;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Confirmation page of an acknowledgement link (changes nothing)")
    public Uni<Response> confirm(@PathParam("page") String page, @QueryParam("exp") long exp, @QueryParam("sig") String sig) {
        UUID id = checked(page, exp, sig);
        return paging.page(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("Page", page);
            }
            String html = "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                    + "<title>Acknowledge page</title></head><body><h1>Acknowledge this page?</h1>"
                    + "<p>You (" + escape(p.person) + ") were paged for an incident at escalation level " + (p.level + 1) + ".</p>"
                    + "<form method=\"post\"><input type=\"hidden\" name=\"exp\" value=\"" + exp + "\">"
                    + "<input type=\"hidden\" name=\"sig\" value=\"" + escape(sig) + "\">"
                    + "<button type=\"submit\">Acknowledge</button></form></body></html>";
            return Response.ok(html).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "default-src 'none'; form-action 'self'").build();
        });
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Acknowledge through the link (once)")
    public Uni<Response> acknowledge(@PathParam("page") String page, @FormParam("exp") long exp, @FormParam("sig") String sig) {
        UUID id = checked(page, exp, sig);
        return io.firebreak.platform.problem.Collisions.retried(() -> paging.acknowledgeByLink(id, "LINK")).map(a -> Response.ok("<!doctype html><html><body><h1>Acknowledged</h1><p>"
                        + (a.first() ? "Escalation stopped." : "The incident was already acknowledged by " + escape(a.acknowledgedBy()) + ".")
                        + "</p></body></html>").header("Cache-Control", "no-store").build());
    }

    private UUID checked(String page, long exp, String sig) {
        UUID id = PathIds.uuid("Page", page);
        return switch (links.check(id, exp, sig)) {
            case VALID -> id;
            // A forged link learns nothing about the page.
            case FORGED -> throw ProblemException.notFound("Page", page);
            case EXPIRED -> throw new ProblemException(Problem.of(410, "link-expired", "Link expired",
                    "This acknowledgement link expired; acknowledge in Firebreak instead"));
        };
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
