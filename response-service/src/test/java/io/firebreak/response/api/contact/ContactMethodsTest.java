package io.firebreak.response.api.contact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.response.Receivers;
import io.firebreak.testing.TestReceiver;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Contact methods are verified by a code sent through the real channel: SMTP, a signed webhook, the SMS API. */
@QuarkusTest
class ContactMethodsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.as(user, "responder")).contentType(ContentType.JSON);
    }

    private static String user() {
        return "pat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String codeIn(String text) {
        Matcher m = Pattern.compile("([0-9]{6})").matcher(text);
        assertThat(m.find()).as("a code in: %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void anEmailMethodIsVerifiedWithTheCodeThatArrivedInTheMailboxAndAWrongCodeIsCounted() throws Exception {
        String me = user();
        String address = me + "@firebreak.test";
        String id = as(me).body(Map.of("kind", "EMAIL", "address", address, "label", "work"))
                .post("/api/v1/response/me/contact-methods").then().statusCode(201)
                .body("verified", equalTo(false)).body("signingSecret", nullValue()).extract().path("id");

        as(me).post("/api/v1/response/me/contact-methods/" + id + "/verification").then().statusCode(202);
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(address).isEmpty());
        MimeMessage mail = TestSmtp.messagesTo(address).get(0);
        String code = codeIn(mail.getSubject());

        String wrong = code.equals("000000") ? "111111" : "000000";
        as(me).body(Map.of("code", wrong)).post("/api/v1/response/me/contact-methods/" + id + "/verify")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("4 attempt(s) left"));
        as(me).body(Map.of("code", wrong)).post("/api/v1/response/me/contact-methods/" + id + "/verify")
                .then().statusCode(422).body("detail", containsString("3 attempt(s) left"));
        as(me).body(Map.of("code", code)).post("/api/v1/response/me/contact-methods/" + id + "/verify")
                .then().statusCode(200).body("verified", equalTo(true));
        as(me).get("/api/v1/response/me/contact-methods").then().statusCode(200).body("[0].verified", equalTo(true));
    }

    @Test
    void aWebhookMethodGetsItsSigningSecretOnceAndItsCodeArrivesSigned() {
        String me = user();
        String path = "/hooks/" + UUID.randomUUID();
        var created = as(me).body(Map.of("kind", "WEBHOOK", "address", Receivers.RECEIVER.url(path)))
                .post("/api/v1/response/me/contact-methods").then().statusCode(201)
                .body("signingSecret", startsWith("whsec_")).extract();
        String id = created.path("id");
        String secret = created.path("signingSecret");
        as(me).get("/api/v1/response/me/contact-methods").then().body("[0].signingSecret", nullValue());

        as(me).post("/api/v1/response/me/contact-methods/" + id + "/verification").then().statusCode(202);
        await().atMost(WAIT).until(() -> !Receivers.RECEIVER.received(path).isEmpty());
        TestReceiver.Received request = Receivers.RECEIVER.received(path).get(0);
        assertThat(StandardWebhooks.verify(secret, request.headers().get("webhook-id"),
                Long.parseLong(request.headers().get("webhook-timestamp")), request.body(), request.headers().get("webhook-signature")))
                .as("signed with the secret its owner was given").isTrue();
        String code = io.restassured.path.json.JsonPath.from(request.body()).getString("data.code");
        as(me).body(Map.of("code", code)).post("/api/v1/response/me/contact-methods/" + id + "/verify").then().statusCode(200);
    }

    @Test
    void anSmsCodeGoesThroughTheTwilioCompatibleApiWithTheConfiguredCredential() {
        String me = user();
        String number = "+49151" + (10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 89_999_999));
        String id = as(me).body(Map.of("kind", "SMS", "address", number))
                .post("/api/v1/response/me/contact-methods").then().statusCode(201).extract().path("id");
        as(me).post("/api/v1/response/me/contact-methods/" + id + "/verification").then().statusCode(202);

        String to = "To=" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
        await().atMost(WAIT).until(() -> Receivers.RECEIVER.received(Receivers.TWILIO_MESSAGES).stream()
                .anyMatch(r -> r.body().contains(to)));
        TestReceiver.Received sms = Receivers.RECEIVER.received(Receivers.TWILIO_MESSAGES).stream()
                .filter(r -> r.body().contains(to)).findFirst().orElseThrow();
        assertThat(sms.headers()).containsEntry("authorization", "Basic QUN0ZXN0OmxvY2FsLWRldi1vbmx5")
                .containsEntry("content-type", "application/x-www-form-urlencoded");
        assertThat(sms.body()).contains("From=%2B15550000000");
        String text = java.util.Arrays.stream(sms.body().split("&")).filter(p -> p.startsWith("Body=")).findFirst().orElseThrow();
        String code = codeIn(java.net.URLDecoder.decode(text.substring(5), java.nio.charset.StandardCharsets.UTF_8));
        as(me).body(Map.of("code", code)).post("/api/v1/response/me/contact-methods/" + id + "/verify").then().statusCode(200);
    }

    @Test
    void badAddressesAreRefusedFieldByFieldAndOthersMethodsDoNotExistForYou() {
        String me = user();
        as(me).body(Map.of("kind", "SMS", "address", "0151 123")).post("/api/v1/response/me/contact-methods")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("address"))
                .body("violations[0].message", containsString("E.164"));
        as(me).body(Map.of("kind", "EMAIL", "address", "not-an-address")).post("/api/v1/response/me/contact-methods")
                .then().statusCode(400).body("violations[0].field", equalTo("address"));
        as(me).body(Map.of("kind", "PIGEON", "address", "x")).post("/api/v1/response/me/contact-methods")
                .then().statusCode(400).contentType("application/problem+json");

        String id = as(me).body(Map.of("kind", "EMAIL", "address", me + "@firebreak.test"))
                .post("/api/v1/response/me/contact-methods").then().statusCode(201).extract().path("id");
        String other = user();
        as(other).post("/api/v1/response/me/contact-methods/" + id + "/verification").then().statusCode(404);
        as(other).delete("/api/v1/response/me/contact-methods/" + id).then().statusCode(404);
        as(other).body(Map.of("steps", List.of(Map.of("contactMethodId", id, "delayMinutes", 0))))
                .put("/api/v1/response/me/notification-rules/P1").then().statusCode(400)
                .body("violations[0].field", equalTo("steps[0].contactMethodId"));
        as(me).body(Map.of("steps", List.of(Map.of("contactMethodId", id, "delayMinutes", 0)), "repeatMinutes", 5))
                .put("/api/v1/response/me/notification-rules/P1").then().statusCode(200).body("repeatMinutes", equalTo(5));
        as(me).body(Map.of("steps", List.of())).put("/api/v1/response/me/notification-rules/P7").then().statusCode(404);
    }
}
