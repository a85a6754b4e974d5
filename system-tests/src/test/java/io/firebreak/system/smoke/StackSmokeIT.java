package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Smoke run against a running local stack (deploy/local/up), through the gateway only, with real
 * Keycloak tokens from the password grant. Run: ./mvnw -pl system-tests verify -Psmoke
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackSmokeIT {

    private static final String GATEWAY = System.getProperty("firebreak.gateway.url", "http://127.0.0.1:8080");
    private static final String KEYCLOAK = System.getProperty("firebreak.keycloak.url", "http://127.0.0.1:8180");
    private static final String MAIL = System.getProperty("firebreak.mail.url", "http://127.0.0.1:18025");
    private static final List<String> CONTEXTS = List.of("classification", "response", "comms", "change", "review", "metrics");

    private static String commander;
    private static String viewer;

    @BeforeAll
    static void tokens() {
        commander = token("incident-commander");
        viewer = token("viewer");
    }

    /** A real access token from Keycloak's token endpoint (password grant of the local front-end client). */
    static String token(String user) {
        return token("firebreak-console", user);
    }

    static String token(String client, String user) {
        return given().baseUri(KEYCLOAK).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", client,
                        "username", user, "password", user + "-local-dev-only", "scope", "openid"))
                .when().post("/realms/firebreak/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The reporter's P1 (used while no classification policy is active, as on a fresh stack). */
    private static Map<String, Object> p1(String title) {
        return Map.of("title", title, "summary", "Checkout returns 503 for every customer", "businessService", "checkout",
                "impact", Map.of("revenueLossPerHour", 50_000, "customerFacing", true, "availability", "UNAVAILABLE"),
                "priority", "P1", "detectedAt", Instant.now().minusSeconds(90).toString());
    }

    /** The demo service owner registers the service the smoke run declares on (idempotent). */
    @BeforeAll
    static void catalog() {
        int status = given().baseUri(GATEWAY).auth().oauth2(token("service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "checkout", "tier", 1, "owningTeam", "checkout-team", "owners", List.of("service-owner"),
                        "customerFacing", true, "regulated", false, "usersTotal", 1_000_000,
                        "sla", Map.of("P1", Map.of("acknowledgeMinutes", 5, "resolveMinutes", 240))))
                .when().post("/api/v1/classification/services").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    @Test
    @Order(1)
    void p1DeclaredThroughTheGatewayOpensAResponseRecordThroughKafka() {
        Response created = given().baseUri(GATEWAY).auth().oauth2(commander).contentType(ContentType.JSON)
                .body(p1("Smoke: checkout down")).when().post("/api/v1/classification/incidents");
        created.then().statusCode(201).body("key", matchesPattern("INC-\\d{4}-\\d{4,}")).header("X-Request-Id", notNullValue());
        String id = created.path("id");

        given().baseUri(GATEWAY).auth().oauth2(viewer).when().get("/api/v1/classification/incidents/" + id)
                .then().statusCode(200).body("priority", equalTo("P1")).body("declaredBy", equalTo("incident-commander"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(GATEWAY).auth().oauth2(viewer).when().get("/api/v1/response/incidents/" + id)
                        .then().statusCode(200).body("status", equalTo("DECLARED")));
    }

    @Test
    @Order(1)
    void aP1PageArrivesInTheOnCallIncidentCommandersMailboxAndItsLinkAcknowledges() {
        Response created = given().baseUri(GATEWAY).auth().oauth2(commander).contentType(ContentType.JSON)
                .body(p1("Smoke: checkout paging")).when().post("/api/v1/classification/incidents");
        created.then().statusCode(201);
        String id = created.path("id");
        String key = created.path("key");

        // The demo on-call (deploy/local/seed-oncall.py): incident-commander holds the payments IC schedule.
        String box = "/api/user/incident-commander@firebreak.local/messages/";
        List<Map<String, Object>> page = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(
                () -> given().baseUri(MAIL).when().get(box).then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("findAll { it.subject.contains('" + key + "') }"), list -> !list.isEmpty());
        assertThat((String) page.get(0).get("subject")).contains("[P1]").contains("incident commander");
        String mime = ((String) page.get(0).get("mimeMessage")).replace("=\r\n", "").replace("=3D", "=");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/api/v1/response/pages/[0-9a-f-]+/ack)\\?exp=(\\d+)&sig=([A-Za-z0-9_-]+)")
                .matcher(mime);
        assertThat(link.find()).as("an acknowledgement link in %s", mime).isTrue();

        given().baseUri(GATEWAY).when().get(link.group(1) + "?exp=" + link.group(2) + "&sig=" + link.group(3))
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("<form method=\"post\""));
        given().baseUri(GATEWAY).contentType(ContentType.URLENC).formParams(Map.of("exp", link.group(2), "sig", link.group(3)))
                .when().post(link.group(1)).then().statusCode(200);
        given().baseUri(GATEWAY).auth().oauth2(viewer).when().get("/api/v1/response/incidents/" + id + "/paging")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedVia", equalTo("LINK"));
    }

    @Test
    @Order(2)
    void refusalsAreProblems() {
        given().baseUri(GATEWAY).contentType(ContentType.JSON).body(p1("no token"))
                .when().post("/api/v1/classification/incidents")
                .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(GATEWAY).auth().oauth2(viewer).contentType(ContentType.JSON).body(p1("viewer"))
                .when().post("/api/v1/classification/incidents")
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(GATEWAY).auth().oauth2(commander).contentType(ContentType.JSON).body(Map.of("priority", "P7"))
                .when().post("/api/v1/classification/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("title", "summary", "businessService", "priority", "detectedAt", "impact"));
        given().baseUri(GATEWAY).auth().oauth2(commander).contentType(ContentType.JSON)
                .body("{\"summary\":\"" + "z".repeat(600 * 1024) + "\"}")
                .when().post("/api/v1/classification/incidents")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void aRealmTokenIssuedToAnotherApplicationIsRefusedByEveryService() throws Exception {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(viewer.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).get("aud").toString()).contains("firebreak-api");
        String otherApp = token("demo-other-app", "viewer");
        for (String context : CONTEXTS) {
            given().baseUri(GATEWAY).auth().oauth2(otherApp).when().get("/api/v1/" + context + "/me")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    @Order(3)
    void everyServiceHealthAndOpenApiAreReachableThroughTheGateway() {
        for (String context : CONTEXTS) {
            given().baseUri(GATEWAY).when().get("/health/" + context).then().statusCode(200).body("status", equalTo("UP"));
            given().baseUri(GATEWAY).when().get("/openapi/" + context).then().statusCode(200).body("openapi", notNullValue())
                    .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/" + context + "/me"))
                    .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/api/v1/{context}/me")));
            given().baseUri(GATEWAY).auth().oauth2(viewer).when().get("/api/v1/" + context + "/me")
                    .then().statusCode(200).body("user", equalTo("viewer"));
        }
        given().baseUri(GATEWAY).when().get("/openapi").then().statusCode(200).body("services.size()", equalTo(CONTEXTS.size()));
    }

    @Test
    @Order(4)
    void gatewayAddsSecurityHeadersAndAnswersCorsOnlyForConfiguredOrigins() {
        given().baseUri(GATEWAY).header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/classification/incidents")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        Response foreign = given().baseUri(GATEWAY).header("Origin", "https://evil.example")
                .when().options("/api/v1/classification/incidents");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        given().baseUri(GATEWAY).header("X-Request-Id", "smoke-request-1").when().get("/health/classification")
                .then().header("X-Request-Id", "smoke-request-1")
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY");
    }

    @Test
    @Order(4)
    void gatewayRefusesMalformedAndOversizedRequestsWithProblems() throws Exception {
        // RestAssured would re-encode the path; the JDK client sends %00 as written.
        var client = java.net.http.HttpClient.newHttpClient();
        var nul = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(GATEWAY + "/api/v1/classification/%00")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nul.body()).contains("\"type\":\"https://firebreak.io/problems/malformed-request\"")
                .contains("\"correlationId\":\"" + nul.headers().firstValue("X-Request-Id").orElseThrow() + "\"");

        given().baseUri(GATEWAY).auth().oauth2(commander).contentType(ContentType.JSON)
                .body("{\"summary\":\"" + "z".repeat(1100 * 1024) + "\"}")
                .when().post("/api/v1/classification/incidents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/payload-too-large"), "status", equalTo(413));
    }

    @Test
    @Order(5)
    void gatewayRateLimitsOneClientWith429Problem() throws Exception {
        // The per-address guard is coarse (500/s, bursts of 1,000: docs/performance.md): a flood from one address, as
        // fast as 8 keep-alive connections go, until it is cut (or 60 s pass). Unauthenticated calls the service answers
        // 401 at once (the gateway's own answers, like /gateway/health, come before its rate limit).
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(GATEWAY + "/api/v1/classification/me")).build();
        java.util.concurrent.atomic.AtomicReference<java.net.http.HttpResponse<String>> cut = new java.util.concurrent.atomic.AtomicReference<>();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        java.util.concurrent.ExecutorService flood = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> senders = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                senders.add(flood.submit(() -> {
                    while (cut.get() == null && System.nanoTime() < deadline) {
                        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 429) {
                            cut.compareAndSet(null, response);
                        }
                    }
                    return null;
                }));
            }
            for (var sender : senders) {
                sender.get(90, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            flood.shutdownNow();
        }
        java.net.http.HttpResponse<String> limited = cut.get();
        assertThat(limited).as("a burst of requests from one address is cut with 429").isNotNull();
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.body()).contains("\"type\":\"https://firebreak.io/problems/rate-limited\"");
        Thread.sleep(2_500); // the guard refills its burst before the next smoke test calls through it
    }
}
