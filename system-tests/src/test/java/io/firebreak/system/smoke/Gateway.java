package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls through the local stack's gateway as a demo user, with a real Keycloak token (the smoke ITs' one way in). */
final class Gateway {

    static final String URL = System.getProperty("firebreak.gateway.url", "http://127.0.0.1:8080");

    private Gateway() {
    }

    /** {@code method path} as {@code user}, with {@code body} as JSON when not null. */
    static ValidatableResponse call(String user, String method, String path, Object body) {
        var request = given().baseUri(URL).auth().oauth2(StackSmokeIT.token(user));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method, path).then();
    }
}
