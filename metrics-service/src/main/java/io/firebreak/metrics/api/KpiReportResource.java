package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.QuarterlyKpis;
import io.firebreak.metrics.domain.facts.KpiReports;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The quarterly KPI report relating incident metrics to business outcomes. */
@Path("/api/v1/metrics/reports/quarterly")
@Produces(MediaType.APPLICATION_JSON)
public class KpiReportResource {

    private final KpiReports reports;

    public KpiReportResource(KpiReports reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The quarter's KPI report (?quarter=2026-Q3): per quarter and month the counted incidents, P1/P2, MTTA/MTTR, revenue"
            + " impact, customers affected, SLA minutes breached beside the imported outcomes; change from the previous quarter; Pearson's r"
            + " of each outcome and KPI over the months of the last four quarters")
    public Uni<QuarterlyKpis.Report> quarterly(@QueryParam("quarter") String quarter) {
        return reports.quarterly(QueryParams.quarter("quarter", quarter));
    }
}
