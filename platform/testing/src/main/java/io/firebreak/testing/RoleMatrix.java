package io.firebreak.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rows of every service's authorisation matrix test: no token, each Firebreak role, and a token without one
 * ({@code @MethodSource("io.firebreak.testing.RoleMatrix#roles")}); a request as that role; the status it must get.
 */
public final class RoleMatrix {

    private RoleMatrix() {
    }

    /** null is "no token"; {@code no-firebreak-role} is a valid token without any of Firebreak's roles. */
    public static Stream<String> roles() {
        return Stream.of(null, "viewer", "responder", "incident-commander", "comms-lead", "tech-lead", "service-owner",
                "change-approver", "executive", "auditor", "admin", "no-firebreak-role");
    }

    /** A request without a token (null), or with a real signed token of a user holding just {@code role}. */
    public static RequestSpecification as(String role) {
        return role == null ? given() : given().auth().oauth2(Tokens.as("matrix-" + role, role));
    }

    /** 401 without a token, {@code answer} for the roles of {@code group}, 403 for every other role. */
    public static int expected(String role, Set<String> group, int answer) {
        return role == null ? 401 : group.contains(role) ? answer : 403;
    }
}
