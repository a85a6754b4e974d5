package io.firebreak.response.api;

import static io.firebreak.testing.RoleMatrix.as;
import static io.firebreak.testing.RoleMatrix.expected;

import io.quarkus.test.junit.QuarkusTest;
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

    private static final java.util.Set<String> READERS = java.util.Set.of("viewer", "responder", "incident-commander", "comms-lead",
            "tech-lead", "service-owner", "change-approver", "executive", "auditor", "admin");
    private static final java.util.Set<String> WRITERS = java.util.Set.of("responder", "incident-commander", "comms-lead", "tech-lead",
            "service-owner", "admin");

    /** 401 without a token, 403 without a role of the group, else what the endpoint answers for an unknown object. */

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.firebreak.testing.RoleMatrix#roles")
    void onCallAndContactEndpointsAdmitExactlyTheirRoles(String role) {
        String unknown = java.util.UUID.randomUUID().toString();
        String range = "?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z";
        String schedule = "{\"name\":\"x\",\"role\":\"TEAM_ON_CALL\",\"timeZone\":\"UTC\",\"layers\":[{\"name\":\"l\","
                + "\"start\":\"2026-11-30T09:00\",\"length\":{\"unit\":\"DAYS\",\"amount\":1},\"participants\":[\"a\"]}]}";
        String team = "{\"id\":\"m-" + unknown.substring(0, 8) + "\",\"name\":\"M\",\"manager\":\"a\",\"members\":[]}";
        String qualification = "{\"role\":\"TECH_LEAD\",\"trainedOn\":\"2026-11-01\",\"evidence\":\"course\"}";
        String cover = "{\"person\":\"a\",\"start\":\"2026-11-30T00:00:00Z\",\"end\":\"2026-11-30T01:00:00Z\"}";

        as(role).get("/api/v1/response/teams").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body(team).post("/api/v1/response/teams")
                .then().statusCode(expected(role, java.util.Set.of("admin"), 201));
        as(role).get("/api/v1/response/teams/nope-" + unknown).then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"name\":\"n\",\"manager\":\"a\",\"members\":[]}")
                .put("/api/v1/response/teams/nope-" + unknown).then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/teams/nope-" + unknown + "/schedules").then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/response/teams/nope-" + unknown + "/services").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body(schedule).post("/api/v1/response/teams/nope-" + unknown + "/schedules")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/schedules/" + unknown).then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body(schedule).put("/api/v1/response/schedules/" + unknown)
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).delete("/api/v1/response/schedules/" + unknown).then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/schedules/" + unknown + "/final" + range).then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/response/schedules/" + unknown + "/gaps" + range).then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body(cover).post("/api/v1/response/schedules/" + unknown + "/overrides")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).delete("/api/v1/response/schedules/" + unknown + "/overrides/" + unknown).then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/oncall").then().statusCode(expected(role, READERS, 200));
        as(role).get("/api/v1/response/people/a/qualifications").then().statusCode(expected(role, READERS, 200));
        as(role).get("/api/v1/response/me/contact-methods").then().statusCode(expected(role, READERS, 200));
        as(role).post("/api/v1/response/me/contact-methods/" + unknown + "/verification").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"code\":\"123456\"}")
                .post("/api/v1/response/me/contact-methods/" + unknown + "/verify").then().statusCode(expected(role, READERS, 404));
        as(role).delete("/api/v1/response/me/contact-methods/" + unknown).then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"kind\":\"SMS\",\"address\":\"bad\"}")
                .post("/api/v1/response/me/contact-methods").then().statusCode(expected(role, READERS, 400));
        as(role).get("/api/v1/response/me/notification-rules").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body("{\"steps\":[]}").put("/api/v1/response/me/notification-rules/P2")
                .then().statusCode(expected(role, READERS, 200));
        String policy = "{\"name\":\"p\",\"levels\":[{\"targets\":[{\"type\":\"PERSON\",\"ref\":\"a\"}]}]}";
        as(role).get("/api/v1/response/teams/nope-" + unknown + "/escalation-policies").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body(policy).post("/api/v1/response/teams/nope-" + unknown + "/escalation-policies")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/escalation-policies/" + unknown).then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body(policy).put("/api/v1/response/escalation-policies/" + unknown)
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).delete("/api/v1/response/escalation-policies/" + unknown).then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/paging").then().statusCode(expected(role, READERS, 404));
        as(role).post("/api/v1/response/incidents/" + unknown + "/acknowledgement").then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/transitions").then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/roles").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"role\":\"SCRIBE\",\"person\":\"sam\"}")
                .post("/api/v1/response/incidents/" + unknown + "/roles")
                .then().statusCode(expected(role, java.util.Set.of("incident-commander", "admin"), 404));
        as(role).post("/api/v1/response/incidents/" + unknown + "/roles/" + unknown + "/acceptance")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{}").post("/api/v1/response/incidents/" + unknown + "/roles/" + unknown + "/release")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/handovers").then().statusCode(expected(role, READERS, 404));
        java.util.Set<String> triageWriters = java.util.Set.of("responder", "incident-commander", "comms-lead", "tech-lead", "admin");
        as(role).get("/api/v1/response/incidents/" + unknown + "/triage").then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/bridge").then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/response/runbooks").then().statusCode(expected(role, READERS, 200));
        as(role).get("/api/v1/response/runbooks/SCRIBE/P4").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body("{\"items\":[]}").put("/api/v1/response/runbooks/SCRIBE/P4")
                .then().statusCode(expected(role, java.util.Set.of("admin"), 400));
        as(role).get("/api/v1/response/incidents/" + unknown + "/checklist").then().statusCode(expected(role, READERS, 404));
        as(role).post("/api/v1/response/incidents/" + unknown + "/checklist/" + unknown + "/completion")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{}").put("/api/v1/response/incidents/" + unknown + "/bridge")
                .then().statusCode(expected(role, java.util.Set.of("incident-commander", "admin"), 404));
        as(role).contentType("application/json").body("{\"status\":\"s\"}").post("/api/v1/response/incidents/" + unknown + "/bridge/updates")
                .then().statusCode(expected(role, triageWriters, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/triage/" + unknown + "/history").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"statement\":\"s\"}").post("/api/v1/response/incidents/" + unknown + "/triage/hypotheses")
                .then().statusCode(expected(role, triageWriters, 404));
        as(role).contentType("application/json").body("{\"status\":\"REFUTED\",\"reason\":\"r\"}")
                .patch("/api/v1/response/incidents/" + unknown + "/triage/hypotheses/" + unknown).then().statusCode(expected(role, triageWriters, 404));
        as(role).contentType("application/json").body("{\"check\":\"c\",\"kind\":\"OTHER\",\"result\":\"r\"}")
                .post("/api/v1/response/incidents/" + unknown + "/triage/diagnostics").then().statusCode(expected(role, triageWriters, 404));
        as(role).contentType("application/json").body("{\"statement\":\"s\",\"component\":\"c\"}")
                .post("/api/v1/response/incidents/" + unknown + "/triage/findings").then().statusCode(expected(role, triageWriters, 404));
        as(role).queryParam("assignment", unknown.toString()).get("/api/v1/response/incidents/" + unknown + "/handovers/draft")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{\"assignmentId\":\"" + unknown + "\",\"to\":\"ian\",\"brief\":{\"currentStatus\":\"ok\"}}")
                .post("/api/v1/response/incidents/" + unknown + "/handovers").then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{\"brief\":{\"currentStatus\":\"ok\"}}")
                .put("/api/v1/response/incidents/" + unknown + "/handovers/" + unknown + "/brief").then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{\"briefVersion\":1}")
                .post("/api/v1/response/incidents/" + unknown + "/handovers/" + unknown + "/acknowledgement")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).post("/api/v1/response/incidents/" + unknown + "/handovers/" + unknown + "/cancellation")
                .then().statusCode(expected(role, WRITERS, 404));
        as(role).contentType("application/json").body("{\"action\":\"MITIGATE\"}").post("/api/v1/response/incidents/" + unknown + "/transitions")
                .then().statusCode(expected(role, java.util.Set.of("responder", "incident-commander", "comms-lead", "tech-lead", "admin"), 404));
        as(role).contentType("application/json").body("{\"until\":\"2026-11-30T10:00:00Z\",\"justification\":\"a good reason\"}")
                .post("/api/v1/response/incidents/" + unknown + "/escalations/" + unknown + "/delay")
                .then().statusCode(expected(role, java.util.Set.of("responder", "incident-commander", "service-owner", "admin"), 404));
        java.util.Set<String> directors = java.util.Set.of("incident-commander", "admin");
        as(role).get("/api/v1/response/incidents").then().statusCode(expected(role, READERS, 200));
        as(role).get("/api/v1/response/incidents/" + unknown + "/digest").then().statusCode(expected(role, READERS, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/war-room").then().statusCode(expected(role, READERS, 404));
        as(role).accept("text/event-stream").get("/api/v1/response/incidents/" + unknown + "/feed").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"kind\":\"OBSERVER\"}").put("/api/v1/response/incidents/" + unknown + "/war-room/members/pat")
                .then().statusCode(expected(role, directors, 404));
        as(role).delete("/api/v1/response/incidents/" + unknown + "/war-room/members/pat").then().statusCode(expected(role, directors, 404));
        as(role).contentType("application/json").body("{\"restricted\":true,\"reason\":\"r\"}")
                .put("/api/v1/response/incidents/" + unknown + "/war-room/restriction").then().statusCode(expected(role, directors, 404));
        as(role).get("/api/v1/response/incidents/" + unknown + "/drill").then().statusCode(expected(role, READERS, 404));
        as(role).contentType("application/json").body("{\"scenario\":\"s\",\"participants\":[{\"person\":\"p\",\"role\":\"SCRIBE\"}]}")
                .put("/api/v1/response/incidents/" + unknown + "/drill").then().statusCode(expected(role, directors, 404));
        as(role).get("/api/v1/response/readiness?team=" + unknown).then().statusCode(expected(role, READERS, 404));
        // Anyone may read their own drill records; others' need a right over the person (none here: 403).
        as(role).get("/api/v1/response/people/" + unknown + "/readiness").then()
                .statusCode(expected(role, READERS, "auditor".equals(role) || "admin".equals(role) ? 200 : 403));
        // The acknowledgement link is its own credential: anyone may try it, a forged one finds nothing.
        as(role).get("/api/v1/response/pages/" + unknown + "/ack?exp=9999999999&sig=forged").then().statusCode(404);
        as(role).contentType("application/x-www-form-urlencoded").formParam("exp", "9999999999").formParam("sig", "forged")
                .post("/api/v1/response/pages/" + unknown + "/ack").then().statusCode(404);
        // Anyone with a Firebreak role reaches the marks; marking another person needs to be their manager or an admin.
        as(role).get("/api/v1/response/people/a/unavailability").then().statusCode(expected(role, READERS, 200));
        as(role).contentType("application/json").body("{\"endsAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}")
                .post("/api/v1/response/people/a/unavailability").then().statusCode(role == null ? 401 : "admin".equals(role) ? 201 : 403);
        as(role).delete("/api/v1/response/people/a/unavailability/" + unknown).then().statusCode(expected(role, READERS, 404));
        // Chat buttons: Slack's clicks are proven by Slack's signature, Mattermost's by the page's token — no Firebreak role opens them.
        as(role).contentType("application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", String.valueOf(
                        java.time.Instant.now().getEpochSecond())).header("X-Slack-Signature", "v0=forged").body("payload=%7B%7D")
                .post("/api/v1/response/chat/slack/actions").then().statusCode(401);
        as(role).contentType("application/json").body("{\"context\":{\"token\":\"" + unknown + ".9999999999.forged\"}}")
                .post("/api/v1/response/chat/mattermost/actions").then().statusCode(404);
        as(role).post("/api/v1/response/me/calendar-token").then().statusCode(expected(role, READERS, 200));
        as(role).delete("/api/v1/response/me/calendar-token").then().statusCode(expected(role, READERS, 204));
        // The feeds open with a personal token only: without one (whoever calls) nothing is there.
        as(role).get("/api/v1/response/calendars/people/a.ics").then().statusCode(404);
        as(role).get("/api/v1/response/calendars/schedules/" + unknown + ".ics?token=nope").then().statusCode(404);
        // Writers reach it; only an admin (or the person's team manager, not these callers) records one.
        as(role).contentType("application/json").body(qualification).post("/api/v1/response/people/a/qualifications")
                .then().statusCode(role == null ? 401 : "admin".equals(role) ? 201 : 403);
    }

}
