package io.firebreak.response.domain.paging;

import io.firebreak.response.config.ResponseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click acknowledgement links: {@code /api/v1/response/pages/{page}/ack?exp=…&sig=…}, the signature
 * an HMAC-SHA256 over page and expiry with a key only this service holds. The link itself only shows a
 * confirmation (link-preview bots fetch with GET); the POST from that page acknowledges, once.
 */
@ApplicationScoped
public class AckLinks {

    private final ResponseConfig config;
    private final Clock clock;
    private final byte[] key;

    public AckLinks(ResponseConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.key = config.paging().linkKey().getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("firebreak.response.paging.link-key must be at least 32 characters");
        }
    }

    /** What a link check found. */
    public enum Check { VALID, EXPIRED, FORGED }

    public String linkFor(UUID pageId) {
        long exp = clock.instant().plus(config.paging().linkTtl()).getEpochSecond();
        return config.publicBaseUrl() + path(pageId) + "?exp=" + exp + "&sig=" + sign(pageId, exp);
    }

    /**
     * The same credential as the link, as one opaque value ({@code page.exp.sig}) for chat buttons whose
     * click comes back to this service instead of opening a browser.
     */
    public String tokenFor(UUID pageId) {
        long exp = clock.instant().plus(config.paging().linkTtl()).getEpochSecond();
        return pageId + "." + exp + "." + sign(pageId, exp);
    }

    /** A chat button's token, checked: the page it acknowledges, or why not. */
    public record TokenCheck(UUID pageId, Check check) {
    }

    public TokenCheck checkToken(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", 3);
        if (parts.length != 3) {
            return new TokenCheck(null, Check.FORGED);
        }
        try {
            UUID page = UUID.fromString(parts[0]);
            return new TokenCheck(page, check(page, Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return new TokenCheck(null, Check.FORGED);
        }
    }

    public static String path(UUID pageId) {
        return "/api/v1/response/pages/" + pageId + "/ack";
    }

    public Check check(UUID pageId, long exp, String sig) {
        if (sig == null || !MessageDigest.isEqual(sign(pageId, exp).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        return Instant.ofEpochSecond(exp).isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    }

    String sign(UUID pageId, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((pageId + "." + exp).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
