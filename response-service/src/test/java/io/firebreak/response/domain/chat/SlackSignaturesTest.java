package io.firebreak.response.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Slack's own example from "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack). */
class SlackSignaturesTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long TIMESTAMP = 1531420618L;
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2F"
            + "hooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signsSlacksDocumentedExampleToItsDocumentedSignature() {
        assertThat(SlackSignatures.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsTheExampleWithinFiveMinutesOfItsTimestamp() {
        assertThat(SlackSignatures.verify(SECRET, "1531420618", BODY, EXPECTED, Instant.ofEpochSecond(TIMESTAMP + 299), FIVE_MINUTES)).isTrue();
    }

    @Test
    void refusesAReplayOlderThanTheAllowedAge() {
        assertThat(SlackSignatures.verify(SECRET, "1531420618", BODY, EXPECTED, Instant.ofEpochSecond(TIMESTAMP + 301), FIVE_MINUTES)).isFalse();
    }

    @Test
    void refusesATamperedBodyAWrongSecretAndAMalformedTimestamp() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(SlackSignatures.verify(SECRET, "1531420618", BODY.replace("roadrunner", "coyote"), EXPECTED, now, FIVE_MINUTES)).isFalse();
        assertThat(SlackSignatures.verify("another-secret", "1531420618", BODY, EXPECTED, now, FIVE_MINUTES)).isFalse();
        assertThat(SlackSignatures.verify(SECRET, "soon", BODY, EXPECTED, now, FIVE_MINUTES)).isFalse();
        assertThat(SlackSignatures.verify(SECRET, "1531420618", BODY, null, now, FIVE_MINUTES)).isFalse();
    }
}
