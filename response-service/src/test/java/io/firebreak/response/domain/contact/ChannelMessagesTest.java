package io.firebreak.response.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.model.oncall.ContactKind;
import io.firebreak.response.model.oncall.ContactMethod;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each channel gets the request its own documentation describes. */
class ChannelMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelMessages.Notification PAGE = new ChannelMessages.Notification("[P1] INC-2026-0042 Checkout down",
            "You are paged as incident commander.", "https://firebreak.example/api/v1/response/pages/p/ack?exp=1&sig=s", "Acknowledge",
            "page.triggered", Map.of("incidentKey", "INC-2026-0042"));

    private static ContactMethod method(ContactKind kind, String address) {
        ContactMethod m = new ContactMethod();
        m.id = UUID.randomUUID();
        m.kind = kind;
        m.address = address;
        return m;
    }

    private static final ChannelMessages.Notification PAGE_WITH_TOKEN = new ChannelMessages.Notification(PAGE.subject(), PAGE.text(),
            PAGE.linkUrl(), PAGE.linkLabel(), PAGE.eventType(), PAGE.data(), "page.1.sig");

    private static ResponseConfig config(String sid) {
        return config(sid, null);
    }

    /** Configuration with a Twilio account and, optionally, a Slack signing secret (nothing else the messages read). */
    private static ResponseConfig config(String sid, String slackSecret) {
        ResponseConfig.Chat chat = (ResponseConfig.Chat) Proxy.newProxyInstance(ResponseConfig.class.getClassLoader(),
                new Class<?>[] {ResponseConfig.Chat.class}, (p, m, a) -> switch (m.getName()) {
                    case "slackSigningSecret" -> Optional.ofNullable(slackSecret);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ResponseConfig.Twilio twilio = (ResponseConfig.Twilio) Proxy.newProxyInstance(ResponseConfig.class.getClassLoader(),
                new Class<?>[] {ResponseConfig.Twilio.class}, (p, m, a) -> switch (m.getName()) {
                    case "baseUrl" -> "https://api.twilio.test";
                    case "accountSid" -> Optional.ofNullable(sid);
                    case "from" -> Optional.of("+15550000000");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ResponseConfig) Proxy.newProxyInstance(ResponseConfig.class.getClassLoader(), new Class<?>[] {ResponseConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "twilio" -> twilio;
                    case "chat" -> chat;
                    case "publicBaseUrl" -> "https://firebreak.example";
                    case "verificationTtl" -> Duration.ofMinutes(15);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void slackGetsAFallbackTextAndBlocksWithALinkButton() throws Exception {
        OutboundMessage m = ChannelMessages.of(method(ContactKind.SLACK, "https://hooks.slack.test/services/T/B/X"), PAGE, config("AC1"));
        JsonNode body = JSON.readTree(m.body());
        assertThat(m.url()).isEqualTo("https://hooks.slack.test/services/T/B/X");
        assertThat(body.get("text").asText()).contains("INC-2026-0042").contains("<" + PAGE.linkUrl() + "|Acknowledge>");
        assertThat(body.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(body.at("/blocks/1/type").asText()).isEqualTo("actions");
        assertThat(body.at("/blocks/1/elements/0/type").asText()).isEqualTo("button");
        assertThat(body.at("/blocks/1/elements/0/url").asText()).isEqualTo(PAGE.linkUrl());
        assertThat(body.at("/blocks/1/elements/0/text/type").asText()).isEqualTo("plain_text");
    }

    @Test
    void slackWithItsAppsSigningSecretGetsAnAcknowledgeButtonCarryingThePagesTokenBesideTheLink() throws Exception {
        OutboundMessage m = ChannelMessages.of(method(ContactKind.SLACK, "https://hooks.slack.test/services/T/B/X"), PAGE_WITH_TOKEN,
                config("AC1", "secret"));
        JsonNode body = JSON.readTree(m.body());
        assertThat(body.at("/blocks/1/elements/0/action_id").asText()).isEqualTo(ChannelMessages.ACK_ACTION);
        assertThat(body.at("/blocks/1/elements/0/value").asText()).isEqualTo("page.1.sig");
        assertThat(body.at("/blocks/1/elements/0/url").isMissingNode()).as("a click comes back to Firebreak, no browser").isTrue();
        assertThat(body.at("/blocks/1/elements/1/url").asText()).isEqualTo(PAGE.linkUrl());

        JsonNode withoutSecret = JSON.readTree(ChannelMessages.of(method(ContactKind.SLACK, "https://hooks.slack.test/services/T/B/X"),
                PAGE_WITH_TOKEN, config("AC1", null)).body());
        assertThat(withoutSecret.at("/blocks/1/elements").size()).as("without interactivity only the link").isEqualTo(1);
        assertThat(withoutSecret.at("/blocks/1/elements/0/url").asText()).isEqualTo(PAGE.linkUrl());
    }

    @Test
    void mattermostGetsAnAttachmentWhoseButtonPostsThePagesTokenToFirebreak() throws Exception {
        OutboundMessage m = ChannelMessages.of(method(ContactKind.MATTERMOST, "https://chat.example/hooks/abc"), PAGE_WITH_TOKEN, config("AC1"));
        JsonNode body = JSON.readTree(m.body());
        assertThat(m.url()).isEqualTo("https://chat.example/hooks/abc");
        assertThat(body.at("/attachments/0/fallback").asText()).contains("INC-2026-0042").contains(PAGE.linkUrl());
        assertThat(body.at("/attachments/0/actions/0/type").asText()).isEqualTo("button");
        assertThat(body.at("/attachments/0/actions/0/id").asText()).as("Mattermost action ids are alphanumeric").matches("[A-Za-z0-9]+");
        assertThat(body.at("/attachments/0/actions/0/integration/url").asText())
                .isEqualTo("https://firebreak.example/api/v1/response/chat/mattermost/actions");
        assertThat(body.at("/attachments/0/actions/0/integration/context/token").asText()).isEqualTo("page.1.sig");
    }

    @Test
    void teamsGetsAnAdaptiveCardWithAnOpenUrlAction() throws Exception {
        OutboundMessage m = ChannelMessages.of(method(ContactKind.TEAMS, "https://prod.workflows.test/x"), PAGE, config("AC1"));
        JsonNode body = JSON.readTree(m.body());
        assertThat(body.get("type").asText()).isEqualTo("message");
        assertThat(body.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(body.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
        assertThat(body.at("/attachments/0/content/body/0/text").asText()).isEqualTo(PAGE.subject());
        assertThat(body.at("/attachments/0/content/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(body.at("/attachments/0/content/actions/0/url").asText()).isEqualTo(PAGE.linkUrl());
    }

    @Test
    void smsAndVoiceGoToTheTwilioResourcesFormEncodedWithTheNamedCredential() {
        OutboundMessage sms = ChannelMessages.of(method(ContactKind.SMS, "+4915112345678"), PAGE, config("AC1"));
        assertThat(sms.url()).isEqualTo("https://api.twilio.test/2010-04-01/Accounts/AC1/Messages.json");
        assertThat(sms.credential()).isEqualTo(ChannelMessages.TWILIO_CREDENTIAL);
        assertThat(sms.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(URLDecoder.decode(sms.body(), StandardCharsets.UTF_8)).contains("To=+4915112345678").contains("From=+15550000000")
                .contains("Body=[P1] INC-2026-0042");

        OutboundMessage voice = ChannelMessages.of(method(ContactKind.VOICE, "+4915112345678"), PAGE, config("AC1"));
        assertThat(voice.url()).endsWith("/Accounts/AC1/Calls.json");
        assertThat(URLDecoder.decode(voice.body(), StandardCharsets.UTF_8)).contains("Twiml=<Response><Say>[P1] INC-2026-0042");
    }

    @Test
    void smsWithoutAnAccountIsAConfigurationErrorNotASilentDrop() {
        assertThatThrownBy(() -> ChannelMessages.of(method(ContactKind.SMS, "+4915112345678"), PAGE, config(null)))
                .hasMessageContaining("firebreak.response.twilio.account-sid");
    }

    @Test
    void aWebhookIsSignedAndEmailCarriesTheLink() throws Exception {
        ContactMethod hook = method(ContactKind.WEBHOOK, "https://example.test/pager");
        OutboundMessage w = ChannelMessages.of(hook, PAGE, config("AC1"));
        assertThat(w.signingRef()).isEqualTo("contact:" + hook.id);
        assertThat(JSON.readTree(w.body()).at("/data/incidentKey").asText()).isEqualTo("INC-2026-0042");
        assertThat(JSON.readTree(w.body()).get("type").asText()).isEqualTo("page.triggered");

        OutboundMessage mail = ChannelMessages.of(method(ContactKind.EMAIL, "ic@firebreak.test"), PAGE, config("AC1"));
        assertThat(mail.to()).isEqualTo("ic@firebreak.test");
        assertThat(mail.text()).contains("Acknowledge: " + PAGE.linkUrl());
    }
}
