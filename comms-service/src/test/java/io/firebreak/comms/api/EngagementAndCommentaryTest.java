package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Legal, compliance and PR engagement, regulators' clocks and the public-commentary intake, on real PostgreSQL, Kafka and SMTP. */
@QuarkusTest
class EngagementAndCommentaryTest {

    /** The local-dev-only intake secret of the test profile (application.properties). */
    private static final String SECRET = "whsec_bG9jYWwtZGV2LW9ubHktY29tbWVudGFyeS1zZWNyZXQ=";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final DeadlineFiring deadlines;

    EngagementAndCommentaryTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private void timeIs(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(at));
    }

    private static ValidatableResponse engagements(UUID incident) {
        return given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/incidents/" + incident + "/engagements").then().statusCode(200);
    }

    private static List<JsonPath> events(UUID incident, String type, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key())).filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("comms"), records -> mine.apply(records).size() >= atLeast, WAIT));
    }

    private static String key(UUID incident) {
        return given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/incidents/" + incident + "/status").then().statusCode(200)
                .extract().path("incidentKey");
    }

    @Test
    void dataExposureOnARegulatedServiceEngagesLegalAndComplianceAndItsRegulatorsClockGoesOverdue() throws Throwable {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID incident = CommsFixtures.declared("P2", false, "payroll-" + UUID.randomUUID(), "{\"dataExposure\":\"SUSPECTED\",\"regulatedService\":true}",
                declared);
        engagements(incident).body("engagements.function", contains("COMPLIANCE", "LEGAL"))
                .body("engagements[1].criteria", contains("data exposure suspected"))
                .body("engagements[0].criteria", contains("data exposure on a regulated service"))
                .body("engagements[1].notified", contains("legal@test.invalid"))
                .body("regulatoryClocks.regulation", contains("gdpr-art33")).body("regulatoryClocks[0].state", equalTo("RUNNING"))
                .body("regulatoryClocks[0].dueAt", equalTo(declared.plus(Duration.ofHours(72)).toString()))
                .body("regulatoryClocks[0].remainingSeconds", greaterThan(71 * 3600));
        assertThat(events(incident, "io.firebreak.engagement.started.v1", 2)).extracting(e -> e.getString("function"))
                .containsExactlyInAnyOrder("LEGAL", "COMPLIANCE");
        assertThat(events(incident, "io.firebreak.regulatory_clock.started.v1", 1).get(0).getString("authority")).contains("GDPR");
        String incidentKey = key(incident);
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("legal@test.invalid")).extracting(m -> m.getSubject())
                .anyMatch(s -> s.startsWith("Legal engaged: " + incidentKey)));

        timeIs(declared.plus(Duration.ofHours(71)));
        engagements(incident).body("regulatoryClocks[0].state", equalTo("RUNNING"));
        timeIs(declared.plus(Duration.ofHours(72)).plusSeconds(30));
        engagements(incident).body("regulatoryClocks[0].state", equalTo("OVERDUE"))
                .body("regulatoryClocks[0].overdueAt", equalTo(declared.plus(Duration.ofHours(72)).toString()));
        assertThat(events(incident, "io.firebreak.regulatory_clock.overdue.v1", 1).get(0).getString("regulation")).isEqualTo("gdpr-art33");
    }

    @Test
    void aRegulatorNoticeInTheExternalLogMeetsTheClock() throws Throwable {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID incident = CommsFixtures.declared("P1", false, "clearing-" + UUID.randomUUID(),
                "{\"availability\":\"UNAVAILABLE\",\"regulatedService\":true}", declared);
        engagements(incident).body("engagements.function", contains("COMPLIANCE")).body("regulatoryClocks.regulation", contains("nis2-early-warning"));
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("cleo", "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("state", "IDENTIFIED", "impact", "Clearing is down")).post("/api/v1/comms/incidents/" + incident + "/status")
                .then().statusCode(201));
        Instant drafted = Instant.now().minusSeconds(300);
        given().auth().oauth2(Tokens.as("cleo", "comms-lead")).contentType(ContentType.JSON).body(Map.of("kind", "REGULATOR_NOTICE",
                        "audience", "national CSIRT", "channel", "regulator portal", "text", "Early warning: clearing unavailable since 10:00.",
                        "statusVersion", 1, "approvers", List.of("lena"), "draftedAt", drafted.toString(), "approvedAt", drafted.plusSeconds(60).toString()))
                .post("/api/v1/comms/incidents/" + incident + "/external-communications").then().statusCode(201);
        engagements(incident).body("regulatoryClocks[0].state", equalTo("MET")).body("regulatoryClocks[0].logSequence", greaterThan(0))
                .body("regulatoryClocks[0].remainingSeconds", org.hamcrest.Matchers.nullValue());
        timeIs(declared.plus(Duration.ofHours(25)));
        engagements(incident).body("regulatoryClocks[0].state", equalTo("MET"));
    }

    @Test
    void aCustomerFacingP1OpenAnHourOrMediaAttentionEngagesPr() throws Throwable {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID p1 = CommsFixtures.declared("P1", false, "storefront-" + UUID.randomUUID(), "{\"customerFacing\":true}", declared);
        engagements(p1).body("engagements.size()", equalTo(0));
        timeIs(declared.plus(Duration.ofMinutes(59)));
        engagements(p1).body("engagements.size()", equalTo(0));
        timeIs(declared.plus(Duration.ofMinutes(61)));
        engagements(p1).body("engagements.function", contains("PR")).body("engagements[0].criteria", contains("customer-facing P1 open for 60 min"));

        UUID p2 = CommsFixtures.declared("P2", false, "search-" + UUID.randomUUID(), "{\"customerFacing\":true}", declared);
        CommsFixtures.roleAssigned(p2, "INCIDENT_COMMANDER", "ivan");
        String media = "/api/v1/comms/incidents/" + p2 + "/engagements/media-attention";
        engagements(p2).body("engagements.size()", equalTo(0));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("ivan", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("attention", true, "note", "A journalist asked the press office")).put(media).then().statusCode(200)
                .body("engagements.function", contains("PR")).body("engagements[0].criteria", contains("media attention"))
                .body("engagements[0].notified", contains("press@test.invalid")));
        given().auth().oauth2(Tokens.as("ivan", "incident-commander")).contentType(ContentType.JSON).body(Map.of("attention", true)).put(media)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("note"));
        given().auth().oauth2(Tokens.as("carl", "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("attention", true, "note", "Trending on social media")).put(media).then().statusCode(403);
    }

    private static ValidatableResponse post(String id, Map<String, Object> mention, String secret) {
        String body;
        try {
            body = JSON.writeValueAsString(mention);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long ts = Instant.now().getEpochSecond();
        return given().contentType(ContentType.JSON).header(StandardWebhooks.ID, id).header(StandardWebhooks.TIMESTAMP, String.valueOf(ts))
                .header(StandardWebhooks.SIGNATURE, StandardWebhooks.signature(List.of(secret), id, ts, body)).body(body)
                .post("/api/v1/comms/commentary/intake").then();
    }

    private static Map<String, Object> mention(String author, boolean staff, String text) {
        return Map.of("source", "social-monitor", "author", author, "staff", staff, "url", "https://social.example/p/" + UUID.randomUUID(),
                "text", text, "postedAt", Instant.now().toString());
    }

    @Test
    void staffOutsideTheCommsRolesPostingAboutAnActiveIncidentAreFlaggedOnceToItsCommsLead() {
        String service = "wallet" + UUID.randomUUID().toString().substring(0, 6);
        UUID incident = CommsFixtures.declared("P1", false, service);
        UUID other = CommsFixtures.declared("P2", false, "other-" + UUID.randomUUID());
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        String incidentKey = key(incident);
        // Comms knows cleo holds the role once she may publish.
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("cleo", "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("state", "INVESTIGATING", "impact", "Wallet top-ups fail")).post("/api/v1/comms/incidents/" + incident + "/status")
                .then().statusCode(201));

        String id = "msg_" + UUID.randomUUID();
        Map<String, Object> staffPost = mention("dave.dev", true, "Heads up, " + service + " is broken again, we pushed a bad config");
        await().atMost(WAIT).untilAsserted(() -> post(id, staffPost, SECRET).statusCode(202)
                .body("flaggedIncidents", contains(incident.toString())));
        post(id, staffPost, SECRET).statusCode(200).body("duplicate", equalTo(true));
        post("msg_" + UUID.randomUUID(), mention("press-office", true, "We are aware of issues with " + incidentKey), SECRET)
                .statusCode(202).body("flaggedIncidents.size()", equalTo(0));
        post("msg_" + UUID.randomUUID(), mention("cleo", true, incidentKey + " update coming"), SECRET).statusCode(202)
                .body("flaggedIncidents", not(hasItem(incident.toString())));
        post("msg_" + UUID.randomUUID(), mention("a.customer", false, service + " is down for me"), SECRET).statusCode(202)
                .body("flaggedIncidents.size()", equalTo(0));
        post("msg_" + UUID.randomUUID(), mention("sam.support", true, "Big outage today, sorry all"), SECRET).statusCode(202)
                .body("flaggedIncidents", org.hamcrest.Matchers.hasItems(incident.toString(), other.toString()));

        JsonPath flagged = events(incident, "io.firebreak.commentary.flagged.v1", 2).get(0);
        assertThat(flagged.getString("author")).isEqualTo("dave.dev");
        assertThat(flagged.getString("communicationsLead")).isEqualTo("cleo");
        assertThat(flagged.getList("matched")).containsExactly(service);
        given().auth().oauth2(Tokens.as("cleo", "comms-lead")).get("/api/v1/comms/incidents/" + incident + "/commentary").then().statusCode(200)
                .body("author", containsInAnyOrder("sam.support", "dave.dev"));

        post("msg_" + UUID.randomUUID(), staffPost, "whsec_" + java.util.Base64.getEncoder().encodeToString("wrong".getBytes()))
                .statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/comms/commentary/intake").then().statusCode(401);
        post("msg_" + UUID.randomUUID(), Map.of("source", "social-monitor"), SECRET).statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("author", "url", "text", "staff", "postedAt"));
    }
}
