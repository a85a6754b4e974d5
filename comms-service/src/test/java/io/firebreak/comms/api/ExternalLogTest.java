package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The external-communications log on the platform's audit chain, on real PostgreSQL and Kafka: recorded, exported, proven, tampered. */
@QuarkusTest
class ExternalLogTest {

    private static ValidatableResponse record(String user, UUID incident, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.as(user, "comms-lead")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/comms/incidents/" + incident + "/external-communications").then();
    }

    private static Map<String, Object> communication(String kind, int version, List<String> approvers, String text) {
        Instant drafted = Instant.now().minus(Duration.ofMinutes(10));
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "audience", "all customers", "channel", "status page",
                "text", text, "statusVersion", version, "approvers", approvers, "draftedAt", drafted.toString()));
        if (!approvers.isEmpty()) {
            body.put("approvedAt", drafted.plus(Duration.ofMinutes(5)).toString());
        }
        return body;
    }

    private static void publish(String lead, UUID incident, String impact) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as(lead, "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("state", "IDENTIFIED", "impact", impact)).post("/api/v1/comms/incidents/" + incident + "/status")
                .then().statusCode(201));
    }

    @Test
    void communicationsAreLoggedOnTheCurrentVersionAndTheChainProvesThemUntouchedUntilARowIsChanged() throws Exception {
        UUID incident = CommsFixtures.declared("P1");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "lena");
        CommsFixtures.roleAssigned(incident, "INCIDENT_COMMANDER", "ivan");
        publish("lena", incident, "Card payments fail");

        record("lena", incident, communication("PRESS_STATEMENT", 1, List.of(), "We are aware")).statusCode(400)
                .body("violations.field", contains("approvers"));
        record("lena", incident, communication("PRESS_STATEMENT", 1, List.of("lena"), "We are aware")).statusCode(400)
                .body("violations.field", contains("approvers[0]"));
        long press = record("lena", incident, communication("PRESS_STATEMENT", 1, List.of("paula"), "We are aware of payment failures."))
                .statusCode(201).body("communication.author", equalTo("lena")).extract().jsonPath().getLong("sequence");
        record("lena", incident, communication("CUSTOMER_ALERT", 1, List.of(), "=HYPERLINK(\"x\"), \"quoted\", and\nnewline"))
                .statusCode(201);
        record("ivan", incident, communication("CUSTOMER_ALERT", 1, List.of(), "not the comms lead")).statusCode(403);

        publish("lena", incident, "Card payments recovering");
        record("lena", incident, communication("CUSTOMER_ALERT", 1, List.of(), "on a superseded version")).statusCode(409);

        JsonPath exported = given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam("incident", incident.toString())
                .get("/api/v1/comms/external-log").then().statusCode(200).extract().jsonPath();
        assertThat(exported.getList("communication.kind")).containsExactly("PRESS_STATEMENT", "CUSTOMER_ALERT");
        assertThat(exported.getList("communication.approvers")).containsExactly(List.of("paula"), List.of());
        String csv = given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam("incident", incident.toString()).queryParam("format", "csv")
                .get("/api/v1/comms/external-log").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("sequence,incidentKey,incidentId,kind,audience,channel,statusVersion,author,approvers,");
        assertThat(csv).contains(",PRESS_STATEMENT,all customers,status page,1,lena,paula,");
        // A formula is defused and the cell quoted (commas, quotes and a newline stay inside it).
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\", and\nnewline\"");
        given().auth().oauth2(Tokens.as("lena", "comms-lead")).get("/api/v1/comms/external-log").then().statusCode(403);

        given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/external-log/verify").then().statusCode(200)
                .body("valid", equalTo(true));

        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> sent = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key()))
                .filter(r -> "io.firebreak.external_comms.sent.v1".equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        List<JsonPath> events = sent.apply(TestKafkaClient.readUntil(TestRun.topic("comms"), r -> sent.apply(r).size() >= 2, WAIT));
        assertThat(events.get(0).getLong("logSequence")).isEqualTo(press);
        assertThat(events.get(0).getList("approvers")).containsExactly("paula");

        // Someone with database access rewrites what was said: the chain shows where.
        // (The table refuses updates by trigger; its owner can switch that off, which is why the chain exists.)
        try (Connection c = TestPostgres.connect()) {
            c.createStatement().execute("alter table comms.audit_record disable trigger audit_record_append_only");
            try (PreparedStatement s = c.prepareStatement("update comms.audit_record set content = jsonb_set(content, '{text}',"
                    + " '\"We never had an outage.\"') where chain = 'external-comms' and sequence = ?")) {
                s.setLong(1, press);
                assertThat(s.executeUpdate()).isEqualTo(1);
            } finally {
                c.createStatement().execute("alter table comms.audit_record enable trigger audit_record_append_only");
            }
        }
        given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/external-log/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenSequence", equalTo((int) press));
    }
}
