package io.firebreak.change.api;

import static io.firebreak.testing.RoleMatrix.as;
import static io.firebreak.testing.RoleMatrix.expected;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint × role → status, for every endpoint of change: 401 without a token, 403 without a role of the endpoint, else its answer. */
@QuarkusTest
class ChangeAuthorizationMatrixTest {

    private static final Set<String> READERS = Set.of("viewer", "responder", "incident-commander", "comms-lead", "tech-lead",
            "service-owner", "change-approver", "executive", "auditor", "admin");
    private static final Set<String> REQUESTERS = Set.of("responder", "incident-commander", "tech-lead", "service-owner", "change-approver");
    private static final Set<String> IMPLEMENTERS = REQUESTERS;
    private static final Set<String> DECIDERS = Set.of("change-approver", "incident-commander");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.firebreak.testing.RoleMatrix#roles")
    void eachRoleGetsExactlyItsAccess(String role) {
        String incident = "/api/v1/change/incidents/" + UUID.randomUUID();
        as(role).contentType("application/json").body("{}").post(incident + "/changes").then().statusCode(expected(role, REQUESTERS, 404));
        as(role).get(incident + "/changes").then().statusCode(expected(role, READERS, 404));
        as(role).get(incident + "/findings").then().statusCode(expected(role, READERS, 404));
        as(role).get(incident + "/links").then().statusCode(expected(role, READERS, 404));
        as(role).get(incident + "/flags").then().statusCode(expected(role, Set.of("responder", "incident-commander", "tech-lead",
                "service-owner", "change-approver", "auditor", "admin"), 404));

        String change = "/api/v1/change/changes/" + UUID.randomUUID();
        as(role).get(change).then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"reason\":\"r\"}").post(change + "/approve").then().statusCode(expected(role, DECIDERS, 404));
        as(role).contentType("application/json").body("{\"reason\":\"r\"}").post(change + "/reject").then().statusCode(expected(role, DECIDERS, 404));
        as(role).contentType("application/json").body("{\"reason\":\"r\"}").post(change + "/cancel").then()
                .statusCode(expected(role, Set.of("responder", "incident-commander", "tech-lead", "service-owner", "change-approver", "admin"), 404));
        as(role).post(change + "/start").then().statusCode(expected(role, IMPLEMENTERS, 404));
        as(role).post(change + "/implemented").then().statusCode(expected(role, IMPLEMENTERS, 404));
        as(role).contentType("application/json").body("{\"result\":\"PASSED\",\"evidence\":\"e\"}").post(change + "/validate").then()
                .statusCode(expected(role, IMPLEMENTERS, 404));
        as(role).contentType("application/json").body("{\"reason\":\"r\"}").post(change + "/rollback").then().statusCode(expected(role, IMPLEMENTERS, 404));
        as(role).contentType("application/json").body("{\"record\":\"r\",\"testsDone\":[\"t\"],\"approvals\":[\"a\"]}").put(change + "/documentation")
                .then().statusCode(expected(role, Set.of("responder", "incident-commander", "tech-lead", "service-owner", "change-approver", "admin"), 404));
        as(role).get(change + "/freeze-exceptions").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"expiresAt\":\"2030-01-01T00:00:00Z\",\"reason\":\"r\"}").post(change + "/freeze-exceptions")
                .then().statusCode(expected(role, Set.of("change-approver"), 404));
        as(role).get(change + "/effectiveness").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"outcome\":\"EFFECTIVE\"}").post(change + "/effectiveness").then()
                .statusCode(expected(role, Set.of("change-approver", "incident-commander", "tech-lead"), 404));

        as(role).get("/api/v1/change/action-catalog").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body("{}").put("/api/v1/change/action-catalog").then().statusCode(expected(role, Set.of("admin"), 400));
        as(role).get("/api/v1/change/action-catalog/versions").then().statusCode(expected(role, Set.of("change-approver", "auditor", "admin"), 200));
        as(role).get("/api/v1/change/action-catalog/versions/1").then().statusCode(expected(role, READERS, 200));

        as(role).get("/api/v1/change/freeze-windows").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body("{}").post("/api/v1/change/freeze-windows").then()
                .statusCode(expected(role, Set.of("change-approver", "admin"), 400));
        as(role).delete("/api/v1/change/freeze-windows/" + UUID.randomUUID()).then().statusCode(expected(role, Set.of("change-approver", "admin"), 404));

        as(role).get("/api/v1/change/sources").then().statusCode(expected(role, Set.of("change-approver", "auditor", "admin"), 200));
        as(role).contentType("application/json").body("{}").post("/api/v1/change/sources").then()
                .statusCode(expected(role, Set.of("change-approver", "admin"), 400));
        as(role).get("/api/v1/change/flags").then().statusCode(expected(role, Set.of("change-approver", "auditor", "admin"), 200));
        as(role).get("/api/v1/change/services/" + UUID.randomUUID()).then().statusCode(expected(role, READERS, 404));
        // The webhooks take no bearer token: only the source's signature or token proves them (none here).
        as(role).contentType("application/json").body("{}").post("/api/v1/change/intake/github/" + UUID.randomUUID()).then().statusCode(401);
        as(role).contentType("application/json").body("{}").post("/api/v1/change/intake/gitlab/" + UUID.randomUUID()).then().statusCode(401);
    }
}
