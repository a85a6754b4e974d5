package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No policy or SLA governs a service without its owner's recorded sign-off, and no sign-off can be
 * bypassed by an older draft, a race or a deregistration.
 */
@QuarkusTest
class PolicyGovernanceTest {

    private static final String POLICIES = API + "/policies";

    @BeforeEach
    void activePolicy() {
        Fixtures.baselinePolicyActive();
    }

    private static int draft(Map<String, Object> rules) {
        return given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("description", "governance test", "rules", rules)).when().post(POLICIES)
                .then().statusCode(201).extract().path("version");
    }

    private static ValidatableResponse submit(int version) {
        return given().auth().oauth2(Tokens.as("ada", "admin")).when().post(POLICIES + "/" + version + "/submit").then().statusCode(200);
    }

    private static ValidatableResponse signOff(int version, String service, String owner) {
        return given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("service", service, "comment", "checked the thresholds for " + service))
                .when().post(POLICIES + "/" + version + "/sign-offs").then();
    }

    private static ValidatableResponse policy(int version) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(POLICIES + "/" + version).then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withOverrides(String a, String b) {
        Map<String, Object> rules = Fixtures.activeRulesWithOverride(a, 5_000);
        if (b != null) {
            Map<String, Object> overrides = new java.util.HashMap<>((Map<String, Object>) rules.get("serviceOverrides"));
            overrides.put(b, Map.of("p1", Map.of("revenueLossPerHour", 6_000.0)));
            rules.put("serviceOverrides", overrides);
        }
        return rules;
    }

    @Test
    void aServiceRegisteredUnderTheActivePolicyIsNotGovernedByItUntilItsOwnerSignsItOff() {
        String service = Fixtures.uniqueName("newcomer");
        Fixtures.registerOnly(service, 1, "nora", true, false);
        Map<String, Object> bigLoss = Map.of("revenueLossPerHour", 50_000);

        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("Unsigned", service, bigLoss)).when().post(API + "/incidents")
                .then().statusCode(400).body("violations.field", hasItem("priority"))
                .body("violations.message", hasItem(containsString("no signed classification policy governs " + service)));
        Map<String, Object> withPriority = new java.util.HashMap<>(Fixtures.declaration("Reporter decides", service, bigLoss));
        withPriority.put("priority", "P2");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(withPriority)
                .when().post(API + "/incidents").then().statusCode(201)
                .body("priority", equalTo("P2")).body("classificationBasis", equalTo("REPORTER")).body("unclassified", equalTo(true));

        int active = given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(POLICIES + "/active").then().extract().path("version");
        signOff(active, service, "mallory").statusCode(403);
        signOff(active, service, "nora").statusCode(200);
        signOff(active, service, "nora").statusCode(409);

        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("Signed now", service, bigLoss)).when().post(API + "/incidents").then().statusCode(201)
                .body("priority", equalTo("P1")).body("classificationBasis", equalTo("POLICY")).body("policyVersion", equalTo(active));
    }

    @Test
    void criticalAlertsOnAServiceNoSignedPolicyGovernsStillDeclareAnUnclassifiedIncident() {
        // As a new user would find it: a tier-1 service, no signed policy for it, a storm of critical alerts.
        String service = Fixtures.uniqueName("fresh-install");
        Fixtures.registerOnly(service, 1, "nora", true, false);
        String key = given().auth().oauth2(Tokens.as("nora", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "prometheus")).when().post(API + "/services/" + service + "/integration-keys")
                .then().statusCode(201).extract().path("routingKey");
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\","
                            + "\"dedup_key\":\"disk-full\",\"payload\":{\"summary\":\"Disk full on db-1\",\"source\":\"db-1\","
                            + "\"severity\":\"critical\"}}")
                    .when().post("/v2/enqueue").then().statusCode(202);
        }

        String incident = await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> groups = given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("service", service)
                    .queryParam("dedupKey", "disk-full").when().get(API + "/alert-groups").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            return groups.isEmpty() ? null : (String) groups.get(0).get("incidentId");
        }, id -> id != null);
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/incidents/" + incident).then().statusCode(200)
                .body("priority", equalTo("P1")).body("classificationBasis", equalTo("SEVERITY")).body("unclassified", equalTo(true))
                .body("policyVersion", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aVersionSubmittedBeforeAnotherWasActivatedCannotRevertItWithoutTheNewOwnersSignOff() {
        String x = Fixtures.uniqueName("gov-x");
        String y = Fixtures.uniqueName("gov-y");
        Fixtures.service(x, 1, "xena");
        Fixtures.service(y, 1, "yuri");
        int older = draft(withOverrides(x, null));
        submit(older).body("affectedServices", equalTo(List.of(x)));
        int newer = draft(withOverrides(y, null));
        submit(newer).body("affectedServices", equalTo(List.of(y)));
        signOff(newer, y, "yuri").statusCode(200).body("status", equalTo("ACTIVE"));

        // The older version's last sign-off: activating it now would drop y's new threshold unsigned.
        signOff(older, x, "xena").statusCode(200).body("status", equalTo("PENDING_SIGNOFF"))
                .body("affectedServices", hasItems(x, y));
        policy(newer).body("status", equalTo("ACTIVE"));

        signOff(older, y, "yuri").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void twoOwnersSigningTheLastTwoServicesAtTheSameTimeActivateTheVersion() throws Exception {
        for (int round = 0; round < 3; round++) {
            String a = Fixtures.uniqueName("race-a");
            String b = Fixtures.uniqueName("race-b");
            Fixtures.service(a, 1, "anna");
            Fixtures.service(b, 1, "bert");
            int version = draft(withOverrides(a, b));
            submit(version).body("affectedServices", hasItems(a, b));

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> onSignal(go, () -> signOff(version, a, "anna")));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> onSignal(go, () -> signOff(version, b, "bert")));
            go.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(200);

            policy(version).body("status", equalTo("ACTIVE"));
        }
    }

    private static int onSignal(CountDownLatch go, java.util.function.Supplier<ValidatableResponse> call) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call.get().extract().statusCode();
    }

    @Test
    void deregisteringAnAffectedServiceDoesNotLeaveTheVersionWaitingForever() {
        String kept = Fixtures.uniqueName("kept");
        String gone = Fixtures.uniqueName("gone");
        Fixtures.service(kept, 1, "kim");
        Fixtures.service(gone, 1, "gus");
        int version = draft(withOverrides(kept, gone));
        submit(version);
        signOff(version, kept, "kim").statusCode(200).body("status", equalTo("PENDING_SIGNOFF"));

        given().auth().oauth2(Tokens.as("gus", "service-owner")).when().delete(API + "/services/" + gone).then().statusCode(204);

        policy(version).body("status", equalTo("ACTIVE")).body("affectedServices", equalTo(List.of(kept)));
    }

    @Test
    void signingAnOlderSlaProposalAfterANewerOneBecameActiveIsRefused() {
        String service = Fixtures.uniqueName("sla-race");
        Fixtures.service(service, 2, "olga");
        String older = given().auth().oauth2(Tokens.as("olga", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("P1", Map.of("acknowledgeMinutes", 10, "resolveMinutes", 120)))
                .when().put(API + "/services/" + service + "/sla").then().statusCode(202).extract().path("id");
        String newer = given().auth().oauth2(Tokens.as("olga", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("P1", Map.of("acknowledgeMinutes", 3, "resolveMinutes", 60)))
                .when().put(API + "/services/" + service + "/sla").then().statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.as("olga", "service-owner")).contentType(ContentType.JSON).body(Map.of("comment", "tighter"))
                .when().post(API + "/services/" + service + "/sla-changes/" + newer + "/sign-off").then().statusCode(200);

        given().auth().oauth2(Tokens.as("olga", "service-owner")).contentType(ContentType.JSON).body(Map.of("comment", "oops"))
                .when().post(API + "/services/" + service + "/sla-changes/" + older + "/sign-off")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(API + "/services/" + service)
                .then().body("sla.P1.acknowledgeMinutes", equalTo(3));
    }

    @Test
    void draftsCreatedAtTheSameTimeGetConsecutiveVersionsNotAnError() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<io.restassured.response.Response>> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drafts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                        .body(Map.of("description", "parallel draft", "rules", Fixtures.baselineRules())).when().post(POLICIES);
            }));
        }
        go.countDown();
        List<Integer> versions = new java.util.ArrayList<>();
        for (var draft : drafts) {
            io.restassured.response.Response r = draft.get(30, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(201);
            versions.add(r.path("version"));
        }
        assertThat(versions).doesNotHaveDuplicates();
        assertThat(java.util.Collections.max(versions) - java.util.Collections.min(versions)).isEqualTo(3);
    }

    @Test
    void policyVersionsAreListedNewestFirstAPageAtATime() {
        int newest = draft(Fixtures.baselineRules());
        var first = given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("limit", 2).when().get(POLICIES).then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.version", Integer.class)).first().isEqualTo(newest);
        String next = first.getString("next");
        var second = given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("limit", 2).queryParam("after", next)
                .when().get(POLICIES).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.version", Integer.class)).allMatch(v -> v < Integer.parseInt(next));
    }

    @Test
    void theStarterPolicyIsADraftForOwnersToAdopt() {
        given().auth().oauth2(Tokens.as("nora", "service-owner")).when().post(POLICIES + "/starter").then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("description", containsString("Starter policy"))
                .body("rules.tiers.1.p1.revenueLossPerHour", equalTo(10_000.0f))
                .body("rules.customerFacingOutageTier1", equalTo("P1"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().post(POLICIES + "/starter").then().statusCode(403);
    }
}
