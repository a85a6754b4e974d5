package io.firebreak.comms.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.comms.domain.external.ExternalLog;
import io.firebreak.platform.audit.AuditAnchor;
import io.firebreak.platform.audit.AuditChain;
import io.firebreak.platform.audit.AuditRecord;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tamper-evident external-communications log for auditors: export (JSON, CSV) and verification. */
@Path("/api/v1/comms/external-log")
@Produces(MediaType.APPLICATION_JSON)
public class ExternalLogResource {

    static final List<String> CSV_COLUMNS = List.of("sequence", "incidentKey", "incidentId", "kind", "audience", "channel", "statusVersion",
            "author", "approvers", "draftedAt", "approvedAt", "sentAt", "recordedAt", "text", "mac");

    private final ExternalLog log;
    public ExternalLogResource(ExternalLog log) {
        this.log = log;
    }

    /** One record of the log: its place in the chain, its MAC, and what was communicated. */
    public record LogEntry(long sequence, String mac, JsonNode communication) {
        public static LogEntry of(AuditRecord r) {
            return new LogEntry(r.sequence(), r.mac(), r.content());
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The whole log (or one incident's), oldest first, as JSON or CSV (?format=csv) for auditors")
    public Uni<Response> export(@QueryParam("incident") String incident, @QueryParam("format") String format) {
        UUID only = incident == null || incident.isBlank() ? null : PathIds.uuid("Incident", incident);
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ProblemException.invalid(List.of(new Violation("format", "must be json or csv")));
        }
        return log.entries(only).map(records -> csv
                ? Response.ok(csv(records), "text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"external-log.csv\"").build()
                : Response.ok(records.stream().map(LogEntry::of).toList(), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Proves the log untouched: every MAC and link, the head, and optionally an anchor kept outside the database")
    public Uni<AuditChain.Verification> verify(@QueryParam("anchorSequence") Long anchorSequence, @QueryParam("anchorMac") String anchorMac) {
        if ((anchorSequence == null) != (anchorMac == null)) {
            throw ProblemException.invalid(List.of(new Violation(anchorSequence == null ? "anchorSequence" : "anchorMac",
                    "anchorSequence and anchorMac go together")));
        }
        return log.verify(anchorSequence == null ? Optional.empty() : Optional.of(new AuditAnchor(anchorSequence, anchorMac)));
    }

    static String csv(List<AuditRecord> records) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (AuditRecord r : records) {
            JsonNode c = r.content();
            List<String> approvers = new ArrayList<>();
            c.path("approvers").forEach(a -> approvers.add(a.asText()));
            List<String> cells = List.of(Long.toString(r.sequence()), c.path("incidentKey").asText(), c.path("incidentId").asText(),
                    c.path("kind").asText(), c.path("audience").asText(), c.path("channel").asText(), c.path("statusVersion").asText(),
                    c.path("author").asText(), String.join(";", approvers), c.path("draftedAt").asText(), c.path("approvedAt").asText(""),
                    c.path("sentAt").asText(), c.path("recordedAt").asText(), c.path("text").asText(), r.mac());
            out.append(String.join(",", cells.stream().map(ExternalLogResource::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
