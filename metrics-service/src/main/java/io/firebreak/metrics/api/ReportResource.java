package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.MonthlyReports;
import io.firebreak.metrics.domain.facts.Reports;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The monthly executive report, for front-ends (JSON). */
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
}
