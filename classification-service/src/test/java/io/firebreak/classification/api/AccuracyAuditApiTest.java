package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.classification.support.MutableClock;
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
}
