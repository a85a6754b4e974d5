package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the service × every role (and no token, and a token without Firebreak roles)
 * → the expected status: 401 without a token, 403 for a role the endpoint does not admit, the
 * endpoint's success status for an admitted role. Admitted calls are well-formed, on fresh fixtures.
 */
@QuarkusTest
class ClassificationAuthorizationMatrixTest {

    private static final List<String> ROLES = List.of("viewer", "responder", "incident-commander", "comms-lead", "tech-lead",
            "service-owner", "change-approver", "executive", "auditor", "admin");
    private static final Set<String> ALL = Set.copyOf(ROLES);
    private static final String OWNER = "matrix-owner";
    private static final String SERVICE = "matrix-service";

    private record Endpoint(String name, Set<String> admitted, int success, Function<RequestSpecification, Response> call) {
    }

    @BeforeEach
    void fixtures() {
        Fixtures.service(SERVICE, 1, OWNER);
        Fixtures.baselinePolicyActive();
    }

    /** The user a role's token names: the service-owner is the matrix service's owner. */
    private static String user(String role) {
        return "service-owner".equals(role) ? OWNER : "matrix-" + role;
    }

    private static RequestSpecification as(String role) {
        if (role == null) {
            return given();
        }
        String[] roles = "no-firebreak-role".equals(role) ? new String[0] : new String[] {role};
        return given().auth().oauth2(Tokens.as(user(role), roles));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.as("matrix-admin", "admin"));
    }

    private static RequestSpecification owner() {
        return given().auth().oauth2(Tokens.as(OWNER, "service-owner"));
    }

    private static String p3Incident() {
        return Fixtures.declareP3(SERVICE, "matrix-setup");
    }

    private static String temporaryP1() {
        String id = p3Incident();
        owner().contentType(ContentType.JSON).body(Map.of("justification", "matrix", "borderlineBecause", "matrix"))
                .post(API + "/incidents/" + id + "/temporary-p1").then().statusCode(200);
        return id;
    }

    private static String pendingSla() {
        return owner().contentType(ContentType.JSON).body(Map.of("P3", Map.of("acknowledgeMinutes", 60, "resolveMinutes", 600)))
                .put(API + "/services/" + SERVICE + "/sla").then().statusCode(202).extract().path("id");
    }

    private static int draftPolicy() {
        return admin().contentType(ContentType.JSON).body(Map.of("description", "matrix", "rules",
                        Fixtures.activeRulesWithOverride(SERVICE, 9_000 + Math.random() * 1_000)))
                .post(API + "/policies").then().statusCode(201).extract().path("version");
    }

    private static int submittedPolicy() {
        int version = draftPolicy();
        admin().post(API + "/policies/" + version + "/submit").then().statusCode(200);
        return version;
    }

    private static String key() {
        return owner().contentType(ContentType.JSON).body(Map.of("name", "matrix"))
                .post(API + "/services/" + SERVICE + "/integration-keys").then().statusCode(201).extract().path("key.id");
    }

    private static String routingKey() {
        return owner().contentType(ContentType.JSON).body(Map.of("name", "matrix"))
                .post(API + "/services/" + SERVICE + "/integration-keys").then().statusCode(201).extract().path("routingKey");
    }

    private static Set<String> only(String... roles) {
        return Set.of(roles);
    }

    private static List<Endpoint> endpoints() {
        String incident = p3Incident();
        int active = given().auth().oauth2(Tokens.as("vera", "viewer")).get(API + "/policies/active").then().extract().path("version");
        Map<String, Object> declaration = Fixtures.declaration("matrix", SERVICE, Map.of("revenueLossPerHour", 150));
        Map<String, Object> serviceBody = Fixtures.serviceBody(SERVICE, 1, OWNER);
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("POST incidents", only("responder", "incident-commander", "service-owner"), 201,
                s -> s.contentType(ContentType.JSON).body(declaration).post(API + "/incidents")));
        list.add(new Endpoint("GET incidents", ALL, 200, s -> s.get(API + "/incidents")));
        list.add(new Endpoint("GET incident", ALL, 200, s -> s.get(API + "/incidents/" + incident)));
        list.add(new Endpoint("GET classification-history", ALL, 200, s -> s.get(API + "/incidents/" + incident + "/classification-history")));
        list.add(new Endpoint("POST reclassify", only("incident-commander", "service-owner"), 200,
                s -> s.contentType(ContentType.JSON).body(Map.of("priority", "P3", "reason", "matrix")).post(API + "/incidents/" + incident + "/reclassify")));
        list.add(new Endpoint("POST temporary-p1", only("incident-commander", "service-owner"), 200,
                s -> s.contentType(ContentType.JSON).body(Map.of("justification", "matrix", "borderlineBecause", "matrix")).post(API + "/incidents/" + p3Incident() + "/temporary-p1")));
        list.add(new Endpoint("POST temporary-p1/confirm", only("incident-commander", "service-owner"), 200,
                s -> s.contentType(ContentType.JSON).body(Map.of("comment", "matrix")).post(API + "/incidents/" + temporaryP1() + "/temporary-p1/confirm")));
        list.add(new Endpoint("POST temporary-p1/downgrade", only("incident-commander", "service-owner"), 200,
                s -> s.contentType(ContentType.JSON).body(Map.of("priority", "P3", "reason", "matrix"))
                        .post(API + "/incidents/" + temporaryP1() + "/temporary-p1/downgrade")));
        list.add(new Endpoint("PUT final-priority", only("incident-commander", "admin"), 200,
                s -> s.contentType(ContentType.JSON).body(Map.of("priority", "P3", "reason", "matrix")).put(API + "/incidents/" + incident + "/final-priority")));
        list.add(new Endpoint("POST policies/starter", only("service-owner", "admin"), 201,
                s -> s.post(API + "/policies/starter")));
        list.add(new Endpoint("POST services", only("service-owner", "admin"), 201,
                s -> s.contentType(ContentType.JSON).body(Fixtures.serviceBody(Fixtures.uniqueName("matrix"), 3, OWNER)).post(API + "/services")));
        list.add(new Endpoint("GET services", ALL, 200, s -> s.get(API + "/services")));
        list.add(new Endpoint("DELETE service", only("service-owner", "admin"), 204, s -> {
            String doomed = Fixtures.uniqueName("doomed");
            Fixtures.service(doomed, 4, OWNER);
            return s.delete(API + "/services/" + doomed);
        }));
        list.add(new Endpoint("GET service", ALL, 200, s -> s.get(API + "/services/" + SERVICE)));
        list.add(new Endpoint("PUT service", only("service-owner", "admin"), 200,
                s -> s.contentType(ContentType.JSON).body(serviceBody).put(API + "/services/" + SERVICE)));
        list.add(new Endpoint("PUT sla", only("service-owner", "admin"), 202,
                s -> s.contentType(ContentType.JSON).body(Map.of("P4", Map.of("acknowledgeMinutes", 120, "resolveMinutes", 2880)))
                        .put(API + "/services/" + SERVICE + "/sla")));
        list.add(new Endpoint("GET sla-changes", ALL, 200, s -> s.get(API + "/services/" + SERVICE + "/sla-changes")));
        list.add(new Endpoint("POST sla sign-off", only("service-owner"), 200,
                s -> s.contentType(ContentType.JSON).body(Map.of("comment", "matrix"))
                        .post(API + "/services/" + SERVICE + "/sla-changes/" + pendingSla() + "/sign-off")));
        list.add(new Endpoint("GET dependencies", ALL, 200, s -> s.get(API + "/services/" + SERVICE + "/dependencies")));
        list.add(new Endpoint("PUT dependencies", only("service-owner", "admin"), 200,
                s -> s.contentType(ContentType.JSON).body(List.of()).put(API + "/services/" + SERVICE + "/dependencies")));
        list.add(new Endpoint("GET impact", ALL, 200, s -> s.get(API + "/services/" + SERVICE + "/impact")));
        list.add(new Endpoint("POST policies", only("service-owner", "admin"), 201,
                s -> s.contentType(ContentType.JSON).body(Map.of("description", "matrix", "rules", Fixtures.baselineRules())).post(API + "/policies")));
        list.add(new Endpoint("GET policies", ALL, 200, s -> s.get(API + "/policies")));
        list.add(new Endpoint("GET policies/active", ALL, 200, s -> s.get(API + "/policies/active")));
        list.add(new Endpoint("GET policy", ALL, 200, s -> s.get(API + "/policies/" + active)));
        list.add(new Endpoint("GET policy sign-offs", ALL, 200, s -> s.get(API + "/policies/" + active + "/sign-offs")));
        list.add(new Endpoint("POST evaluate", ALL, 200, s -> s.contentType(ContentType.JSON)
                .body(Map.of("service", SERVICE, "facts", Map.of("revenueLossPerHour", 1))).post(API + "/policies/" + active + "/evaluate")));
        list.add(new Endpoint("POST submit", only("service-owner", "admin"), 200, s -> s.post(API + "/policies/" + draftPolicy() + "/submit")));
        list.add(new Endpoint("POST policy sign-off", only("service-owner"), 200, s -> s.contentType(ContentType.JSON)
                .body(Map.of("service", SERVICE, "comment", "matrix")).post(API + "/policies/" + submittedPolicy() + "/sign-offs")));
        list.add(new Endpoint("GET alert-groups", ALL, 200, s -> s.queryParam("service", SERVICE).get(API + "/alert-groups")));
        list.add(new Endpoint("POST integration-keys", only("service-owner", "admin"), 201, s -> s.contentType(ContentType.JSON)
                .body(Map.of("name", "matrix")).post(API + "/services/" + SERVICE + "/integration-keys")));
        list.add(new Endpoint("GET integration-keys", only("service-owner", "admin", "auditor"), 200,
                s -> s.get(API + "/services/" + SERVICE + "/integration-keys")));
        list.add(new Endpoint("POST rotate", only("service-owner", "admin"), 201, s -> s.post(API + "/integration-keys/" + key() + "/rotate")));
        list.add(new Endpoint("DELETE integration-key", only("service-owner", "admin"), 200, s -> s.delete(API + "/integration-keys/" + key())));
        list.add(new Endpoint("GET audit/accuracy", only("auditor", "service-owner", "admin"), 200, s -> s
                .queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2027-01-01T00:00:00Z").get(API + "/audit/accuracy")));
        list.add(new Endpoint("GET me", null, 200, s -> s.get(API + "/me")));
        return list;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAdmitsExactlyItsRoles() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> callers = new ArrayList<>(Arrays.asList((String) null));
        callers.addAll(ROLES);
        callers.add("no-firebreak-role");
        for (Endpoint e : endpoints()) {
            for (String role : callers) {
                int expected = role == null ? 401
                        : e.admitted() == null ? e.success() // any authenticated caller
                        : e.admitted().contains(role) ? e.success() : 403;
                tests.add(DynamicTest.dynamicTest(e.name() + " as " + role + " -> " + expected, () -> {
                    Response response = e.call().apply(as(role));
                    assertThat(response.statusCode()).as("%s as %s: %s", e.name(), role, response.asString()).isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> intakeIsAuthenticatedByItsKeyNotByTokens() {
        String routingKey = routingKey();
        String alert = "{\"routing_key\":\"" + routingKey + "\",\"event_action\":\"trigger\",\"dedup_key\":\"matrix\","
                + "\"payload\":{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"info\"}}";
        String change = "{\"routing_key\":\"" + routingKey + "\",\"payload\":{\"summary\":\"deploy 42\"}}";
        String webhook = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"a\"},"
                + "\"annotations\":{},\"startsAt\":\"2026-11-29T10:00:00Z\",\"fingerprint\":\"matrix-fp\"}]}";
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : Arrays.asList(null, "viewer", "no-firebreak-role", "admin")) {
            tests.add(DynamicTest.dynamicTest("/v2/enqueue as " + role + " -> 202", () -> assertThat(
                    as(role).contentType(ContentType.JSON).body(alert).post("/v2/enqueue").statusCode()).isEqualTo(202)));
            tests.add(DynamicTest.dynamicTest("/v2/change/enqueue as " + role + " -> 202", () -> assertThat(
                    as(role).contentType(ContentType.JSON).body(change).post("/v2/change/enqueue").statusCode()).isEqualTo(202)));
            tests.add(DynamicTest.dynamicTest("alertmanager as " + role + " -> 202", () -> assertThat(
                    as(role).contentType(ContentType.JSON).body(webhook).post(API + "/intake/alertmanager/" + routingKey).statusCode())
                    .isEqualTo(202)));
        }
        // The key in the Authorization header is the only credential there: no token is involved.
        tests.add(DynamicTest.dynamicTest("alertmanager, key in the header -> 202", () -> assertThat(
                given().header("Authorization", "Bearer " + routingKey).contentType(ContentType.JSON).body(webhook)
                        .post(API + "/intake/alertmanager").statusCode()).isEqualTo(202)));
        tests.add(DynamicTest.dynamicTest("alertmanager, a token instead of a key -> 401", () -> assertThat(
                as("admin").contentType(ContentType.JSON).body(webhook).post(API + "/intake/alertmanager").statusCode())
                .isEqualTo(401)));
        {
        }
        // Without a valid key no token helps.
        tests.add(DynamicTest.dynamicTest("/v2/enqueue with an unknown key as admin -> 400", () -> assertThat(
                as("admin").contentType(ContentType.JSON).body(alert.replace(routingKey, "f".repeat(32))).post("/v2/enqueue").statusCode())
                .isEqualTo(400)));
        return tests.stream();
    }
}
