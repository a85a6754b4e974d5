package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.render.ReportHtml;
import io.firebreak.metrics.domain.render.ReportPdf;
import io.firebreak.metrics.domain.MonthlyReports;
import io.firebreak.metrics.domain.facts.Reports;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The monthly executive report: JSON for front-ends, an HTML page with charts, a PDF — by the Accept header. */
@Path("/api/v1/metrics/reports/monthly")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final Reports reports;

    public ReportResource(Reports reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The month's executive report (?month=2026-11): volume and severity over six months with the change and the"
            + " three-month moving average, MTTA/MTTR/MTTE, SLA compliance per priority, top services and teams, the industry benchmark band")
    public Uni<MonthlyReports.Report> monthly(@QueryParam("month") String month) {
        return reports.monthly(Reports.month(month));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The same report as an HTML page with SVG charts (Accept: text/html)")
    public Uni<String> page(@QueryParam("month") String month) {
        // Drawing charts is CPU work: off the event loop.
        return reports.monthly(Reports.month(month)).emitOn(Infrastructure.getDefaultWorkerPool()).map(ReportHtml::render);
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The same report as a PDF (Accept: application/pdf)")
    public Uni<Response> pdf(@QueryParam("month") String month) {
        YearMonth m = Reports.month(month);
        return reports.monthly(m).emitOn(Infrastructure.getDefaultWorkerPool()).map(r -> Response.ok(ReportPdf.render(r), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"firebreak-incidents-" + m + ".pdf\"").build());
    }
}
