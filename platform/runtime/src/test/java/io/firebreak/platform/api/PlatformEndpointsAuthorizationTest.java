package io.firebreak.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.testapp.Db;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may call the endpoints every service gets from the platform (outbox administration, audit). */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class PlatformEndpointsAuthorizationTest {

    private static final String BASE = "/api/v1/platform_test/admin";
    private static final List<String> EVERY_ROLE = List.of(Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER,
            Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN);

    static List<String> roles() {
        return EVERY_ROLE;
    }

    @ParameterizedTest
    @MethodSource("roles")
    void onlyAdminsAndAuditorsReadParkedEventsAndAuditChains(String role) {
        int expected = role.equals(Roles.ADMIN) || role.equals(Roles.AUDITOR) ? 200 : 403;
        as(role).get(BASE + "/outbox/parked").then().statusCode(expected);
        as(role).get(BASE + "/audit/outbox-admin/records").then().statusCode(expected);
        as(role).get(BASE + "/audit/outbox-admin/verification").then().statusCode(expected);
    }

    @ParameterizedTest
    @MethodSource("roles")
    void onlyAdminsRetryOrDiscard(String role) {
        // An unknown event: admins get as far as the lookup (404); everyone else is stopped before it.
        int expected = role.equals(Roles.ADMIN) ? 404 : 403;
        String unknown = UUID.randomUUID().toString();
        as(role).contentType("application/json").body("{\"reason\":\"matrix\"}")
                .post(BASE + "/outbox/parked/" + unknown + "/retry").then().statusCode(expected);
        as(role).contentType("application/json").body("{\"reason\":\"matrix\"}")
                .post(BASE + "/outbox/parked/" + unknown + "/discard").then().statusCode(expected);
    }

    @Test
    void withoutATokenEveryAdminEndpointIs401() {
        given().get(BASE + "/outbox/parked").then().statusCode(401);
        given().get(BASE + "/audit/outbox-admin/verification").then().statusCode(401);
        given().contentType("application/json").body("{\"reason\":\"x\"}")
                .post(BASE + "/outbox/parked/" + UUID.randomUUID() + "/retry").then().statusCode(401);
    }

    @Test
    void anotherServicesContextIsNotFound() {
        as(Roles.ADMIN).get("/api/v1/comms/admin/outbox/parked").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRetryWithoutAReasonIsRefusedWithTheFieldNamed() {
        as(Roles.ADMIN).contentType("application/json").body("{}")
                .post(BASE + "/outbox/parked/" + UUID.randomUUID() + "/retry").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
    }

    @Test
    void retryingAnEventThatIsNotParkedIsAConflict() {
        UUID id = UUID.randomUUID();
        Db.update("insert into platform_test.outbox_event (id, topic, partition_key, type, source, subject, occurred_at, payload, sent_at)"
                + " values (?, 'nowhere', 'k', 't', 's', 'k', now(), '{}', now())", id);

        as(Roles.ADMIN).contentType("application/json").body("{\"reason\":\"it looked stuck\"}")
                .post(BASE + "/outbox/parked/" + id + "/retry").then()
                .statusCode(409).contentType("application/problem+json");
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.as("user-" + role, role)).when();
    }
}
