package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.firebreak.testing.TestKafkaClient.header;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicySignOffTest {

    private static final String POLICIES = API + "/policies";

    @BeforeEach
    void baseline() {
        Fixtures.service("checkout", 1, "sam");
        Fixtures.baselinePolicyActive();
    }

    /** The active rules with a stricter override for one service: only that service's owners must sign off. */
    private static Map<String, Object> withOverride(String service, double p1Revenue) {
        return Fixtures.activeRulesWithOverride(service, p1Revenue);
    }

    private static int draft(Map<String, Object> rules) {
        return given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("description", "stricter for one service", "rules", rules))
                .when().post(POLICIES).then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("version");
    }

    @Test
    void aDraftIsEvaluableButNeverUsedForLiveIncidentsUntilSignedOff() {
        String service = Fixtures.uniqueName("fragile");
        Fixtures.service(service, 1, "fay");
        int active = given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(POLICIES + "/active").then().extract().path("version");
        int version = draft(withOverride(service, 2_000));

        // Dry run of the draft: 3,000/h is P1 under the override.
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "facts", Map.of("revenueLossPerHour", 3_000)))
                .when().post(POLICIES + "/" + version + "/evaluate")
                .then().statusCode(200).body("priority", equalTo("P1")).body("policyVersion", equalTo(version))
                .body("fired[0].rule", containsString("with the override for " + service));
        // Live declaration still uses the active version: 3,000/h on tier 1 is P2.
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("Before sign-off", service, Map.of("revenueLossPerHour", 3_000)))
                .when().post(API + "/incidents").then().statusCode(201)
                .body("priority", equalTo("P2")).body("policyVersion", equalTo(active));

        given().auth().oauth2(Tokens.as("ada", "admin")).when().post(POLICIES + "/" + version + "/submit")
                .then().statusCode(200).body("status", equalTo("PENDING_SIGNOFF"))
                .body("affectedServices", contains(service));
        given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "comment", "fine by me")).when().post(POLICIES + "/" + version + "/sign-offs")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("fay", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "comment", "Agreed: revenue per hour is what hurts us"))
                .when().post(POLICIES + "/" + version + "/sign-offs")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(POLICIES + "/" + active)
                .then().body("status", equalTo("SUPERSEDED"));
        given().auth().oauth2(Tokens.as("aldo", "auditor")).when().get(POLICIES + "/" + version + "/sign-offs")
                .then().statusCode(200).body("[0].signedBy", equalTo("fay"))
                .body("[0].comment", equalTo("Agreed: revenue per hour is what hurts us"));
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("After sign-off", service, Map.of("revenueLossPerHour", 3_000)))
                .when().post(API + "/incidents").then().statusCode(201)
                .body("priority", equalTo("P1")).body("policyVersion", equalTo(version));
        TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x ->
                "io.firebreak.policy.activated.v1".equals(header(x, "ce_type"))), Duration.ofSeconds(20));
    }

    @Test
    void onlyAffectedServicesCanBeSignedOffAndOnlyOnce() {
        String service = Fixtures.uniqueName("picky");
        Fixtures.service(service, 2, "pia");
        String other = Fixtures.uniqueName("bystander");
        Fixtures.service(other, 2, "bo");
        int version = draft(withOverride(service, 5_000));
        given().auth().oauth2(Tokens.as("ada", "admin")).when().post(POLICIES + "/" + version + "/submit")
                .then().statusCode(200).body("affectedServices", not(hasItems(other)));
        given().auth().oauth2(Tokens.as("bo", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", other, "comment", "not mine")).when().post(POLICIES + "/" + version + "/sign-offs")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("ada", "admin")).when().post(POLICIES + "/" + version + "/submit").then().statusCode(409);
        given().auth().oauth2(Tokens.as("pia", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "comment", "fine by me")).when().post(POLICIES + "/" + version + "/sign-offs")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        // Signing again is refused and records nothing.
        given().auth().oauth2(Tokens.as("pia", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "comment", "twice")).when().post(POLICIES + "/" + version + "/sign-offs")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(POLICIES + "/" + version + "/sign-offs").then().statusCode(200)
                .body("findAll { it.service == '" + service + "' }.size()", equalTo(1))
                .body("find { it.service == '" + service + "' }.comment", equalTo("fine by me"));
    }

    @Test
    void rulesThatMakeALowerPriorityHarderToReachAreRefused() {
        Map<String, Object> rules = new HashMap<>(Fixtures.baselineRules());
        rules.put("tiers", Map.of("1", Map.of("p1", Map.of("revenueLossPerHour", 100), "p2", Map.of("revenueLossPerHour", 1_000)),
                "9", Map.of("p1", Map.of("usersAffectedShare", 2))));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("description", "inverted", "rules", rules)).when().post(POLICIES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("rules.tiers.1.p2.revenueLossPerHour", "rules.tiers.9", "rules.tiers.9.p1.usersAffectedShare"));
    }
}
