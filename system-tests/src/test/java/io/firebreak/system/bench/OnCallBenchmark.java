package io.firebreak.system.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: {@code GET /api/v1/response/oncall?at=} with 10,000 people in 1,000
 * schedules (one team each; layers with daily, weekly and 12-hour turns in eight time zones, a third
 * restricted to office hours), against the running local stack, straight to response-service,
 * one request at a time (closed loop). Client side and the service's Server-Timing. Set
 * {@code -Dbench.reuse=<prefix>} to measure again on teams an earlier run created (they are printed).
 */
class OnCallBenchmark {

    private static final String SERVICE = System.getProperty("bench.service", "http://127.0.0.1:8082");
    private static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");
    private static final int SCHEDULES = Integer.getInteger("bench.schedules", 1_000);
    private static final int PER_SCHEDULE = Integer.getInteger("bench.people-per-schedule", 10);
    private static final int QUERIES = Integer.getInteger("bench.queries", 1_000);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 200);
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Europe/London",
            "America/Los_Angeles", "Australia/Sydney", "Asia/Kolkata");

    static String token(String user) {
        return given().baseUri(KEYCLOAK).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "firebreak-console", "username", user,
                        "password", user + "-local-dev-only"))
                .post("/realms/firebreak/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void whoIsOnCallAcrossAThousandSchedules() throws Exception {
        String admin = token("admin");
        String reuse = System.getProperty("bench.reuse", "");
        String prefix = reuse.isBlank() ? "oc-" + UUID.randomUUID().toString().substring(0, 6) : reuse;
        Random random = new Random(11);
        List<String> teams = new ArrayList<>();
        long setupStart = System.nanoTime();
        for (int t = 0; t < SCHEDULES; t++) {
            String team = prefix + "-" + t;
            teams.add(team);
            if (!reuse.isBlank()) {
                continue;
            }
            List<String> people = new ArrayList<>();
            for (int p = 0; p < PER_SCHEDULE; p++) {
                people.add(prefix + "-p" + (t * PER_SCHEDULE + p));
            }
            given().baseUri(SERVICE).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("id", team, "name", team, "manager", "service-owner", "members", people))
                    .post("/api/v1/response/teams").then().statusCode(201);
            List<Map<String, Object>> layers = new ArrayList<>();
            Map<String, Object> length = switch (t % 3) {
                case 0 -> Map.of("unit", "DAYS", "amount", 1);
                case 1 -> Map.of("unit", "DAYS", "amount", 7);
                default -> Map.of("unit", "HOURS", "amount", 12);
            };
            layers.add(Map.of("name", "base", "start", "2026-01-05T09:00", "length", length, "participants", people));
            if (t % 3 == 0) {
                layers.add(Map.of("name", "office", "start", "2026-01-05T09:00", "length", Map.of("unit", "DAYS", "amount", 7),
                        "participants", people.subList(0, 3),
                        "restrictions", List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                                "from", "09:00", "to", "17:00"))));
            }
            given().baseUri(SERVICE).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", "on-call", "role", "TEAM_ON_CALL", "timeZone", ZONES.get(t % ZONES.size()), "layers", layers,
                            "succession", List.of()))
                    .post("/api/v1/response/teams/" + team + "/schedules").then().statusCode(201);
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        int total = given().baseUri(SERVICE).auth().oauth2(admin).get("/api/v1/response/oncall")
                .then().statusCode(200).extract().path("holders.size()");

        Instant base = Instant.parse("2026-12-01T00:00:00Z");
        String report = String.format(Locale.ROOT, "# On-call benchmark %s%n%d schedules x %d people (teams %s-*) %s in %.0f s; %d schedules in the service%n",
                Instant.now(), SCHEDULES, PER_SCHEDULE, prefix, reuse.isBlank() ? "created" : "reused", setupSeconds, total)
                + measure("whole organisation (every schedule's holder)", admin, random, base, null, teams)
                + measure("one team", admin, random, base, "team", teams);
        Files.writeString(Path.of("target/oncall-benchmark.txt"), report);
        System.out.println(report);
    }

    /**
     * One request at a time over one kept-alive connection (java.net.http, as a front end's server-side
     * client would hold it): the client figure is request sent → whole answer read.
     */
    private static String measure(String what, String token, Random random, Instant base, String filter, List<String> teams)
            throws Exception {
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < WARM_UP + QUERIES; i++) {
            String at = base.plusSeconds(random.nextInt(60 * 24 * 3600)).toString();
            String query = "?at=" + at + (filter == null ? "" : "&team=" + teams.get(random.nextInt(teams.size())));
            HttpRequest request = HttpRequest.newBuilder(URI.create(SERVICE + "/api/v1/response/oncall" + query))
                    .header("Authorization", "Bearer " + token).GET().build();
            long t = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("oncall answered " + answer.statusCode() + ": " + new String(answer.body()));
            }
            if (i >= WARM_UP) { // the first ones warm the JIT on both sides and the schedule snapshot
                client.add(ms);
                server.add(Double.parseDouble(answer.headers().firstValue("Server-Timing").orElseThrow()
                        .replaceAll(".*dur=([0-9.]+).*", "$1")));
            }
        }
        Collections.sort(client);
        Collections.sort(server);
        return String.format(Locale.ROOT, "%s, %d queries one at a time after %d to warm up: client p50 %.2f ms, p99 %.2f ms, max %.1f ms;"
                        + " server (Server-Timing) p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, client.size(), WARM_UP, pct(client, 50), pct(client, 99), client.get(client.size() - 1),
                pct(server, 50), pct(server, 99), server.get(server.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

}
