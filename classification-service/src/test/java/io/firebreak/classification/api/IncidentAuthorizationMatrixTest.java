package io.firebreak.classification.api;

import static io.restassured.RestAssured.given;

import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint × role → expected status, for every endpoint of the service. */
@QuarkusTest
class IncidentAuthorizationMatrixTest {

    private static final String INCIDENTS = "/api/v1/classification/incidents";

    static Stream<Arguments> matrix() {
        return Stream.of(
                // role, POST incidents, GET incidents, GET incident, GET me
                Arguments.of(null, 401, 401, 401, 401),
                Arguments.of("viewer", 403, 200, 404, 200),
                Arguments.of("responder", 201, 200, 404, 200),
                Arguments.of("incident-commander", 201, 200, 404, 200),
                Arguments.of("comms-lead", 403, 200, 404, 200),
                Arguments.of("tech-lead", 403, 200, 404, 200),
                Arguments.of("service-owner", 201, 200, 404, 200),
                Arguments.of("change-approver", 403, 200, 404, 200),
                Arguments.of("executive", 403, 200, 404, 200),
                Arguments.of("auditor", 403, 200, 404, 200),
                Arguments.of("admin", 403, 200, 404, 200),
                Arguments.of("no-firebreak-role", 403, 403, 403, 200));
    }

    @ParameterizedTest(name = "{0}: declare {1}, list {2}, get {3}, me {4}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyItsAccess(String role, int declare, int list, int get, int me) {
        as(role).contentType(ContentType.JSON).body(IncidentDeclarationTest.declaration("Matrix " + role, "matrix", "P3"))
                .when().post(INCIDENTS).then().statusCode(declare);
        as(role).when().get(INCIDENTS).then().statusCode(list);
        // An id nobody declared: an admitted role learns it does not exist, a refused role learns nothing.
        as(role).when().get(INCIDENTS + "/00000000-0000-0000-0000-000000000000").then().statusCode(get);
        as(role).when().get("/api/v1/classification/me").then().statusCode(me);
    }

    private static RequestSpecification as(String role) {
        return role == null ? given() : given().auth().oauth2(Tokens.as("user-" + role, role));
    }
}
