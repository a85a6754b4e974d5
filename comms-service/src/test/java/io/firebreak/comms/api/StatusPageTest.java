package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public status page on real PostgreSQL: only what was posted to customers, never a drill or a restricted incident. */
@QuarkusTest
class StatusPageTest {

    private static void publish(String lead, UUID incident, String state, String impact) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as(lead, "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("state", state, "impact", impact)).post("/api/v1/comms/incidents/" + incident + "/status").then().statusCode(201));
    }

    private static void post(String lead, UUID incident, int version, String kind, String headline, String text, int expected) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "audience", "customers", "channel", "status page", "text", text,
                "statusVersion", version, "draftedAt", Instant.now().minusSeconds(60).toString()));
        if (headline != null) {
            body.put("headline", headline);
        }
        given().auth().oauth2(Tokens.as(lead, "comms-lead")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/comms/incidents/" + incident + "/external-communications").then().statusCode(expected);
    }

    private static UUID incident(String lead, boolean drill) {
        UUID incident = CommsFixtures.declared("P1", drill);
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", lead);
        publish(lead, incident, "INVESTIGATING", "internal: the payments DB primary is out of connections");
        return incident;
    }

    @Test
    void thePageShowsOnlyWhatWasPostedToCustomersAndNeverADrillOrARestrictedIncident() {
        UUID posted = incident("pia", false);
        post("pia", posted, 1, "STATUS_PAGE_POST", null, "missing headline", 400);
        post("pia", posted, 1, "STATUS_PAGE_POST", "Payments degraded", "Some card payments fail. We are investigating.", 201);
        post("pia", posted, 1, "CUSTOMER_ALERT", null, "an e-mail to one customer, not for the page", 201);
        UUID drill = incident("pia", true);
        post("pia", drill, 1, "STATUS_PAGE_POST", "Drill outage", "exercise only", 201);
        UUID restricted = incident("pia", false);
        CommsFixtures.restricted(restricted, "pia");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .get("/api/v1/comms/incidents/" + restricted + "/status").then().statusCode(404));
        post("pia", restricted, 1, "STATUS_PAGE_POST", "Data exposure", "restricted, never public", 201);

        JsonPath summary = given().get("/api/v1/comms/status-page/summary").then().statusCode(200)
                .header("Cache-Control", "public, max-age=30").extract().jsonPath();
        assertThat(summary.getList("incidents.id")).contains(posted.toString()).doesNotContain(drill.toString(), restricted.toString());
        String mine = "incidents.find { it.id == '" + posted + "' }";
        assertThat(summary.getString(mine + ".name")).isEqualTo("Payments degraded");
        assertThat(summary.getString(mine + ".status")).isEqualTo("investigating");
        assertThat(summary.getString(mine + ".impact")).isEqualTo("critical");
        assertThat(summary.getList(mine + ".incident_updates.body")).containsExactly("Some card payments fail. We are investigating.");
        assertThat(summary.getString("status.indicator")).isEqualTo("critical");
        String page = given().get("/api/v1/comms/status-page/incidents").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("internal:", "Checkout down", "not for the page", "exercise only", "restricted, never public");

        // Resolved: it leaves the summary's open incidents and stays in the history, newest update first.
        publish("pia", posted, "RESOLVED", "internal: pool resized");
        post("pia", posted, 2, "STATUS_PAGE_POST", "Payments degraded", "Card payments work again.", 201);
        JsonPath after = given().get("/api/v1/comms/status-page/summary").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("incidents.id")).doesNotContain(posted.toString());
        JsonPath history = given().get("/api/v1/comms/status-page/incidents").then().statusCode(200).extract().jsonPath();
        String resolved = "incidents.find { it.id == '" + posted + "' }";
        assertThat(history.getString(resolved + ".status")).isEqualTo("resolved");
        assertThat(history.getString(resolved + ".resolved_at")).isNotNull();
        assertThat(history.getList(resolved + ".incident_updates.status")).containsExactly("resolved", "investigating");

        String atom = given().get("/api/v1/comms/status-page/feed.atom").then().statusCode(200).contentType("application/atom+xml")
                .extract().asString();
        assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "Payments degraded — resolved", "Card payments work again.")
                .doesNotContain("Data exposure", "Drill outage");
    }

    @Test
    void anUnchangedPageIsAnsweredNotModified() {
        String etag = given().get("/api/v1/comms/status-page/incidents").then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/api/v1/comms/status-page/incidents").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/comms/status-page/incidents").then().statusCode(200);
    }
}
