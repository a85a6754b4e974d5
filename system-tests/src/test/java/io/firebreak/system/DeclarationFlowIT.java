package io.firebreak.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform across two packaged services: a declaration on classification-service reaches
 * response-service only through the outbox, a real Kafka broker and the inbox.
 */
class DeclarationFlowIT {

    private static ServiceProcess classification;
    private static ServiceProcess response;

    @BeforeAll
    static void startServices() throws Exception {
        Map<String, String> config = FirebreakTestResource.infrastructureConfig();
        classification = ServiceProcess.start("classification-service", config);
        Map<String, String> responseConfig = new java.util.HashMap<>(config);
        // Required in production (the packaged app runs in the prod profile): the key signing acknowledgement links.
        responseConfig.put("firebreak.response.paging.link-key", "system-test-only-ack-link-key-0123456789");
        response = ServiceProcess.start("response-service", responseConfig);
    }

    @AfterAll
    static void stopServices() {
        if (response != null) {
            response.close();
        }
        if (classification != null) {
            classification.close();
        }
    }

    /** No policy is active on a fresh installation: the reporter's priority is required and used. */
    private static Map<String, Object> declaration(String title) {
        return Map.of("title", title, "summary", "Payment authorisations time out", "businessService", "payments",
                "impact", Map.of("revenueLossPerHour", 40_000, "customerFacing", true),
                "priority", "P1", "detectedAt", Instant.now().minusSeconds(300).toString());
    }

    private static void registerPayments() {
        int status = given().baseUri(classification.baseUrl()).auth().oauth2(Tokens.as("sam", "service-owner"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "payments", "tier", 1, "owningTeam", "payments-team", "owners", java.util.List.of("sam"),
                        "customerFacing", true, "regulated", true, "usersTotal", 2_000_000))
                .when().post("/api/v1/classification/services").then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isIn(201, 409);
    }

    @Test
    void p1DeclaredOnClassificationOpensAResponseRecordThroughKafka() {
        registerPayments();
        var created = given().baseUri(classification.baseUrl()).auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body(declaration("Payments down"))
                .when().post("/api/v1/classification/incidents")
                .then().statusCode(201).body("key", matchesPattern("INC-\\d{4}-\\d{4,}")).extract();
        String id = created.path("id");
        String key = created.path("key");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().baseUri(response.baseUrl()).auth().oauth2(Tokens.as("vera", "viewer"))
                        .when().get("/api/v1/response/incidents/" + id)
                        .then().statusCode(200)
                        .body("status", equalTo("DECLARED"))
                        .body("incidentKey", equalTo(key))
                        .body("priority", equalTo("P1")));
    }

    @Test
    void packagedServiceRefusesBadCallsWithProblems() {
        registerPayments();
        String incidents = "/api/v1/classification/incidents";
        given().baseUri(classification.baseUrl()).contentType(ContentType.JSON).body(declaration("No token"))
                .when().post(incidents).then().statusCode(401).contentType("application/problem+json");
        given().baseUri(classification.baseUrl()).auth().oauth2(Tokens.as("vera", "viewer"))
                .contentType(ContentType.JSON).body(declaration("Viewer"))
                .when().post(incidents).then().statusCode(403).contentType("application/problem+json");
        given().baseUri(classification.baseUrl()).auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body(Map.of("priority", "P0"))
                .when().post(incidents).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("title", "summary", "businessService", "priority", "detectedAt", "impact"));
        given().baseUri(classification.baseUrl()).auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body("{not json")
                .when().post(incidents).then().statusCode(400).contentType("application/problem+json");
        given().baseUri(classification.baseUrl()).auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body("{\"summary\":\"" + "y".repeat(700 * 1024) + "\"}")
                .when().post(incidents).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void bothServicesServeHealthAndOpenApi() {
        for (ServiceProcess service : new ServiceProcess[] {classification, response}) {
            given().baseUri(service.baseUrl()).when().get("/q/health/live").then().statusCode(200);
            given().baseUri(service.baseUrl()).accept("application/json").when().get("/q/openapi").then().statusCode(200);
        }
    }
}
