package io.firebreak.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real RS256-signed access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles},
 * the API audience in {@code aud}), verified by the service's real OIDC token validation.
 */
public final class Tokens {

    /** The audience every Firebreak service expects ({@code firebreak.api-audience}). */
    public static final String API_AUDIENCE = "firebreak-api";

    private static KeyPair otherKey;

    private Tokens() {
    }

    /** A token for {@code user} holding the given realm roles. */
    public static String as(String user, String... roles) {
        return claims(user, roles).audience(API_AUDIENCE).jws().keyId("firebreak-test").sign(TestKeys.privateKey());
    }

    /** A valid token of the realm, but issued for another audience (another client's API). */
    public static String forAudience(String audience, String user, String... roles) {
        return claims(user, roles).audience(audience).jws().keyId("firebreak-test").sign(TestKeys.privateKey());
    }

    /** A token with no audience at all. */
    public static String withoutAudience(String user, String... roles) {
        return claims(user, roles).jws().keyId("firebreak-test").sign(TestKeys.privateKey());
    }

    /** A well-formed token with the right claims, signed by a real RSA key the service does not trust. */
    public static String signedByAnotherKey(String user, String... roles) {
        return claims(user, roles).audience(API_AUDIENCE).jws().keyId("firebreak-test").sign(otherKey().getPrivate());
    }

    /** A token that expired a minute ago; must be refused. */
    public static String expired(String user, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(TestKeys.ISSUER)
                .subject(user)
                .upn(user)
                .audience(API_AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(now - 600)
                .expiresAt(now - 60)
                .jws().keyId("firebreak-test")
                .sign(TestKeys.privateKey());
    }

    /** The value of an Authorization header. */
    public static String bearer(String user, String... roles) {
        return "Bearer " + as(user, roles);
    }

    private static JwtClaimsBuilder claims(String user, String... roles) {
        return Jwt.issuer(TestKeys.ISSUER)
                .subject(user)
                .upn(user)
                .preferredUserName(user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(Duration.ofMinutes(10));
    }

    private static synchronized KeyPair otherKey() {
        if (otherKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                otherKey = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return otherKey;
    }
}
