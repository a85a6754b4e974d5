package io.firebreak.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real RS256-signed access tokens shaped like Keycloak's (realm roles under
 * {@code realm_access.roles}), verified by the service's real OIDC token validation.
 */
public final class Tokens {

    private Tokens() {
    }

    /** A token for {@code user} holding the given realm roles. */
    public static String as(String user, String... roles) {
        return Jwt.issuer(TestKeys.ISSUER)
                .subject(user)
                .upn(user)
                .preferredUserName(user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(Duration.ofMinutes(10))
                .jws().keyId("firebreak-test")
                .sign(TestKeys.privateKey());
    }

    /** A token that expired a minute ago; must be refused. */
    public static String expired(String user, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(TestKeys.ISSUER)
                .subject(user)
                .upn(user)
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
}
