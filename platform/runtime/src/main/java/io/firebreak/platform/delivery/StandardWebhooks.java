package io.firebreak.platform.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric scheme of the Standard Webhooks specification: the content {@code id.timestamp.body}
 * signed with HMAC-SHA256 under a {@code whsec_}-prefixed base64 secret, sent as
 * {@code webhook-signature: v1,<base64>} (space-separated, one per secret during a rotation).
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** A new secret: 32 random bytes (the specification asks for 24 to 64). */
    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for these secrets. */
    public static String signature(List<String> secrets, String id, long timestampSeconds, String body) {
        if (id.contains(".")) {
            throw new IllegalArgumentException("a webhook id must not contain '.'");
        }
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key(secret), id + "." + timestampSeconds + "." + body)));
        }
        return String.join(" ", signatures);
    }

    /** Whether one of the header's v1 signatures is this secret's (constant-time comparison). */
    public static boolean verify(String secret, String id, long timestampSeconds, String body, String header) {
        byte[] expected = hmac(key(secret), id + "." + timestampSeconds + "." + body);
        for (String part : header.split(" ")) {
            if (part.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(part.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length == 0) {
            throw new IllegalArgumentException("empty webhook secret");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
