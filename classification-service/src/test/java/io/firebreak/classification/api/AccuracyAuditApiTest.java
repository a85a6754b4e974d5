package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.MutableClock;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccuracyAuditApiTest {

    private final MutableClock clock;

    AccuracyAuditApiTest(MutableClock clock) {
        this.clock = clock;
    }

    @Test
    void anIncidentWhosePostMortemFoundItWorseIsCountedAsUnderClassifiedWithASuggestion() {
        String service = Fixtures.uniqueName("audited");
        Fixtures.service(service, 1, "aud-owner");
        Fixtures.baselinePolicyActive();
        String id = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("Looked minor", service, Map.of("revenueLossPerHour", 6_000)))
                .when().post(API + "/incidents").then().statusCode(201).body("priority", equalTo("P2")).extract().path("id");
        String key = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P1", "reason", "Post-mortem: every EU checkout failed"))
                .when().put(API + "/incidents/" + id + "/final-priority").then().statusCode(200)
                .body("finalPriority", equalTo("P1")).extract().path("key");

        String now = clock.instant().toString();
        String from = clock.instant().minus(Duration.ofHours(1)).toString();
        given().auth().oauth2(Tokens.as("aldo", "auditor")).queryParam("from", from).queryParam("to", clock.instant().plusSeconds(60).toString())
                .when().get(API + "/audit/accuracy").then().statusCode(200)
                .body("byService.'" + service + "'.counts.P2.P1", equalTo(1))
                .body("byService.'" + service + "'.underClassifiedShare", equalTo(1.0f))
                .body("suggestions.findAll { it.incidents.contains('" + key + "') }.direction", hasItem("LOWER"))
                .body("suggestions.findAll { it.incidents.contains('" + key + "') }.fact", hasItem("revenueLossPerHour"));
        given().auth().oauth2(Tokens.as("aldo", "auditor")).queryParam("to", now).when().get(API + "/audit/accuracy")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("from"));
    }

    @Test
    void anIncidentIsJudgedByThePolicyVersionThatFirstClassifiedItNotByTheOneThatReclassifiedIt() {
        String service = Fixtures.uniqueName("reaudited");
        Fixtures.service(service, 1, "aud-owner");
        Fixtures.baselinePolicyActive();
        int first = given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/policies/active").then().extract().path("version");
        String id = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("Looked minor", service, Map.of("revenueLossPerHour", 6_000)))
                .when().post(API + "/incidents").then().statusCode(201).body("policyVersion", equalTo(first)).extract().path("id");
        // A newer version (stricter for this service) governs when the incident is reclassified.
        int second = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("description", "stricter for " + service, "rules", Fixtures.activeRulesWithOverride(service, 5_000)))
                .when().post(API + "/policies").then().statusCode(201).extract().path("version");
        given().auth().oauth2(Tokens.as("ada", "admin")).when().post(API + "/policies/" + second + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.as("aud-owner", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "comment", "stricter is right")).when().post(API + "/policies/" + second + "/sign-offs")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P1", "reason", "worse than declared")).when().post(API + "/incidents/" + id + "/reclassify")
                .then().statusCode(200).body("policyVersion", equalTo(second));

        given().auth().oauth2(Tokens.as("aldo", "auditor")).queryParam("from", clock.instant().minus(Duration.ofHours(1)).toString())
                .queryParam("to", clock.instant().plusSeconds(60).toString()).when().get(API + "/audit/accuracy").then().statusCode(200)
                .body("byPolicyVersion.'" + first + "'.counts.P2.P1", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("byPolicyVersion.'" + second + "'", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aPeriodLongerThanAYearIsRefusedNotLoaded() {
        given().auth().oauth2(Tokens.as("aldo", "auditor")).queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get(API + "/audit/accuracy").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("to"));
    }
}
