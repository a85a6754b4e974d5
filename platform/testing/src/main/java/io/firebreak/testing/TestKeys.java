package io.firebreak.testing;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair generated for this test JVM (nothing committed). Services under test verify
 * tokens with the public key ({@code quarkus.oidc.public-key}); {@link Tokens} signs with the
 * private one. Kept in system properties so the test resource and the tests, which Quarkus loads
 * in different class loaders, see the same pair.
 */
public final class TestKeys {

    public static final String ISSUER = "https://firebreak.test/realms/firebreak";
    private static final String PRIVATE_PROPERTY = "firebreak.test.jwt.private-key";
    private static final String PUBLIC_PROPERTY = "firebreak.test.jwt.public-key";
    private static final String AUDIT_PROPERTY = "firebreak.test.audit-key";

    private TestKeys() {
    }

    public static synchronized void ensure() {
        if (System.getProperty(PRIVATE_PROPERTY) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(PRIVATE_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_PROPERTY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random audit MAC key for this test JVM, base64 (the form {@code firebreak.audit.key} takes). */
    public static synchronized String auditKey() {
        String key = System.getProperty(AUDIT_PROPERTY);
        if (key == null) {
            byte[] bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            key = Base64.getEncoder().encodeToString(bytes);
            System.setProperty(AUDIT_PROPERTY, key);
        }
        return key;
    }

    /** Base64 X.509 public key, the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKey() {
        ensure();
        return System.getProperty(PUBLIC_PROPERTY);
    }

    static PrivateKey privateKey() {
        ensure();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
