package io.firebreak.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookProofsTest {

    /** GitHub's documented test values ("Validating webhook deliveries"). */
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void theGithubSignatureMatchesGithubsPublishedTestVector() {
        assertThat(WebhookProofs.githubSignature(SECRET, PAYLOAD)).isEqualTo(SIGNATURE);
        assertThat(WebhookProofs.githubValid(SECRET, PAYLOAD, SIGNATURE)).isTrue();
    }

    @Test
    void aGithubSignatureOfAnotherBodyOrSecretOrWithoutItsPrefixFails() {
        assertThat(WebhookProofs.githubValid(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), SIGNATURE)).isFalse();
        assertThat(WebhookProofs.githubValid("another secret", PAYLOAD, SIGNATURE)).isFalse();
        assertThat(WebhookProofs.githubValid(SECRET, PAYLOAD, SIGNATURE.substring("sha256=".length()))).isFalse();
        assertThat(WebhookProofs.githubValid(SECRET, PAYLOAD, null)).isFalse();
    }

    @Test
    void theGitlabTokenMustBeExactlyTheSecretToken() {
        assertThat(WebhookProofs.gitlabValid("s3cret", "s3cret")).isTrue();
        assertThat(WebhookProofs.gitlabValid("s3cret", "s3cret ")).isFalse();
        assertThat(WebhookProofs.gitlabValid("s3cret", null)).isFalse();
    }
}
