package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.firebreak.testing.TestKafkaClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.MutableClock;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemporaryP1Test {

    private static final String INCIDENTS = API + "/incidents";

    private final MutableClock clock;
    private final DeadlineFiring deadlines;
    private String service;

    TemporaryP1Test(MutableClock clock, DeadlineFiring deadlines) {
        this.clock = clock;
        this.deadlines = deadlines;
    }

    @BeforeEach
    void borderlineIncident() {
        service = Fixtures.uniqueName("borderline");
        Fixtures.service(service, 1, "owen");
        Fixtures.baselinePolicyActive();
    }

    /** The P3s of these tests are far from any P1 threshold: the designation says why they are borderline. */
    private String designate(String id, String as, String role) {
        return given().auth().oauth2(Tokens.as(as, role)).contentType(ContentType.JSON)
                .body(Map.of("justification", "Impact unclear, card payments may be failing",
                        "borderlineBecause", "revenue loss not measured yet; card errors reported by support"))
                .when().post(INCIDENTS + "/" + id + "/temporary-p1").then().statusCode(200).extract().asString();
    }

    private static io.restassured.response.ValidatableResponse history(String id) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id + "/classification-history").then();
    }

    @Test
    void designationPublishesThePriorityChangeThatEveryoneActingOnThePriorityFollows() throws Exception {
        String id = Fixtures.declareP3(service, "ines");
        designate(id, "ines", "incident-commander");

        ConsumerRecord<String, byte[]> changed = TestKafkaClient.readUntil(TestRun.topic("classification"),
                        r -> r.stream().anyMatch(x -> id.equals(x.key()) && header(x, "ce_type").endsWith("priority_changed.v1")),
                        Duration.ofSeconds(20)).stream()
                .filter(x -> id.equals(x.key()) && header(x, "ce_type").endsWith("priority_changed.v1")).findFirst().orElseThrow();
        JsonNode data = new ObjectMapper().readTree(changed.value());
        assertThat(data.get("reason").asText()).isEqualTo("TEMPORARY_P1_DESIGNATED");
        assertThat(data.get("previousPriority").asText()).isEqualTo("P3");
        assertThat(data.get("priority").asText()).isEqualTo("P1");
    }

    @Test
    void aCaseThePolicyDoesNotFindBorderlineNeedsTheDesignationToSayWhyItIs() {
        String far = Fixtures.declareP3(service, "ines");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("justification", "feels bad")).when().post(INCIDENTS + "/" + far + "/temporary-p1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("borderlineBecause"))
                .body("violations.message[0]", org.hamcrest.Matchers.containsString("not find this case borderline"));

        // 8,500/h on tier 1 is P2, within the 0.8 margin of the 10,000/h P1 threshold: borderline by the policy.
        String near = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Fixtures.declaration("Near P1 on " + service, service, Map.of("revenueLossPerHour", 8_500)))
                .when().post(API + "/incidents").then().statusCode(201).body("priority", equalTo("P2")).extract().path("id");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("justification", "revenue climbing towards the P1 line")).when().post(INCIDENTS + "/" + near + "/temporary-p1")
                .then().statusCode(200).body("temporaryP1.status", equalTo("ACTIVE"));
    }

    @Test
    void anExpiredTemporaryP1CanStillBeConfirmedOrDowngradedButNotSilentlyReclassified() throws Throwable {
        String id = Fixtures.declareP3(service, "ines");
        designate(id, "ines", "incident-commander");
        clock.advance(Duration.ofMinutes(31));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue());

        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P3", "reason", "back to what it was")).when().post(INCIDENTS + "/" + id + "/reclassify")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("owen", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("comment", "Reviewed after expiry: payments were failing")).when().post(INCIDENTS + "/" + id + "/temporary-p1/confirm")
                .then().statusCode(200).body("priority", equalTo("P1")).body("temporaryP1.status", equalTo("CONFIRMED"));
        history(id).body("kind", org.hamcrest.Matchers.contains("DECLARED", "TEMPORARY_P1", "TEMPORARY_P1_EXPIRED", "TEMPORARY_P1_CONFIRMED"));
    }

    @Test
    void aDecisionAfterTheWindowButBeforeTheExpiryJobRecordsTheExpiryFirst() {
        String id = Fixtures.declareP3(service, "ines");
        designate(id, "ines", "incident-commander");
        clock.advance(Duration.ofMinutes(31)); // the job has not run

        given().auth().oauth2(Tokens.as("owen", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P2", "reason", "Only a slowdown")).when().post(INCIDENTS + "/" + id + "/temporary-p1/downgrade")
                .then().statusCode(200).body("priority", equalTo("P2")).body("temporaryP1.status", equalTo("DOWNGRADED"));
        history(id).body("kind", org.hamcrest.Matchers.contains("DECLARED", "TEMPORARY_P1", "TEMPORARY_P1_EXPIRED",
                "TEMPORARY_P1_DOWNGRADED"));
        TestKafkaClient.readUntil(TestRun.topic("classification"),
                r -> r.stream().anyMatch(x -> id.equals(x.key()) && header(x, "ce_type").endsWith("temporary_p1_expired.v1")),
                Duration.ofSeconds(20));
    }

    @Test
    void oneExpiryThatFailsDoesNotHoldBackTheOthers() throws Throwable {
        String contested = Fixtures.declareP3(service, "ines");
        designate(contested, "ines", "incident-commander");
        String plain = Fixtures.declareP3(service, "ines");
        designate(plain, "ines", "incident-commander");
        clock.advance(Duration.ofMinutes(31));

        // Someone else changes the contested incident while the expiry runs: its optimistic update fails.
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect()) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement s = c.prepareStatement("update classification.incident set version = version + 1 where id = ?")) {
                s.setObject(1, java.util.UUID.fromString(contested));
                s.executeUpdate();
            }
            java.util.concurrent.CompletableFuture<Integer> run = new java.util.concurrent.CompletableFuture<>();
            new Thread(() -> {
                try {
                    run.complete(VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue()));
                } catch (Throwable e) {
                    run.completeExceptionally(e);
                }
            }).start();
            Thread.sleep(1_000); // the contested expiry now waits for this transaction's row lock
            c.commit();
            assertThat(run.get(30, java.util.concurrent.TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
        }

        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + plain)
                .then().body("temporaryP1.status", equalTo("EXPIRED"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + contested)
                .then().body("temporaryP1.status", equalTo("ACTIVE"));
        // Its deadline is retried after the backoff and expires it.
        clock.advance(Duration.ofSeconds(2));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue());
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + contested)
                .then().body("temporaryP1.status", equalTo("EXPIRED"));
    }

    @Test
    void onlyPreApprovedRolesMayDesignateATemporaryP1() {
        String id = Fixtures.declareP3(service, "ines");
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON)
                .body(Map.of("justification", "worried")).when().post(INCIDENTS + "/" + id + "/temporary-p1")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("justification", "Impact unclear, card payments may be failing",
                        "borderlineBecause", "revenue loss not measured yet"))
                .when().post(INCIDENTS + "/" + id + "/temporary-p1")
                .then().statusCode(200)
                .body("priority", equalTo("P1"))
                .body("temporaryP1.status", equalTo("ACTIVE"))
                .body("temporaryP1.designatedBy", equalTo("ines"))
                .body("temporaryP1.expiresAt", notNullValue());
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("justification", "again")).when().post(INCIDENTS + "/" + id + "/temporary-p1")
                .then().statusCode(409);
    }

    @Test
    void theDefaultWindowIsThirtyMinutes() {
        String id = Fixtures.declareP3(service, "ines");
        Instant before = clock.instant();
        String expires = given().auth().oauth2(Tokens.as("owen", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("justification", "may be data loss", "borderlineBecause", "exposure not assessed yet"))
                .when().post(INCIDENTS + "/" + id + "/temporary-p1")
                .then().statusCode(200).extract().path("temporaryP1.expiresAt");
        assertThat(Duration.between(before, Instant.parse(expires))).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
    }

    @Test
    void confirmedTemporaryP1StaysP1AndNeverExpires() throws Throwable {
        String id = Fixtures.declareP3(service, "ines");
        designate(id, "ines", "incident-commander");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("comment", "Payments confirmed failing")).when().post(INCIDENTS + "/" + id + "/temporary-p1/confirm")
                .then().statusCode(200).body("priority", equalTo("P1")).body("temporaryP1.status", equalTo("CONFIRMED"));
        clock.advance(Duration.ofMinutes(45));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue());
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id)
                .then().body("temporaryP1.status", equalTo("CONFIRMED"));
    }

    @Test
    void downgradeEndsTheTemporaryP1WithTheGivenPriority() {
        String id = Fixtures.declareP3(service, "ines");
        designate(id, "ines", "incident-commander");
        given().auth().oauth2(Tokens.as("owen", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P2", "reason", "Only a slowdown")).when().post(INCIDENTS + "/" + id + "/temporary-p1/downgrade")
                .then().statusCode(200).body("priority", equalTo("P2")).body("temporaryP1.status", equalTo("DOWNGRADED"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id + "/classification-history")
                .then().body("kind", org.hamcrest.Matchers.contains("DECLARED", "TEMPORARY_P1", "TEMPORARY_P1_DOWNGRADED"));
    }

    @Test
    void anUnconfirmedTemporaryP1ExpiresAsksForReReviewAndNamesTheOwnersToEscalateTo() throws Throwable {
        String id = Fixtures.declareP3(service, "ines");
        designate(id, "ines", "incident-commander");

        clock.advance(Duration.ofMinutes(29));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue());
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id)
                .then().body("temporaryP1.status", equalTo("ACTIVE"));

        clock.advance(Duration.ofMinutes(2));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue())).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id)
                .then().body("temporaryP1.status", equalTo("EXPIRED")).body("priority", equalTo("P1"));

        ConsumerRecord<String, byte[]> expired = TestKafkaClient.readUntil(TestRun.topic("classification"),
                        r -> r.stream().anyMatch(x -> id.equals(x.key()) && header(x, "ce_type").endsWith("temporary_p1_expired.v1")),
                        Duration.ofSeconds(20)).stream()
                .filter(x -> id.equals(x.key()) && header(x, "ce_type").endsWith("temporary_p1_expired.v1")).findFirst().orElseThrow();
        JsonNode data = new ObjectMapper().readTree(expired.value());
        assertThat(data.get("escalateTo").get(0).asText()).isEqualTo("owen");
        assertThat(data.get("owningTeam").asText()).isEqualTo("team-" + service);
        assertThat(Duration.between(Instant.parse(data.get("designatedAt").asText()), Instant.parse(data.get("expiredAt").asText())))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(31));
    }
}
