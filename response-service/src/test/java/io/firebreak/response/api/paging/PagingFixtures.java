package io.firebreak.response.api.paging;

import static io.restassured.RestAssured.given;

import io.firebreak.response.Receivers;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A team, its people, schedules and verified contact methods, and incidents declared over Kafka. */
public final class PagingFixtures {

    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private PagingFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String team(String manager, String... members) {
        String id = unique("pt");
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Paging " + id, "manager", manager, "members", List.of(members)))
                .post("/api/v1/response/teams").then().statusCode(201);
        return id;
    }

    public static void qualify(String person, String role) {
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("role", role, "trainedOn", "2026-01-01", "validFrom", "2025-01-01T00:00:00Z", "evidence", "course"))
                .post("/api/v1/response/people/" + person + "/qualifications").then().statusCode(201);
    }

    /** A schedule with one participant on call around the clock from yesterday. */
    public static String schedule(String team, String role, String person, List<String> succession) {
        String start = LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC).withNano(0).toString();
        return given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", unique(role.toLowerCase()), "role", role, "timeZone", "UTC", "succession", succession,
                        "layers", List.of(Map.of("name", "all", "start", start, "length", Map.of("unit", "DAYS", "amount", 7),
                                "participants", List.of(person)))))
                .post("/api/v1/response/teams/" + team + "/schedules").then().statusCode(201).extract().path("id");
    }

    /** A default policy: each level pages one person, with the given P1/P2 windows in minutes. */
    public static String policy(String team, int windowMinutes, String... levels) {
        List<Map<String, Object>> list = java.util.Arrays.stream(levels)
                .map(p -> Map.<String, Object>of("targets", List.of(Map.of("type", "PERSON", "ref", p)))).toList();
        return given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", unique("policy"), "levels", list, "windowP1Minutes", windowMinutes, "windowP2Minutes", windowMinutes,
                        "isDefault", true))
                .post("/api/v1/response/teams/" + team + "/escalation-policies").then().statusCode(201).extract().path("id");
    }

    /** A verified contact method, stored directly: verification has its own tests. */
    public static UUID verifiedMethod(String person, String kind, String address) {
        UUID id = UUID.randomUUID();
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(
                "insert into response.contact_method (id, person, kind, address, signing_secret, verified_at, created_at)"
                        + " values (?, ?, ?, ?, ?, now(), now())")) {
            s.setObject(1, id);
            s.setString(2, person);
            s.setString(3, kind);
            s.setString(4, address);
            s.setString(5, "WEBHOOK".equals(kind) ? SECRET : null);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public static void awaitService(String team, String service) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .get("/api/v1/response/teams/" + team + "/services").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItem(service)));
    }

    /** A new service whose team's default policy pages these people level by level (5-minute windows), each with a verified e-mail. */
    public static String serviceEscalatingTo(String... levels) {
        String team = PagingFixtures.team("mona", levels);
        PagingFixtures.policy(team, 5, levels);
        for (String person : levels) {
            PagingFixtures.verifiedMethod(person, "EMAIL", mail(person));
        }
        String service = unique("svc");
        PagingFixtures.service(service, team);
        awaitService(team, service);
        return service;
    }

    /** The person's notification rules for one urgency, stored directly (their API has its own tests). */
    public static void rules(String person, String urgency, List<Map<String, Object>> steps) {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(
                "insert into response.notification_rules (person, urgency, steps, updated_at) values (?, ?, ?, now())")) {
            s.setString(1, person);
            s.setString(2, urgency);
            s.setString(3, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(steps));
            s.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String mail(String person) {
        return person + "@firebreak.test";
    }

    public static String hook(String person) {
        return Receivers.RECEIVER.url("/pager/" + person);
    }

    /** A service whose owning team has a qualified person on call for each of the three roles. */
    public static String serviceWithRoleRotations(String ic, String comms, String tech) {
        return roleRotations(ic, comms, tech).service();
    }

    /** A team and the service it owns. */
    public record TeamService(String team, String service) {
    }

    /** A team (manager mona, plus {@code others}) with a qualified person on call for each of the three roles, and its service. */
    public static TeamService roleRotations(String ic, String comms, String tech, String... others) {
        List<String> members = new java.util.ArrayList<>(List.of(ic, comms, tech));
        members.addAll(List.of(others));
        String team = team("mona", members.toArray(String[]::new));
        Map<String, String> holders = Map.of("INCIDENT_COMMANDER", ic, "COMMS_LEAD", comms, "TECH_LEAD", tech);
        holders.forEach((role, person) -> {
            qualify(person, role);
            schedule(team, role, person, List.of());
            verifiedMethod(person, "EMAIL", mail(person));
        });
        String service = unique("svc");
        service(service, team);
        awaitService(team, service);
        return new TeamService(team, service);
    }

    /** A service whose team's default policy pages {@code person} alone, by the one verified method given; known to response. */
    public static String serviceOnCall(String person, String kind, String address) {
        String team = team("mona", person);
        policy(team, 5, person);
        verifiedMethod(person, kind, address);
        String service = unique("svc");
        service(service, team);
        awaitService(team, service);
        return service;
    }

    public static void service(String name, String owningTeam) {
        String data = "{\"name\":\"" + name + "\",\"tier\":1,\"owningTeam\":\"" + owningTeam + "\",\"owners\":[\"mona\"],"
                + "\"customerFacing\":true,\"regulated\":false,\"change\":\"registered\",\"changedBy\":\"ada\",\"changedAt\":\""
                + Instant.now() + "\"}";
        send(name, "io.firebreak.service.registered.v1", data);
    }

    public static void declare(UUID incident, String key, String service, String priority, List<String> responsibleTeams) {
        declare(incident, key, service, priority, responsibleTeams, false);
    }

    public static void declare(UUID incident, String key, String service, String priority, List<String> responsibleTeams, boolean drill) {
        String teams = responsibleTeams.stream().map(t -> "\"" + t + "\"").reduce((a, b) -> a + "," + b).orElse("");
        String data = "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key + "\",\"title\":\"Checkout down\","
                + "\"summary\":\"503s\",\"businessService\":\"" + service + "\",\"priority\":\"" + priority + "\","
                + "\"detectedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"declaredAt\":\"" + Instant.now() + "\",\"declaredBy\":\"ines\","
                + "\"responsibleTeams\":[" + teams + "],\"drill\":" + drill + "}";
        send(incident.toString(), "io.firebreak.incident.declared.v1", data);
    }

    public static void priorityChanged(UUID incident, String key, String service, String from, String to) {
        priorityChanged(incident, key, service, from, to, "RECLASSIFIED");
    }

    public static void priorityChanged(UUID incident, String key, String service, String from, String to, String reason) {
        String data = "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key + "\",\"businessService\":\"" + service + "\","
                + "\"previousPriority\":\"" + from + "\",\"priority\":\"" + to + "\",\"reason\":\"" + reason + "\","
                + "\"changedBy\":\"ines\",\"changedAt\":\"" + Instant.now() + "\"}";
        send(incident.toString(), "io.firebreak.incident.priority_changed.v1", data);
    }

    private static void send(String key, String type, String data) {
        TestKafkaClient.send(TestRun.topic("classification"), key, data.getBytes(StandardCharsets.UTF_8),
                TestKafkaClient.cloudEventHeaders("classification", key, type));
    }

    public static String key() {
        return "INC-2026-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999_999));
    }

    /** The types of the incident's events on the response topic, read until {@code enough} holds for them. */
    public static List<String> eventTypes(UUID incident, java.util.function.Predicate<List<String>> enough) {
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>, List<String>> types =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .map(r -> TestKafkaClient.header(r, "ce_type")).toList();
        return types.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> enough.test(types.apply(records)), Duration.ofSeconds(30)));
    }

}
