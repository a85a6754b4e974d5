package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles are not enough (OWASP API1): a service owner acts on the incidents and keys of the services
 * they own, not on another owner's; incident commanders and admins act on all; auditors read keys.
 */
@QuarkusTest
class CrossOwnerAuthorizationTest {

    private String mine;
    private String theirs;

    @BeforeEach
    void twoServicesTwoOwners() {
        mine = Fixtures.uniqueName("alice-svc");
        theirs = Fixtures.uniqueName("bob-svc");
        Fixtures.service(mine, 1, "alice");
        Fixtures.service(theirs, 1, "bob");
        Fixtures.baselinePolicyActive();
    }

    private static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON);
    }

    private static final Map<String, Object> RECLASSIFY = Map.of("priority", "P2", "reason", "worse than thought");
    private static final Map<String, Object> DESIGNATE = Map.of("justification", "card errors rising",
            "borderlineBecause", "revenue not measured yet");

    @Test
    void anOwnerCannotReclassifyOrDesignateAnotherOwnersIncident() {
        String incident = Fixtures.declareP3(theirs, "ines");

        as("alice", "service-owner").body(RECLASSIFY).post(API + "/incidents/" + incident + "/reclassify")
                .then().statusCode(403).contentType("application/problem+json");
        as("alice", "service-owner").body(DESIGNATE).post(API + "/incidents/" + incident + "/temporary-p1")
                .then().statusCode(403).contentType("application/problem+json");

        as("bob", "service-owner").body(DESIGNATE).post(API + "/incidents/" + incident + "/temporary-p1").then().statusCode(200);
        as("alice", "service-owner").body(Map.of("comment", "confirmed")).post(API + "/incidents/" + incident + "/temporary-p1/confirm")
                .then().statusCode(403);
        as("alice", "service-owner").body(Map.of("priority", "P3", "reason", "fine")).post(API + "/incidents/" + incident
                + "/temporary-p1/downgrade").then().statusCode(403);
        // Incident commanders are global.
        as("ines", "incident-commander").body(Map.of("comment", "confirmed")).post(API + "/incidents/" + incident + "/temporary-p1/confirm")
                .then().statusCode(200);
    }

    @Test
    void anOwnerActsOnTheirOwnIncidentsAndCommandersOnAll() {
        as("alice", "service-owner").body(RECLASSIFY).post(API + "/incidents/" + Fixtures.declareP3(mine, "ines") + "/reclassify")
                .then().statusCode(200);
        as("ines", "incident-commander").body(RECLASSIFY).post(API + "/incidents/" + Fixtures.declareP3(theirs, "ines") + "/reclassify")
                .then().statusCode(200);
    }

    @Test
    void anOwnerCannotListRotateOrRevokeAnotherOwnersKeys() {
        String key = as("bob", "service-owner").body(Map.of("name", "prometheus")).post(API + "/services/" + theirs + "/integration-keys")
                .then().statusCode(201).extract().path("key.id");

        as("alice", "service-owner").get(API + "/services/" + theirs + "/integration-keys").then().statusCode(403)
                .contentType("application/problem+json");
        as("alice", "service-owner").post(API + "/integration-keys/" + key + "/rotate").then().statusCode(403);
        as("alice", "service-owner").delete(API + "/integration-keys/" + key).then().statusCode(403);
        as("alice", "service-owner").body(Map.of("name", "mine now")).post(API + "/services/" + theirs + "/integration-keys")
                .then().statusCode(403);

        as("bob", "service-owner").get(API + "/services/" + theirs + "/integration-keys").then().statusCode(200);
        as("aud", "auditor").get(API + "/services/" + theirs + "/integration-keys").then().statusCode(200);
        as("ada", "admin").get(API + "/services/" + theirs + "/integration-keys").then().statusCode(200);
    }
}
