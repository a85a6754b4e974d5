package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A P1's response through the gateway only, with real Keycloak tokens for each demo role (deploy/local/up
 * seeds the payments team's role rotations): roles from the rotations, accepted; a handover that holds
 * until the brief is acknowledged; the status published on comms by the Communications Lead only; a restricted war room invisible to outsiders and followed live over
 * the SSE feed; the lifecycle to closed.
 */
class ResponseFlowSmokeIT {

    private static final String GATEWAY = System.getProperty("firebreak.gateway.url", "http://127.0.0.1:8080");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String token(String user) {
        return StackSmokeIT.token(user);
    }

    private static ValidatableResponse call(String user, String method, String path, Object body) {
        var request = given().baseUri(GATEWAY).auth().oauth2(token(user));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method, "/api/v1/response" + path).then();
    }

    private static JsonPath read(String user, String path) {
        return call(user, "GET", path, null).statusCode(200).extract().jsonPath();
    }

    @Test
    void aP1IsRunThroughItsRolesHandoverRestrictedWarRoomAndLifecycle() throws Exception {
        String id = given().baseUri(GATEWAY).auth().oauth2(token("incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("title", "Smoke: card data exposure", "summary", "Card numbers visible in checkout logs",
                        "businessService", "checkout", "impact", Map.of("revenueLossPerHour", 50_000, "customerFacing", true),
                        "priority", "P1", "detectedAt", Instant.now().minusSeconds(120).toString()))
                .when().post("/api/v1/classification/incidents").then().statusCode(201).extract().path("id");
        String incident = "/incidents/" + id;

        // The three roles come from the payments rotations, proposed until their holders accept.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> read("viewer", incident + "/roles").getList("role"), roles -> roles.size() >= 3);
        JsonPath roles = read("viewer", incident + "/roles");
        for (String[] holder : new String[][] {{"incident-commander", "INCIDENT_COMMANDER"}, {"comms-lead", "COMMS_LEAD"},
                {"tech-lead", "TECH_LEAD"}}) {
            String assignment = roles.getString("find { it.role == '" + holder[1] + "' && it.person == '" + holder[0] + "' }.id");
            assertThat(assignment).as("%s proposed from the rotation", holder[0]).isNotNull();
            call(holder[0], "POST", incident + "/roles/" + assignment + "/acceptance", null).statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
        }
        call("incident-commander", "POST", incident + "/acknowledgement", null).statusCode(200);

        // Comms learns the Communications Lead from response's events: she (and only she) publishes the status.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given().baseUri(GATEWAY).auth()
                .oauth2(token("comms-lead")).contentType(ContentType.JSON).body(Map.of("state", "INVESTIGATING", "impact", "Card payments fail"))
                .when().post("/api/v1/comms" + incident + "/status").then().statusCode(201).body("version", equalTo(1)));
        given().baseUri(GATEWAY).auth().oauth2(token("incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("state", "IDENTIFIED", "impact", "not the comms lead")).when().post("/api/v1/comms" + incident + "/status")
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(GATEWAY).when().get("/api/v1/comms/status-page/summary").then().statusCode(200)
                .header("Cache-Control", "public, max-age=30");

        // The tech lead hands over to the responder (qualified by the admin for it): the role stays with the
        // tech lead until the responder acknowledges the brief.
        call("admin", "POST", "/people/responder/qualifications", Map.of("role", "TECH_LEAD", "trainedOn", "2026-06-01",
                "evidence", "smoke: tech lead training")).statusCode(201);
        String techRole = roles.getString("find { it.role == 'TECH_LEAD' }.id");
        String handover = call("tech-lead", "POST", incident + "/handovers", Map.of("assignmentId", techRole, "to", "responder",
                "brief", Map.of("currentStatus", "log shipping stopped; purge running", "nextSteps", "confirm purge")))
                .statusCode(201).extract().path("id");
        assertThat(read("viewer", incident + "/roles").getString("find { it.role == 'TECH_LEAD' && it.status == 'ACCEPTED' }.person"))
                .isEqualTo("tech-lead");
        call("responder", "POST", incident + "/handovers/" + handover + "/acknowledgement", Map.of("briefVersion", 1)).statusCode(200);
        assertThat(read("viewer", incident + "/roles").getString("find { it.role == 'TECH_LEAD' && it.status == 'ACCEPTED' }.person"))
                .isEqualTo("responder");

        // Restricted: the war room (role holders, paged people) and auditors see it; a viewer and an executive find nothing.
        call("incident-commander", "PUT", incident + "/war-room/restriction", Map.of("restricted", true, "reason", "card data exposure"))
                .statusCode(200).body("restricted", equalTo(true));
        for (String outsider : List.of("viewer", "executive")) {
            call(outsider, "GET", incident, null).statusCode(404).contentType("application/problem+json");
            call(outsider, "GET", incident + "/roles", null).statusCode(404);
            assertThat(read(outsider, "/incidents?limit=200").getList("items.incidentId")).doesNotContain(id);
        }
        call("auditor", "GET", incident, null).statusCode(200);
        assertThat(read("responder", "/incidents?limit=200").getList("items.incidentId")).contains(id);

        // The commander follows the feed through the gateway; letting the executive in arrives on it live.
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(GATEWAY + "/api/v1/response" + incident + "/feed"))
                .header("Authorization", "Bearer " + token("incident-commander")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(feed.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(feed.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // closed at the end of the test
            }
        }, "smoke-feed");
        reader.setDaemon(true);
        reader.start();
        awaitLine(lines, "event:io.firebreak.warroom.restricted.v1");
        call("incident-commander", "PUT", incident + "/war-room/members/executive", Map.of("kind", "OBSERVER")).statusCode(200);
        String added = awaitLine(lines, "\"person\":\"executive\"");
        assertThat(added).startsWith("data:");
        feed.body().close();
        call("executive", "GET", incident + "/digest", null).statusCode(200).body("restricted", equalTo(true))
                .body("status", equalTo("ACKNOWLEDGED"));

        // The lifecycle to closed.
        call("incident-commander", "POST", incident + "/transitions", Map.of("action", "MITIGATE", "note", "logging disabled")).statusCode(200);
        call("incident-commander", "POST", incident + "/transitions", Map.of("action", "RESOLVE", "resolutionSummary", "logs purged"))
                .statusCode(200).body("status", equalTo("RESOLVED"));
        call("incident-commander", "POST", incident + "/transitions", Map.of("action", "CLOSE", "postmortem", Map.of("decision", "REQUIRED")))
                .statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(read("auditor", incident + "/transitions").getList("action")).containsSubsequence("ACKNOWLEDGE", "MITIGATE", "RESOLVE", "CLOSE");
    }

    private static String awaitLine(BlockingQueue<String> lines, String fragment) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.replace(": ", ":").contains(fragment)) {
                return line.replace(": ", ":");
            }
        }
        throw new AssertionError("no feed line with " + fragment + " within 20 s");
    }
}
