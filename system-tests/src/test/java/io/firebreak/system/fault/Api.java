package io.firebreak.system.fault;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault run's way into the stack: through the gateway, with real Keycloak tokens per demo user. A 429 (the
 * per-caller limit) is waited out as its Retry-After says, and a 502/503/504 (an instance the run just killed) is
 * tried again: the run's own set-up and accounting calls must not fail for the faults it injects.
 */
public final class Api {

    private final String gateway;
    private final String keycloak;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    public Api(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    String gateway() {
        return gateway;
    }

    /** {@code method path} as {@code user}, body as JSON when not null; waits out limits and unavailability (2 min). */
    Response call(String user, String method, String path, Object body) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            var request = given().baseUri(gateway).auth().oauth2(token(user));
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            Response r = request.when().request(method, path);
            int status = r.statusCode();
            boolean limited = status == 429;
            boolean unavailable = status == 502 || status == 503 || status == 504;
            if ((!limited && !unavailable) || Instant.now().isAfter(giveUp)) {
                return r;
            }
            sleep(limited ? retryAfterMillis(r) : 1_000);
        }
    }

    private static long retryAfterMillis(Response r) {
        try {
            return Math.max(200, Long.parseLong(r.header("Retry-After")) * 1000);
        } catch (RuntimeException e) {
            return 1_000;
        }
    }

    /** A real access token of the demo user, from Keycloak's password grant; renewed after a minute. */
    public String token(String user) {
        Token t = tokens.get(user);
        if (t == null || Instant.now().isAfter(t.renewAfter())) {
            String value = given().baseUri(keycloak).contentType(ContentType.URLENC)
                    .formParams(Map.of("grant_type", "password", "client_id", "firebreak-console", "username", user,
                            "password", user + "-local-dev-only"))
                    .post("/realms/firebreak/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
            t = new Token(value, Instant.now().plus(Duration.ofMinutes(1)));
            tokens.put(user, t);
        }
        return t.value();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
