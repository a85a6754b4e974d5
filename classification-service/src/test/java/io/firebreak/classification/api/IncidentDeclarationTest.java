package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.firebreak.classification.support.Fixtures.declaration;
import static io.firebreak.testing.TestKafkaClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentDeclarationTest {

    private static final String INCIDENTS = API + "/incidents";
    private static final String CHECKOUT = "checkout";
    private final ObjectMapper mapper = new ObjectMapper();

    @jakarta.inject.Inject
    io.firebreak.platform.outbox.OutboxRelayService relay;

    @BeforeEach
    void catalogAndPolicy() {
        Fixtures.service(CHECKOUT, 1, "sam");
        Fixtures.service("search", 2, "sam");
        Fixtures.baselinePolicyActive();
    }

    @Test
    void policyComputesP1FromRevenueLossAndTheDeclaredEventCrossesKafka() throws Exception {
        String title = "Checkout down " + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body(declaration(title, CHECKOUT, Map.of("revenueLossPerHour", 25_000)))
                .when().post(INCIDENTS)
                .then().statusCode(201)
                .header("Location", containsString(INCIDENTS + "/"))
                .body("key", matchesPattern("INC-\\d{4}-\\d{4,}"))
                .body("priority", equalTo("P1"))
                .body("policyVersion", notNullValue())
                .body("explanation.fired[0].fact", equalTo("revenueLossPerHour"))
                .body("explanation.summary", containsString("P1 because revenueLossPerHour 25000 reached 10000"))
                .body("declaredBy", equalTo("ines"))
                .extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("classification"),
                r -> r.stream().anyMatch(x -> id.equals(x.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> record = records.stream().filter(x -> id.equals(x.key())).findFirst().orElseThrow();
        assertThat(header(record, "ce_type")).isEqualTo("io.firebreak.incident.declared.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/firebreak/classification");
        JsonNode data = mapper.readTree(record.value());
        assertThat(data.get("incidentId").asText()).isEqualTo(id);
        assertThat(data.get("priority").asText()).isEqualTo("P1");
        // Response pages the responsible teams from this list (the impact analysis at declaration).
        assertThat(data.get("responsibleTeams").toString()).contains("\"team-" + CHECKOUT + "\"");
        assertThat(data.get("drill").asBoolean(true)).isFalse();
    }

    @Test
    void aDeclarationThroughTheApiLeavesAtItsCommitWithoutWaitingForTheRelay() throws Throwable {
        VertxContextSupport.subscribeAndAwait(relay::pause); // only the hand-over at the declaration's commit can publish now
        try {
            String id = given().auth().oauth2(Tokens.as("ines", "incident-commander"))
                    .contentType(ContentType.JSON).body(declaration("At commit " + UUID.randomUUID(), CHECKOUT, Map.of("revenueLossPerHour", 25_000)))
                    .when().post(INCIDENTS).then().statusCode(201).extract().path("id");
            List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("classification"),
                    r -> r.stream().anyMatch(x -> id.equals(x.key())), Duration.ofSeconds(20));
            assertThat(records.stream().filter(x -> id.equals(x.key())).map(x -> header(x, "ce_type")))
                    .containsExactly("io.firebreak.incident.declared.v1");
        } finally {
            relay.resume();
            relay.trigger();
        }
    }

    @Test
    void aDrillIsClassifiedLikeAnyIncidentAndItsDeclarationSaysItIsADrill() throws Exception {
        Map<String, Object> body = declaration("Drill: checkout down " + UUID.randomUUID(), CHECKOUT, Map.of("revenueLossPerHour", 25_000));
        body.put("drill", true);
        String id = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS)
                .then().statusCode(201).body("priority", equalTo("P1")).body("drill", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(INCIDENTS + "/" + id).then().statusCode(200).body("drill", equalTo(true));

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("classification"),
                r -> r.stream().anyMatch(x -> id.equals(x.key())), Duration.ofSeconds(20));
        JsonNode data = mapper.readTree(records.stream().filter(x -> id.equals(x.key())).findFirst().orElseThrow().value());
        assertThat(data.get("drill").asBoolean(false)).isTrue();
    }

    @Test
    void whatTheCatalogKnowsCompletesADeclarationWithoutFigures() {
        String facing = Fixtures.uniqueName("storefront");
        Fixtures.service(facing, 1, "sam", true, false);
        String internal = Fixtures.uniqueName("ledger-batch");
        Fixtures.service(internal, 1, "sam", false, false);
        String regulated = Fixtures.uniqueName("payments-core");
        Fixtures.service(regulated, 2, "sam", false, true);
        Map<String, Object> down = Map.of("availability", "UNAVAILABLE");

        // Tier 1 and customer-facing in the catalog, "unavailable", no revenue figure: the outage rule's P1.
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("Storefront down", facing, down)).when().post(INCIDENTS).then().statusCode(201)
                .body("priority", equalTo("P1")).body("impact.customerFacing", equalTo(true))
                .body("explanation.fired.rule", hasItems(containsString("customerFacingOutageTier1")));
        // The same outage of an internal service is no customer-facing outage.
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("Batch down", internal, down)).when().post(INCIDENTS).then().statusCode(201)
                .body("priority", equalTo("P4")).body("impact.customerFacing", equalTo(false));
        // A regulated service that is down has regulatory exposure: P2 by that rule.
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("Payments core down", regulated, down)).when().post(INCIDENTS).then().statusCode(201)
                .body("priority", equalTo("P2")).body("impact.regulatoryExposure", equalTo(true))
                .body("explanation.fired.rule", hasItems(containsString("regulatoryExposure")));
    }

    @Test
    void usersShareIsDerivedFromTheCatalogAndDecidesThePriority() {
        // 6,000 of the service's 100,000 users is 6 %, over tier 1's 5 % for P1.
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON)
                .body(declaration("Login errors", CHECKOUT, Map.of("usersAffected", 6_000)))
                .when().post(INCIDENTS).then().statusCode(201)
                .body("priority", equalTo("P1"))
                .body("explanation.fired.fact", hasItems("usersAffectedShare"));
    }

    @Test
    void aDifferentProposedPriorityNeedsAJustificationAndIsRecordedAsDisputed() throws Exception {
        Map<String, Object> body = new HashMap<>(declaration("Slow search", "search", Map.of("revenueLossPerHour", 300)));
        body.put("priority", "P1");
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("justification"));

        body.put("justification", "The CEO demo runs on search in an hour");
        String id = given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS).then().statusCode(201)
                .body("priority", equalTo("P3"))
                .body("proposedPriority", equalTo("P1"))
                .body("disputed", equalTo(true))
                .extract().path("id");
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("classification"),
                r -> r.stream().anyMatch(x -> id.equals(x.key()) && "io.firebreak.incident.classification_disputed.v1".equals(header(x, "ce_type"))),
                Duration.ofSeconds(20));
        JsonNode disputed = mapper.readTree(records.stream().filter(x -> id.equals(x.key())
                && header(x, "ce_type").endsWith("classification_disputed.v1")).findFirst().orElseThrow().value());
        assertThat(disputed.get("policyPriority").asText()).isEqualTo("P3");
        assertThat(disputed.get("proposedPriority").asText()).isEqualTo("P1");
        assertThat(disputed.get("justification").asText()).contains("CEO demo");
    }

    @Test
    void everyInvalidFieldIsReportedTogetherUnknownServiceIncluded() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", " ");
        body.put("businessService", "no-such-service");
        body.put("priority", "P9");
        body.put("impact", Map.of("usersAffected", -5, "usersAffectedShare", 1.5, "dataExposure", "MAYBE", "availability", "SIDEWAYS"));
        body.put("detectedAt", Instant.now().plus(Duration.ofHours(2)).toString());
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("title", "summary", "businessService", "priority", "detectedAt",
                        "impact.usersAffected", "impact.usersAffectedShare", "impact.dataExposure", "impact.availability"))
                .body("violations.find { it.field == 'businessService' }.message", equalTo("unknown business service no-such-service"))
                .body("violations.find { it.field == 'detectedAt' }.message", equalTo("must not be in the future"))
                .body("violations.message", everyItem(notNullValue()));
    }

    @Test
    void reclassificationKeepsAFullHistoryWithExplanationsAndPublishesTheChange() {
        String id = Fixtures.declareP3(CHECKOUT, "ines");
        given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P2", "reason", "More users affected than first measured",
                        "impact", Map.of("revenueLossPerHour", 1_500)))
                .when().post(INCIDENTS + "/" + id + "/reclassify")
                .then().statusCode(200).body("priority", equalTo("P2"))
                .body("explanation.priority", equalTo("P2"));
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON)
                .body(Map.of("priority", "P1", "reason", "I think so"))
                .when().post(INCIDENTS + "/" + id + "/reclassify").then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(Tokens.as("aldo", "auditor")).when().get(INCIDENTS + "/" + id + "/classification-history")
                .then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.contains("DECLARED", "RECLASSIFIED"))
                .body("priority", org.hamcrest.Matchers.contains("P3", "P2"))
                .body("[1].previousPriority", equalTo("P3"))
                .body("[1].actor", equalTo("sam"))
                .body("[1].reason", equalTo("More users affected than first measured"))
                .body("[1].policyVersion", notNullValue())
                .body("[0].explanation.summary", containsString("P3"));
        TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x -> id.equals(x.key())
                && "io.firebreak.incident.priority_changed.v1".equals(header(x, "ce_type"))), Duration.ofSeconds(20));
    }

    @Test
    void declaredIncidentIsReadableByIdAndByKey() {
        var created = given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON)
                .body(declaration("Search slow", "search", Map.of("revenueLossPerHour", 2_500)))
                .when().post(INCIDENTS).then().statusCode(201).extract();
        String id = created.path("id");
        String key = created.path("key");
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id)
                .then().statusCode(200).body("key", equalTo(key)).body("priority", equalTo("P2"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + key)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void keysAreSequentialWithinTheYear() {
        String first = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("One", CHECKOUT, Map.of())).when().post(INCIDENTS).then().statusCode(201).extract().path("key");
        String second = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("Two", CHECKOUT, Map.of())).when().post(INCIDENTS).then().statusCode(201).extract().path("key");
        assertThat(Long.parseLong(second.substring(second.lastIndexOf('-') + 1)))
                .isEqualTo(Long.parseLong(first.substring(first.lastIndexOf('-') + 1)) + 1);
    }

    @Test
    void unknownIncidentIsA404Problem() {
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/INC-1999-9999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400ProblemNotA500() {
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body("{\"title\": \"broken\", ").when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
    }

    @Test
    void missingBodyIsA400Problem() {
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wronglyTypedFieldIsA400ProblemNamingTheField() {
        Map<String, Object> body = new HashMap<>(declaration("Bad date", CHECKOUT, Map.of()));
        body.put("detectedAt", "yesterday afternoon");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("detectedAt"));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        Map<String, Object> body = new HashMap<>(declaration("Huge", CHECKOUT, Map.of()));
        body.put("summary", "x".repeat(600 * 1024));
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS).then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void withoutATokenDeclarationIsA401AndAsViewerA403Problem() {
        given().contentType(ContentType.JSON).body(declaration("Anonymous", CHECKOUT, Map.of()))
                .when().post(INCIDENTS).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).contentType(ContentType.JSON)
                .body(declaration("Viewer try", CHECKOUT, Map.of()))
                .when().post(INCIDENTS).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void listFiltersByPriorityAndServiceAndPages() {
        String service = Fixtures.uniqueName("list");
        Fixtures.service(service, 1, "sam");
        Fixtures.baselinePolicyActive();
        for (int revenue : List.of(20_000, 2_000, 30_000, 40_000)) {
            given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON)
                    .body(declaration("List " + revenue, service, Map.of("revenueLossPerHour", revenue)))
                    .when().post(INCIDENTS).then().statusCode(201);
        }
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("businessService", service).queryParam("priority", "P1").queryParam("size", 2)
                .when().get(INCIDENTS).then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("items.priority", everyItem(equalTo("P1")));
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("businessService", service).queryParam("priority", "P1").queryParam("size", 2).queryParam("page", 1)
                .when().get(INCIDENTS).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aListedPageAndItsTotalAreReadAtOneMomentWhileIncidentsAreBeingDeclared() throws Exception {
        // A reader polling "is there an incident for my service yet?" must never see a total that counts an incident its
        // page leaves out (the whole-P1 smoke once read total 1 with no items and asked for incident "null").
        String service = Fixtures.uniqueName("snapshot");
        Fixtures.service(service, 1, "sam");
        Fixtures.baselinePolicyActive();
        int declarations = 100;
        String owner = Tokens.as("sam", "service-owner");
        String viewer = Tokens.as("vera", "viewer");
        AtomicInteger declared = new AtomicInteger();
        ExecutorService declarers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                running.add(declarers.submit(() -> {
                    while (declared.getAndIncrement() < declarations) {
                        given().auth().oauth2(owner).contentType(ContentType.JSON)
                                .body(declaration("Snapshot " + UUID.randomUUID(), service, Map.of("revenueLossPerHour", 20_000)))
                                .when().post(INCIDENTS).then().statusCode(201);
                    }
                }));
            }
            int reads = 0;
            List<String> torn = new ArrayList<>();
            while (running.stream().anyMatch(f -> !f.isDone())) {
                JsonPath page = given().auth().oauth2(viewer).queryParam("businessService", service)
                        .queryParam("size", 200).when().get(INCIDENTS).then().statusCode(200).extract().jsonPath();
                reads++;
                int total = page.getInt("total");
                int items = page.getList("items").size();
                if (items != total) {
                    torn.add("total " + total + " with " + items + " items");
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(reads).as("pages read while the declarations ran").isGreaterThanOrEqualTo(10);
            assertThat(torn).as("pages whose total disagrees with their items").isEmpty();
        } finally {
            declarers.shutdownNow();
        }
    }

    @Test
    void invalidListParametersAreA400ProblemNamingEach() {
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("priority", "P7").queryParam("size", 1000).queryParam("page", -1)
                .when().get(INCIDENTS).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("priority", "size", "page"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("declaredFrom", "last tuesday")
                .when().get(INCIDENTS).then().statusCode(400).body("violations[0].field", equalTo("declaredFrom"));
    }
}
