package io.firebreak.response.api.paging;

import static io.firebreak.response.api.paging.PagingFixtures.declare;
import static io.firebreak.response.api.paging.PagingFixtures.eventTypes;
import static io.firebreak.response.api.paging.PagingFixtures.key;
import static io.firebreak.response.api.paging.PagingFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.response.Receivers;
import io.firebreak.response.domain.chat.SlackSignatures;
import io.firebreak.testing.TestReceiver;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Chat pages on real HTTP receivers in each channel's documented format, acknowledged from the chat's
 * own button (Slack interactivity, signed by Slack; Mattermost's integration action), and the Teams and
 * voice pages.
 */
@QuarkusTest
class ChatChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The LOCAL-TEST signing secret of application.properties, playing Slack's part. */
    private static final String SLACK_SECRET = "local-test-only-slack-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A P2 paging one person whose only verified method is {@code kind} at {@code address}. */
    private static UUID pagedThrough(String person, String kind, String address) {
        String service = PagingFixtures.serviceOnCall(person, kind, address);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        return incident;
    }

    private static JsonPath paging(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/paging")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath firstMessage(String path) {
        await().atMost(WAIT).until(() -> !Receivers.RECEIVER.received(path).isEmpty());
        return JsonPath.from(Receivers.RECEIVER.received(path).get(0).body());
    }

    private static String slackClick(String token, String slackUser, String responseUrl) throws Exception {
        Map<String, Object> payload = Map.of("type", "block_actions", "user", Map.of("id", "U0" + slackUser.hashCode(), "username", slackUser),
                "response_url", responseUrl, "actions", List.of(Map.of("action_id", "firebreak-acknowledge", "type", "button", "value", token)));
        return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
    }

    private static io.restassured.response.Response postSlack(String body, long timestamp, String signature) {
        return given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp)).header("X-Slack-Signature", signature)
                .body(body).post("/api/v1/response/chat/slack/actions");
    }

    @Test
    void aSlackButtonClickSignedBySlackAcknowledgesAndReplacesTheMessage() throws Exception {
        String person = unique("slack");
        UUID incident = pagedThrough(person, "SLACK", Receivers.RECEIVER.url("/slack/" + person));
        JsonPath message = firstMessage("/slack/" + person);
        assertThat(message.getString("blocks[1].elements[0].action_id")).isEqualTo("firebreak-acknowledge");
        assertThat(message.getString("blocks[1].elements[1].url")).as("the link button stays for browsers").contains("/ack?exp=");
        String token = message.getString("blocks[1].elements[0].value");

        String replyPath = "/slack-replies/" + person;
        String body = slackClick(token, "sam.slack", Receivers.RECEIVER.url(replyPath));
        long now = Instant.now().getEpochSecond();
        postSlack(body, now, SlackSignatures.sign("not-the-app-secret", now, body)).then().statusCode(401)
                .contentType("application/problem+json");
        postSlack(body, now - 600, SlackSignatures.sign(SLACK_SECRET, now - 600, body)).then().statusCode(401);
        assertThat(paging(incident).getString("status")).as("refused clicks change nothing").isEqualTo("ACTIVE");

        postSlack(body, now, SlackSignatures.sign(SLACK_SECRET, now, body)).then().statusCode(200)
                .body("text", containsString("Acknowledged by " + person));
        JsonPath p = paging(incident);
        assertThat(p.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(p.getString("acknowledgedBy")).isEqualTo(person);
        assertThat(p.getString("acknowledgedVia")).isEqualTo("CHAT");

        assertThat(replies(token)).isEqualTo(1);
        JsonPath reply = firstMessage(replyPath);
        assertThat(reply.getBoolean("replace_original")).isTrue();
        assertThat(reply.getString("text")).contains("Acknowledged by " + person).contains("sam.slack");

        long later = Instant.now().getEpochSecond();
        postSlack(body, later, SlackSignatures.sign(SLACK_SECRET, later, body)).then().statusCode(200)
                .body("text", containsString("already acknowledged"));
        List<String> types = eventTypes(incident, found -> found.contains("io.firebreak.page.acknowledged.v1"));
        assertThat(types).filteredOn("io.firebreak.page.acknowledged.v1"::equals).as("a second click publishes nothing").hasSize(1);
    }

    @Test
    void aSlackReplyIsNeverSentOutsideTheConfiguredResponseUrlPrefix() throws Exception {
        String person = unique("slack");
        UUID incident = pagedThrough(person, "SLACK", Receivers.RECEIVER.url("/slack/" + person));
        String token = firstMessage("/slack/" + person).getString("blocks[1].elements[0].value");
        String elsewhere = Receivers.RECEIVER.url("/elsewhere/" + person);
        String body = slackClick(token, "sam.slack", elsewhere);
        long now = Instant.now().getEpochSecond();
        postSlack(body, now, SlackSignatures.sign(SLACK_SECRET, now, body)).then().statusCode(200);
        assertThat(paging(incident).getString("status")).isEqualTo("ACKNOWLEDGED");
        // The reply would have been queued in the acknowledging transaction; nothing was.
        assertThat(replies(token)).isZero();
        assertThat(Receivers.RECEIVER.received("/elsewhere/" + person)).isEmpty();
    }

    @Test
    void aMattermostButtonAcknowledgesWithThePagesTokenInItsContext() {
        String person = unique("mm");
        UUID incident = pagedThrough(person, "MATTERMOST", Receivers.RECEIVER.url("/mattermost/" + person));
        JsonPath message = firstMessage("/mattermost/" + person);
        assertThat(message.getString("text")).contains("[P2]");
        assertThat(message.getString("attachments[0].actions[0].integration.url")).endsWith("/api/v1/response/chat/mattermost/actions");
        String token = message.getString("attachments[0].actions[0].integration.context.token");

        given().contentType(ContentType.JSON).body(Map.of("user_id", "u1", "user_name", "mo", "context", Map.of("token", token + "x")))
                .post("/api/v1/response/chat/mattermost/actions").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("user_id", "u1", "context", Map.of()))
                .post("/api/v1/response/chat/mattermost/actions").then().statusCode(400)
                .body("violations[0].field", equalTo("context.token"));
        assertThat(paging(incident).getString("status")).isEqualTo("ACTIVE");

        given().contentType(ContentType.JSON).body(Map.of("user_id", "u1", "user_name", "mo", "context", Map.of("token", token)))
                .post("/api/v1/response/chat/mattermost/actions").then().statusCode(200)
                .body("update.message", containsString("Acknowledged by " + person)).body("ephemeral_text", containsString("mo"));
        assertThat(paging(incident).getString("acknowledgedVia")).isEqualTo("CHAT");
        given().contentType(ContentType.JSON).body(Map.of("user_id", "u1", "user_name", "mo", "context", Map.of("token", token)))
                .post("/api/v1/response/chat/mattermost/actions").then().statusCode(200)
                .body("ephemeral_text", containsString("already acknowledged"));
    }

    @Test
    void teamsGetsAnAdaptiveCardAndVoiceATwilioCallWithItsCredential() {
        String person = unique("tv");
        String number = "+1555" + (1_000_000 + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 8_999_999));
        PagingFixtures.verifiedMethod(person, "VOICE", number);
        UUID incident = pagedThrough(person, "TEAMS", Receivers.RECEIVER.url("/teams/" + person));

        JsonPath card = firstMessage("/teams/" + person);
        assertThat(card.getString("type")).isEqualTo("message");
        assertThat(card.getString("attachments[0].contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.getString("attachments[0].content.body[0].text")).contains("[P2]");
        assertThat(card.getString("attachments[0].content.actions[0].type")).isEqualTo("Action.OpenUrl");
        assertThat(card.getString("attachments[0].content.actions[0].url")).contains("/api/v1/response/pages/").contains("/ack?exp=");

        await().atMost(WAIT).until(() -> call(number) != null);
        TestReceiver.Received call = call(number);
        assertThat(call.headers().get("authorization")).as("the configured twilio credential").isEqualTo("Basic QUN0ZXN0OmxvY2FsLWRldi1vbmx5");
        Map<String, String> form = form(call.body());
        assertThat(form.get("From")).isEqualTo("+15550000000");
        assertThat(form.get("Twiml")).startsWith("<Response><Say>").contains("[P2]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(paging(incident).getString("pages[0].status")).isEqualTo("DELIVERED"));
    }

    /** Replies queued for the page the token names. */
    private static long replies(String token) throws java.sql.SQLException {
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect(); java.sql.PreparedStatement s = c.prepareStatement(
                "select count(*) from response.outbound_delivery where reference = ?")) {
            s.setString(1, "chat-reply:" + token.substring(0, token.indexOf('.')));
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static TestReceiver.Received call(String number) {
        return Receivers.RECEIVER.received(Receivers.TWILIO_CALLS).stream().filter(r -> number.equals(form(r.body()).get("To")))
                .findFirst().orElse(null);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }
}
