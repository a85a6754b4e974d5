package io.firebreak.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC keys: the active one signs new records; retired ones still verify the records they signed.
 * Keys come from configuration (a secret outside the database), never from the database itself.
 */
public final class AuditKeys {

    private static final int MIN_KEY_BYTES = 32;

    private final String activeId;
    private final Map<String, byte[]> keys;

    public AuditKeys(String activeId, Map<String, byte[]> keys) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("no audit key with id " + activeId);
        }
        keys.forEach((id, key) -> {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("audit key " + id + " has " + key.length + " bytes; at least "
                        + MIN_KEY_BYTES + " are required");
            }
        });
        this.activeId = activeId;
        this.keys = Map.copyOf(keys);
    }

    /** Keys given as base64 text, the way configuration carries them. */
    public static AuditKeys fromBase64(String activeId, String activeKey, Map<String, String> retired) {
        java.util.HashMap<String, byte[]> all = new java.util.HashMap<>();
        retired.forEach((id, key) -> all.put(id, Base64.getDecoder().decode(key.strip())));
        all.put(activeId, Base64.getDecoder().decode(activeKey.strip()));
        return new AuditKeys(activeId, all);
    }

    public String activeId() {
        return activeId;
    }

    String mac(String keyId, String message) {
        byte[] key = Optional.ofNullable(keys.get(keyId))
                .orElseThrow(() -> new UnknownKeyException(keyId));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** A record names a key this instance does not hold. */
    static final class UnknownKeyException extends RuntimeException {
        UnknownKeyException(String keyId) {
            super("audit key " + keyId + " is not configured", null, false, false);
        }
    }
}
