package io.firebreak.system.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: {@code GET /services/{name}/impact} on a catalog of 5,000 services and
 * 20,000 random (cyclic) dependencies, against the running local stack. Run like IntakeBenchmark.
 */
class ImpactBenchmark {

    private static final String SERVICE_URL = System.getProperty("bench.service", "http://127.0.0.1:8081");
    private static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");
    private static final int SERVICES = Integer.getInteger("bench.services", 5_000);
    private static final int EDGES = Integer.getInteger("bench.edges", 20_000);

    @Test
    void impactOnALargeCyclicCatalog() throws Exception {
        String token = given().baseUri(KEYCLOAK).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "firebreak-console", "username", "service-owner",
                        "password", "service-owner-local-dev-only"))
                .post("/realms/firebreak/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String prefix = "imp-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < SERVICES; i++) {
            given().baseUri(SERVICE_URL).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", prefix + i, "tier", 1 + i % 4, "owningTeam", "team-" + (i % 200), "owners", List.of("service-owner"),
                            "customerFacing", i % 3 == 0, "regulated", false))
                    .post("/api/v1/classification/services").then().statusCode(201);
        }
        Random random = new Random(7);
        Map<Integer, Map<Integer, String>> deps = new HashMap<>();
        for (int e = 0; e < EDGES; e++) {
            int from = random.nextInt(SERVICES);
            int to = random.nextInt(SERVICES);
            if (from != to) { // a service cannot depend on itself (400)
                deps.computeIfAbsent(from, k -> new HashMap<>()).put(to, random.nextBoolean() ? "HARD" : "SOFT");
            }
        }
        int edges = 0;
        for (Map.Entry<Integer, Map<Integer, String>> d : deps.entrySet()) {
            List<Map<String, String>> body = new ArrayList<>();
            d.getValue().forEach((to, kind) -> body.add(Map.of("dependency", prefix + to, "kind", kind)));
            edges += body.size();
            given().baseUri(SERVICE_URL).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/classification/services/" + prefix + d.getKey() + "/dependencies").then().statusCode(200);
        }
        long coldStart = System.nanoTime();
        int affected = given().baseUri(SERVICE_URL).auth().oauth2(token).get("/api/v1/classification/services/" + prefix + "0/impact")
                .then().statusCode(200).extract().path("affected.size()");
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        List<Double> warm = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            var answer = given().baseUri(SERVICE_URL).auth().oauth2(token)
                    .get("/api/v1/classification/services/" + prefix + random.nextInt(SERVICES) + "/impact").then().statusCode(200).extract();
            warm.add((System.nanoTime() - t) / 1e6);
            sizes.add(answer.path("affected.size()"));
            // Server-Timing: what the service spent computing, before serialising and sending the answer.
            server.add(Double.parseDouble(answer.header("Server-Timing").replaceAll(".*dur=([0-9.]+).*", "$1")));
        }
        Collections.sort(warm);
        Collections.sort(server);
        Collections.sort(sizes);
        String report = String.format(Locale.ROOT, "# Impact benchmark %s%n%d services, %d dependency edges (random, cyclic)%n"
                        + "first query after the catalog changed (graph reload): %.0f ms, %d affected%n"
                        + "next 200 queries (random services), client side (closed loop, one at a time): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "same queries, server side (Server-Timing, before serialisation): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "affected per query: median %d, max %d%n",
                Instant.now(), SERVICES, edges, coldMs, affected, warm.get(99), warm.get(197), warm.get(199),
                server.get(99), server.get(197), server.get(199), sizes.get(100), sizes.get(199));
        System.out.println(report);
        Files.writeString(Path.of("target", "impact-benchmark.txt"), report);
    }
}
