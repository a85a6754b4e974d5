package io.firebreak.metrics.api;

import static io.firebreak.testing.RoleMatrix.as;
import static io.firebreak.testing.RoleMatrix.expected;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint × role → status for every endpoint of metrics: 401 without a token, 403 without a role of the endpoint, else its answer. */
@QuarkusTest
class MetricsAuthorizationMatrixTest {

    private static final Set<String> REPORTS = Set.of("incident-commander", "service-owner", "executive", "auditor", "admin");
    private static final Set<String> READERS = Set.of("viewer", "responder", "incident-commander", "comms-lead", "tech-lead", "service-owner",
            "change-approver", "executive", "auditor", "admin");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.firebreak.testing.RoleMatrix#roles")
    void eachRoleGetsExactlyItsAccess(String role) {
        String period = "from=2001-01-01T00:00:00Z&until=2001-01-02T00:00:00Z";
        as(role).get("/api/v1/metrics/summary?" + period).then().statusCode(expected(role, REPORTS, 200));
        as(role).get("/api/v1/metrics/escalations?" + period).then().statusCode(expected(role, REPORTS, 200));
        as(role).get("/api/v1/metrics/data-quality/findings?" + period).then().statusCode(expected(role, REPORTS, 200));
        as(role).get("/api/v1/metrics/incidents/" + UUID.randomUUID()).then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/metrics/recurrence?service=matrix-unknown").then().statusCode(expected(role, REPORTS, 200));
        as(role).post("/api/v1/metrics/rollups/rebuild").then().statusCode(expected(role, Set.of("admin"), 200));
        as(role).contentType("application/json").body("{\"value\": 1.5, \"source\": \"crm\"}").put("/api/v1/metrics/outcomes/matrix-" + role
                + "/2001-Q1").then().statusCode(expected(role, Set.of("executive", "admin"), 201));
        as(role).get("/api/v1/metrics/outcomes").then().statusCode(expected(role, Set.of("executive", "auditor", "admin"), 200));
        as(role).get("/api/v1/metrics/reports/quarterly?quarter=2001-Q1").then().statusCode(expected(role, Set.of("executive", "auditor", "admin"), 200));
        as(role).get("/api/v1/metrics/surveys/mine").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body("{\"rating\": 4}").post("/api/v1/metrics/surveys/" + UUID.randomUUID() + "/answer")
                .then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/metrics/governance/reviews/2001-Q1").then().statusCode(expected(role, Set.of("executive", "auditor", "admin"), 200));
        // Without heldAt: those allowed get the validation problem, nothing is recorded.
        as(role).contentType("application/json").body("{\"policies\": []}").put("/api/v1/metrics/governance/reviews/2001-Q1")
                .then().statusCode(expected(role, Set.of("executive", "admin"), 400));
        as(role).get("/api/v1/metrics/reports/monthly?month=2001-01").then().statusCode(expected(role, Set.of("executive", "auditor", "admin"), 200));
    }
}
