package io.firebreak.classification.support;

import static io.restassured.RestAssured.given;

import io.firebreak.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data through the real API: catalog services and an active baseline policy. Idempotent, so
 * every test class can ask for what it needs in any order on the shared database.
 */
public final class Fixtures {

    public static final String API = "/api/v1/classification";

    private Fixtures() {
    }

    /** Baseline tier thresholds: tier 1 P1 at 10,000/h, 10,000 users or 5 %; each lower priority a tenth. */
    public static Map<String, Object> baselineRules() {
        Map<String, Object> tiers = new HashMap<>();
        for (int tier = 1; tier <= 4; tier++) {
            double f = tier;
            tiers.put(String.valueOf(tier), Map.of(
                    "p1", Map.of("revenueLossPerHour", 10_000 * f, "usersAffected", (long) (10_000 * f), "usersAffectedShare", 0.05),
                    "p2", Map.of("revenueLossPerHour", 1_000 * f, "usersAffected", (long) (1_000 * f), "usersAffectedShare", 0.005),
                    "p3", Map.of("revenueLossPerHour", 100 * f, "usersAffected", (long) (100 * f), "usersAffectedShare", 0.0005)));
        }
        Map<String, Object> rules = new HashMap<>();
        rules.put("tiers", tiers);
        rules.put("confirmedDataExposure", "P1");
        rules.put("suspectedDataExposure", "P2");
        rules.put("securityBreach", "P1");
        rules.put("regulatoryExposure", "P2");
        rules.put("customerFacingOutageTier1", "P1");
        rules.put("borderlineMargin", 0.8);
        return rules;
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a customer-facing, unregulated service owned by {@code owner} (as that owner), unless it exists. */
    public static void service(String name, int tier, String owner) {
        service(name, tier, owner, true, false);
    }

    /**
     * Registers a service with the given catalog flags, unless it exists, and has its owner adopt the
     * active policy for it (sign it off), as an owner would: a service no signed policy governs is classified
     * by the reporter or by alert severity only.
     */
    public static void service(String name, int tier, String owner, boolean customerFacing, boolean regulated) {
        registerOnly(name, tier, owner, customerFacing, regulated);
        Response active = given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/policies/active");
        if (active.statusCode() == 200) {
            int version = active.path("version");
            int status = given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                    .body(Map.of("service", name, "comment", "adopted for tests"))
                    .when().post(API + "/policies/" + version + "/sign-offs").then().extract().statusCode();
            if (status != 200 && status != 409) {
                throw new AssertionError("could not adopt policy " + version + " for " + name + ": " + status);
            }
        }
    }

    /** Registers a service and nothing else: no signed policy governs it until its owner signs one off. */
    public static void registerOnly(String name, int tier, String owner, boolean customerFacing, boolean regulated) {
        Map<String, Object> body = serviceBody(name, tier, owner);
        body.put("customerFacing", customerFacing);
        body.put("regulated", regulated);
        int status = given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON).body(body)
                .when().post(API + "/services").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("could not register " + name + ": " + status);
        }
    }

    public static Map<String, Object> serviceBody(String name, int tier, String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "Test service " + name);
        body.put("tier", tier);
        body.put("owningTeam", "team-" + name);
        body.put("owners", List.of(owner));
        body.put("customerFacing", true);
        body.put("regulated", false);
        body.put("onCallTeam", "oncall-" + name);
        body.put("usersTotal", 100_000);
        body.put("sla", Map.of("P1", Map.of("acknowledgeMinutes", 5, "resolveMinutes", 240),
                "P2", Map.of("acknowledgeMinutes", 15, "resolveMinutes", 480)));
        return body;
    }

    /** Makes sure some version of the baseline rules is active, signing off for every affected service. */
    public static synchronized void baselinePolicyActive() {
        if (given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/policies/active").statusCode() == 200) {
            return;
        }
        int version = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("description", "baseline for tests", "rules", baselineRules()))
                .when().post(API + "/policies").then().statusCode(201).extract().path("version");
        Response submitted = given().auth().oauth2(Tokens.as("ada", "admin")).when().post(API + "/policies/" + version + "/submit")
                .then().statusCode(200).extract().response();
        List<String> affected = submitted.path("affectedServices");
        for (String service : affected) {
            List<String> owners = given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/services/" + service)
                    .then().statusCode(200).extract().path("owners");
            given().auth().oauth2(Tokens.as(owners.get(0), "service-owner")).contentType(ContentType.JSON)
                    .body(Map.of("service", service, "comment", "baseline accepted for tests"))
                    .when().post(API + "/policies/" + version + "/sign-offs").then().statusCode(200);
        }
    }

    /** The active version's rules plus an override for one service, so only that service is affected by the change. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> activeRulesWithOverride(String service, double p1Revenue) {
        Map<String, Object> rules = new HashMap<>(given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/policies/active")
                .then().statusCode(200).extract()
                // Doubles, not JsonPath's default floats: a threshold must survive the round trip unchanged.
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)).getMap("rules"));
        Map<String, Object> overrides = new HashMap<>(rules.get("serviceOverrides") == null ? Map.of()
                : (Map<String, Object>) rules.get("serviceOverrides"));
        overrides.put(service, Map.of("p1", Map.of("revenueLossPerHour", p1Revenue), "p2", Map.of("revenueLossPerHour", p1Revenue / 10)));
        rules.put("serviceOverrides", overrides);
        return rules;
    }

    public static Map<String, Object> declaration(String title, String service, Map<String, Object> impact) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "Card payments fail with 503 for EU customers");
        body.put("businessService", service);
        body.put("impact", impact);
        body.put("detectedAt", Instant.now().minusSeconds(120).toString());
        return body;
    }

    /** Declares with facts that make the baseline policy say P1 on a tier-1 service; answers the incident id. */
    public static String declareP1(String service, String as) {
        return given().auth().oauth2(Tokens.as(as, "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("P1 on " + service, service, Map.of("revenueLossPerHour", 50_000)))
                .when().post(API + "/incidents").then().statusCode(201).extract().path("id");
    }

    public static String declareP3(String service, String as) {
        return given().auth().oauth2(Tokens.as(as, "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("P3 on " + service, service, Map.of("revenueLossPerHour", 150)))
                .when().post(API + "/incidents").then().statusCode(201).extract().path("id");
    }
}
