package io.firebreak.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    // The signing vector of the Standard Webhooks reference libraries (libraries/go/webhook_test.go, TestWebhookSign).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheReferenceVectorAsTheSpecificationsLibrariesDo() {
        assertThat(StandardWebhooks.signature(List.of(SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationBothSignaturesAreSentAndEitherSecretVerifies() {
        String next = StandardWebhooks.newSecret();
        String header = StandardWebhooks.signature(List.of(next, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(StandardWebhooks.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(StandardWebhooks.verify(next, ID, TIMESTAMP, BODY, header)).isTrue();
    }

    @Test
    void aChangedBodyTimestampOrIdDoesNotVerify() {
        String header = StandardWebhooks.signature(List.of(SECRET), ID, TIMESTAMP, BODY);
        assertThat(StandardWebhooks.verify(SECRET, ID, TIMESTAMP, BODY.replace('2', '3'), header)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID, TIMESTAMP + 1, BODY, header)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID + "x", TIMESTAMP, BODY, header)).isFalse();
        assertThat(StandardWebhooks.verify(StandardWebhooks.newSecret(), ID, TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void newSecretsAreWhsecPrefixed32RandomBytes() {
        String a = StandardWebhooks.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(StandardWebhooks.newSecret()).isNotEqualTo(a);
    }

    @Test
    void anIdWithADotIsRefusedBecauseItWouldMakeTheSignedContentAmbiguous() {
        assertThatThrownBy(() -> StandardWebhooks.signature(List.of(SECRET), "a.b", TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
