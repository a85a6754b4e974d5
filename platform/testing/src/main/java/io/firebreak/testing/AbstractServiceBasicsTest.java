package io.firebreak.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service must do from its first day: boot on real PostgreSQL and Kafka, report ready
 * (database and broker checked), serve OpenAPI and metrics, and admit to {@code /api/v1/<context>/…}
 * only callers with a valid token. Each service runs it as an empty {@code @QuarkusTest} subclass.
 */
public abstract class AbstractServiceBasicsTest {

    /** The service's own context, so a subclass needs no arguments. */
    private final String context = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("firebreak.context", String.class);

    @Test
    void reportsReadyWithDatabaseAndBrokerChecked() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void servesOpenApiAndPrometheusMetrics() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/" + context + "/me"))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/api/v1/{context}/me")));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void refusesApiCallsWithoutAToken() {
        given().when().get("/api/v1/" + context + "/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void refusesAnExpiredToken() {
        given().auth().oauth2(Tokens.expired("mallory", "admin")).when().get("/api/v1/" + context + "/me").then()
                .statusCode(401);
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        given().auth().oauth2(Tokens.signedByAnotherKey("mallory", "admin")).when().get("/api/v1/" + context + "/me").then()
                .statusCode(401);
    }

    @Test
    void refusesATokenIssuedForAnotherAudience() {
        given().auth().oauth2(Tokens.forAudience("grafana", "mallory", "admin")).when().get("/api/v1/" + context + "/me").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withoutAudience("mallory", "admin")).when().get("/api/v1/" + context + "/me").then()
                .statusCode(401);
    }

    @Test
    void admitsAValidTokenAndSeesItsRoles() {
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get("/api/v1/" + context + "/me").then()
                .statusCode(200)
                .body("user", equalTo("vera"))
                .body("roles", hasItem("viewer"));
    }
}
