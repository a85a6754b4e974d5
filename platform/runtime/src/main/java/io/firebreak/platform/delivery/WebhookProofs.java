package io.firebreak.platform.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How GitHub and GitLab prove a webhook came from them. GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
 * the raw body with the webhook secret>}. GitLab: {@code X-Gitlab-Token} carries the secret token itself. Both
 * compared in constant time. Pure.
 */
public final class WebhookProofs {

    private static final String PREFIX = "sha256=";

    private WebhookProofs() {
    }

    public static String githubSignature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    public static boolean githubValid(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(githubSignature(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean gitlabValid(String token, String header) {
        return header != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
