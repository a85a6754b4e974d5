package io.firebreak.response.api;

import static io.restassured.RestAssured.given;

import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint × role → expected status, for every endpoint of the service. */
@QuarkusTest
class ResponseAuthorizationMatrixTest {

    static Stream<Arguments> matrix() {
        return Stream.of(
                // role, GET response record (unknown id), GET me
                Arguments.of(null, 401, 401),
                Arguments.of("viewer", 404, 200),
                Arguments.of("responder", 404, 200),
                Arguments.of("incident-commander", 404, 200),
                Arguments.of("comms-lead", 404, 200),
                Arguments.of("tech-lead", 404, 200),
                Arguments.of("service-owner", 404, 200),
                Arguments.of("change-approver", 404, 200),
                Arguments.of("executive", 404, 200),
                Arguments.of("auditor", 404, 200),
                Arguments.of("admin", 404, 200),
                Arguments.of("no-firebreak-role", 403, 200));
    }

    @ParameterizedTest(name = "{0}: record {1}, me {2}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyItsAccess(String role, int record, int me) {
        as(role).when().get("/api/v1/response/incidents/00000000-0000-0000-0000-000000000000").then().statusCode(record);
        as(role).when().get("/api/v1/response/me").then().statusCode(me);
    }

    private static RequestSpecification as(String role) {
        return role == null ? given() : given().auth().oauth2(Tokens.as("user-" + role, role));
    }
}
