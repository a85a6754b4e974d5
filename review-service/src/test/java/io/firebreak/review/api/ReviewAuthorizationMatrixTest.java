package io.firebreak.review.api;

import static io.firebreak.testing.RoleMatrix.as;
import static io.firebreak.testing.RoleMatrix.expected;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint × role → status for every endpoint of review: 401 without a token, 403 without a role of the endpoint, else its answer. */
@QuarkusTest
class ReviewAuthorizationMatrixTest {

    private static final Set<String> READERS = Set.of("viewer", "responder", "incident-commander", "comms-lead", "tech-lead",
            "service-owner", "change-approver", "executive", "auditor", "admin");
    private static final Set<String> WRITERS = Set.of("responder", "incident-commander", "comms-lead", "tech-lead", "service-owner", "admin");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.firebreak.testing.RoleMatrix#roles")
    void eachRoleGetsExactlyItsAccess(String role) {
        String unknown = "/api/v1/review/incidents/" + UUID.randomUUID();
        as(role).get(unknown + "/postmortem").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{}").put(unknown + "/postmortem").then().statusCode(expected(role, WRITERS, 404));
        as(role).post(unknown + "/postmortem/submit").then().statusCode(expected(role, WRITERS, 404));
        as(role).post(unknown + "/postmortem/publish").then().statusCode(expected(role, Set.of("incident-commander", "admin"), 404));
        as(role).contentType("application/json").body("{}").post(unknown + "/postmortem/blameless/dismissals").then()
                .statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{}").post(unknown + "/postmortem/factors").then().statusCode(expected(role, WRITERS, 404));
        as(role).delete(unknown + "/postmortem/factors/" + UUID.randomUUID()).then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/review/trends/factors?quarter=2026-Q4").then().statusCode(expected(role, Set.of("incident-commander",
                "service-owner", "change-approver", "executive", "auditor", "admin"), 200));
        as(role).get(unknown + "/timeline").then().statusCode(expected(role, READERS, 404));
        as(role).get(unknown + "/role-data").then().statusCode(expected(role, READERS, 404));
        as(role).get(unknown + "/action-items").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{}").post(unknown + "/action-items").then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{}").post(unknown + "/action-items/" + UUID.randomUUID() + "/completion").then()
                .statusCode(expected(role, Set.of("responder", "incident-commander", "comms-lead", "tech-lead", "service-owner", "change-approver",
                        "admin"), 404));
        as(role).get("/api/v1/review/reviews/quarterly?quarter=2026-Q4").then().statusCode(expected(role, Set.of("service-owner", "executive",
                "auditor", "admin"), 200));
        as(role).contentType("application/json").body("{}").post("/api/v1/review/reviews/quarterly").then()
                .statusCode(expected(role, Set.of("executive", "admin"), 400));
        as(role).get("/api/v1/review/bottlenecks?quarter=2026-Q4").then().statusCode(expected(role, Set.of("incident-commander",
                "service-owner", "executive", "auditor", "admin"), 200));
        as(role).contentType("application/json").body("{}").post(unknown + "/timeline/logs").then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{}").post(unknown + "/timeline/recollections").then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{}").post(unknown + "/timeline/flags/GAP:a,b/resolution").then()
                .statusCode(expected(role, WRITERS, 404));
        // A team's tracker: admins anywhere; service owners only of their own team (this one has no members), auditors read.
        String team = "/api/v1/review/teams/matrix-team-without-members/tracker";
        as(role).get(team).then().statusCode(role == null ? 401 : Set.of("admin", "auditor").contains(role) ? 404 : 403);
        as(role).contentType("application/json").body("{}").put(team).then().statusCode(role == null ? 401 : "admin".equals(role) ? 400 : 403);
        as(role).delete(team).then().statusCode(role == null ? 401 : "admin".equals(role) ? 404 : 403);
        as(role).get("/api/v1/review/services/matrix-unknown-service").then().statusCode(expected(role, READERS, 404));
        Set<String> architecture = Set.of("incident-commander", "tech-lead", "service-owner", "change-approver", "executive", "auditor", "admin");
        as(role).get("/api/v1/review/architecture-reviews?service=matrix-unknown-service").then().statusCode(expected(role, architecture, 200));
        as(role).get("/api/v1/review/architecture-reviews/" + UUID.randomUUID()).then().statusCode(expected(role, architecture, 404));
        as(role).contentType("application/json").body("{}").post("/api/v1/review/architecture-reviews/" + UUID.randomUUID() + "/completion").then()
                .statusCode(expected(role, Set.of("responder", "incident-commander", "tech-lead", "service-owner", "admin"), 404));
        // The tracker's webhook is proved by its signature, not by a token: without one, 401 for everybody.
        as(role).contentType("application/json").body("{}").post("/api/v1/review/trackers/" + UUID.randomUUID() + "/webhook").then()
                .statusCode(401);
    }
}
