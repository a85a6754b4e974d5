package io.firebreak.comms.api;

import static io.firebreak.testing.RoleMatrix.as;
import static io.firebreak.testing.RoleMatrix.expected;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint × role → status, for every endpoint of comms: 401 without a token, 403 without a role of the endpoint, else its answer. */
@QuarkusTest
class CommsAuthorizationMatrixTest {

    private static final Set<String> READERS = Set.of("viewer", "responder", "incident-commander", "comms-lead", "tech-lead",
            "service-owner", "change-approver", "executive", "auditor", "admin");
    private static final Set<String> WRITERS = Set.of("responder", "incident-commander", "comms-lead", "tech-lead", "admin");
    private static final Set<String> MESSAGE_READERS = Set.of("responder", "incident-commander", "comms-lead", "tech-lead", "executive",
            "auditor", "admin");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.firebreak.testing.RoleMatrix#roles")
    void eachRoleGetsExactlyItsAccess(String role) {
        String unknown = "/api/v1/comms/incidents/" + UUID.randomUUID();
        as(role).get(unknown + "/status").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"state\":\"INVESTIGATING\",\"impact\":\"x\"}").post(unknown + "/status")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).get(unknown + "/messages").then().statusCode(expected(role, MESSAGE_READERS, 404));
        as(role).contentType("application/json").body("{\"statusVersion\":1,\"audience\":\"EXECUTIVE\",\"body\":\"b\"}")
                .post(unknown + "/messages").then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{\"statusVersion\":1,\"audience\":\"EXECUTIVE\",\"body\":\"b\"}")
                .post(unknown + "/messages/preview").then().statusCode(expected(role, WRITERS, 404));
        String message = unknown + "/messages/" + UUID.randomUUID();
        as(role).contentType("application/json").body("{\"reason\":\"r\"}").post(message + "/override")
                .then().statusCode(expected(role, Set.of("comms-lead", "executive"), 404));
        as(role).post(message + "/send").then().statusCode(expected(role, Set.of("incident-commander", "comms-lead"), 404));
        as(role).get(message + "/deliveries").then().statusCode(expected(role, Set.of("incident-commander", "comms-lead", "auditor", "admin"), 404));

        as(role).get(unknown + "/exec-notifications").then()
                .statusCode(expected(role, Set.of("incident-commander", "comms-lead", "executive", "auditor", "admin"), 404));
        as(role).contentType("application/json").body("{\"justification\":\"j\",\"until\":\"2030-01-01T00:00:00Z\"}")
                .post(unknown + "/exec-notifications/" + UUID.randomUUID() + "/delay")
                .then().statusCode(expected(role, Set.of("incident-commander", "comms-lead"), 404));
        as(role).get(unknown + "/engagements").then()
                .statusCode(expected(role, Set.of("incident-commander", "comms-lead", "executive", "auditor", "admin"), 404));
        as(role).contentType("application/json").body("{\"attention\":false}").put(unknown + "/engagements/media-attention")
                .then().statusCode(expected(role, Set.of("incident-commander", "comms-lead"), 404));
        as(role).get(unknown + "/commentary").then().statusCode(expected(role, Set.of("incident-commander", "comms-lead", "auditor", "admin"), 404));
        // The commentary intake takes no token: only a valid signature (none here).
        as(role).contentType("application/json").body("{}").post("/api/v1/comms/commentary/intake").then().statusCode(401);
        as(role).get("/api/v1/comms/exec-notifications").then().statusCode(expected(role, Set.of("executive", "auditor", "admin"), 200));

        Set<String> languageReaders = Set.of("incident-commander", "comms-lead", "executive", "auditor", "admin");
        Set<String> authors = Set.of("comms-lead", "admin");
        Set<String> approvers = Set.of("comms-lead", "executive");
        for (String kind : List.of("templates", "snippets")) {
            String base = "/api/v1/comms/" + kind;
            as(role).get(base).then().statusCode(expected(role, languageReaders, 200));
            as(role).contentType("application/json").body("{}").post(base).then().statusCode(expected(role, authors, 400));
            as(role).contentType("application/json").body("{}").post(base + "/" + UUID.randomUUID() + "/approve")
                    .then().statusCode(expected(role, approvers, 404));
            as(role).contentType("application/json").body("{\"reason\":\"r\"}").post(base + "/" + UUID.randomUUID() + "/reject")
                    .then().statusCode(expected(role, approvers, 404));
        }
        as(role).get("/api/v1/comms/templates/vocabulary").then().statusCode(expected(role, languageReaders, 200));
        as(role).get("/api/v1/comms/stakeholder-groups").then().statusCode(expected(role, Set.of("incident-commander", "comms-lead", "auditor", "admin"), 200));
        as(role).contentType("application/json").body("{}").post("/api/v1/comms/stakeholder-groups").then().statusCode(expected(role, authors, 400));
        as(role).delete("/api/v1/comms/stakeholder-groups/" + UUID.randomUUID()).then().statusCode(expected(role, authors, 404));

        Set<String> hookAdmins = Set.of("comms-lead", "admin");
        Set<String> hookReaders = Set.of("comms-lead", "auditor", "admin");
        String hook = "/api/v1/comms/webhooks/" + UUID.randomUUID();
        as(role).get("/api/v1/comms/webhooks").then().statusCode(expected(role, hookReaders, 200));
        as(role).contentType("application/json").body("{}").post("/api/v1/comms/webhooks").then().statusCode(expected(role, hookAdmins, 400));
        as(role).delete(hook).then().statusCode(expected(role, hookAdmins, 404));
        as(role).get(hook + "/deliveries").then().statusCode(expected(role, hookReaders, 404));
        as(role).post(hook + "/deliveries/" + UUID.randomUUID() + "/replay").then().statusCode(expected(role, hookAdmins, 404));
        Set<String> auditors = Set.of("auditor", "admin");
        as(role).get("/api/v1/comms/external-log?incident=" + UUID.randomUUID()).then().statusCode(expected(role, auditors, 200));
        as(role).get("/api/v1/comms/external-log/verify").then().statusCode(expected(role, auditors, 200));
        // Auditors and admins pass the visibility filter: an admin's empty body is refused before the unknown incident.
        as(role).contentType("application/json").body("{}").post(unknown + "/external-communications")
                .then().statusCode(expected(role, WRITERS, "admin".equals(role) ? 400 : 404));
        // The public status page needs no token at all.
        for (String page : List.of("summary", "incidents", "feed.atom")) {
            as(role).get("/api/v1/comms/status-page/" + page).then().statusCode(200);
        }
        as(role).get("/api/v1/comms/me").then().statusCode(role == null ? 401 : 200);
    }
}
