package io.firebreak.comms.api;

import io.firebreak.comms.domain.statuspage.StatusPage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public status page for front ends: no token needed, only what was posted to customers. Answers carry
 * {@code Cache-Control: public, max-age=30} and an ETag; a matching {@code If-None-Match} gets 304.
 */
@Path("/api/v1/comms/status-page")
@PermitAll
public class StatusPageResource {

    static final String CACHE = "public, max-age=30";

    private final StatusPage page;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public StatusPageResource(StatusPage page, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.page = page;
        this.mapper = mapper;
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statuspage-shaped summary.json: the page indicator and the unresolved incidents")
    public Uni<Response> summary(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return page.incidents().map(all -> {
            List<StatusPage.PageIncident> open = all.stream().filter(i -> i.resolved_at() == null).toList();
            return json(new StatusPage.Summary(pageOf(all), StatusPage.indicator(open), open), ifNoneMatch);
        });
    }

    @GET
    @Path("incidents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statuspage-shaped incidents.json: the last 90 days' posted incidents, newest first (at most 50)")
    public Uni<Response> incidents(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return page.incidents().map(all -> json(new StatusPage.Incidents(pageOf(all), all), ifNoneMatch));
    }

    @GET
    @Path("feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "The posted incident updates as an Atom feed (RFC 4287)")
    public Uni<Response> atom(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return page.incidents().map(all -> cached(AtomFeed.of(all, pageOf(all).updated_at()), "application/atom+xml; charset=utf-8", ifNoneMatch));
    }

    private static StatusPage.Page pageOf(List<StatusPage.PageIncident> incidents) {
        Instant updated = incidents.stream().map(StatusPage.PageIncident::updated_at).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new StatusPage.Page("Firebreak status", updated);
    }

    private Response json(Object body, String ifNoneMatch) {
        try {
            return cached(mapper.writeValueAsString(body), MediaType.APPLICATION_JSON, ifNoneMatch);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("status page not serialisable", e);
        }
    }

    private static Response cached(String body, String type, String ifNoneMatch) {
        String tag = etag(body);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag + "\"") || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified(new EntityTag(tag)).header("Cache-Control", CACHE).build();
        }
        return Response.ok(body, type).tag(new EntityTag(tag)).header("Cache-Control", CACHE).build();
    }

    static String etag(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
