package io.firebreak.response.api.warroom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** An incident whose commander has accepted command, and the war-room calls the tests make. */
final class WarRoomFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Every role a person outside a war room may have that is not an auditor's or an admin's. */
    static final String[] OUTSIDER_ROLES = {"viewer", "responder", "incident-commander", "comms-lead", "tech-lead", "service-owner",
            "change-approver", "executive"};

    private WarRoomFixtures() {
    }

    /** A P3 of a fresh service whose commander {@code ic} (qualified, assigned by an admin) has accepted. */
    static UUID incidentCommandedBy(String ic) {
        String team = PagingFixtures.team("mona", ic);
        PagingFixtures.qualify(ic, "INCIDENT_COMMANDER");
        String service = PagingFixtures.unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), service, "P3", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("ada", "admin"))
                .get("/api/v1/response/incidents/" + incident).then().statusCode(200));
        String assignment = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("role", "INCIDENT_COMMANDER", "person", ic))
                .post("/api/v1/response/incidents/" + incident + "/roles").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.as(ic, "incident-commander"))
                .post("/api/v1/response/incidents/" + incident + "/roles/" + assignment + "/acceptance").then().statusCode(200);
        return incident;
    }

    static ValidatableResponse restrict(String user, String role, UUID incident, boolean restricted) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON)
                .body(Map.of("restricted", restricted, "reason", restricted ? "customer data exposure under investigation" : "contained"))
                .put("/api/v1/response/incidents/" + incident + "/war-room/restriction").then();
    }

    static ValidatableResponse admit(String user, String role, UUID incident, String person, String kind) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(Map.of("kind", kind))
                .put("/api/v1/response/incidents/" + incident + "/war-room/members/" + person).then();
    }

    static ValidatableResponse remove(String user, String role, UUID incident, String person) {
        return given().auth().oauth2(Tokens.as(user, role))
                .delete("/api/v1/response/incidents/" + incident + "/war-room/members/" + person).then();
    }

    static ValidatableResponse record(UUID incident, String user, String... roles) {
        return given().auth().oauth2(Tokens.as(user, roles)).get("/api/v1/response/incidents/" + incident).then();
    }

    /** The incident's events on the response topic, read until {@code count} of {@code type} are there. */
    static List<ConsumerRecord<String, byte[]>> events(UUID incident, String type, int count) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key())).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> mine.apply(records).stream()
                .filter(r -> type.equals(TestKafkaClient.header(r, "ce_type"))).count() >= count, WAIT));
    }
}
