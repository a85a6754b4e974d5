package io.firebreak.classification.api;

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
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentDeclarationTest {

    private static final String INCIDENTS = "/api/v1/classification/incidents";
    private final ObjectMapper mapper = new ObjectMapper();

    static Map<String, Object> declaration(String title, String service, String priority) {
        return Map.of("title", title, "summary", "Card payments fail with 503 for all EU customers",
                "businessService", service, "priority", priority,
                "detectedAt", Instant.now().minusSeconds(120).toString());
    }

    @Test
    void incidentCommanderDeclaresAP1AndTheDeclaredEventCrossesKafka() throws Exception {
        String title = "Checkout down " + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body(declaration(title, "checkout", "P1"))
                .when().post(INCIDENTS)
                .then().statusCode(201)
                .header("Location", containsString(INCIDENTS + "/"))
                .body("key", matchesPattern("INC-\\d{4}-\\d{4,}"))
                .body("priority", equalTo("P1"))
                .body("declaredBy", equalTo("ines"))
                .extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("classification"),
                r -> r.stream().anyMatch(x -> id.equals(x.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> record = records.stream().filter(x -> id.equals(x.key())).findFirst().orElseThrow();
        assertThat(header(record, "ce_type")).isEqualTo("io.firebreak.incident.declared.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/firebreak/classification");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        JsonNode data = mapper.readTree(record.value());
        assertThat(data.get("incidentId").asText()).isEqualTo(id);
        assertThat(data.get("title").asText()).isEqualTo(title);
        assertThat(data.get("priority").asText()).isEqualTo("P1");
    }

    @Test
    void declaredIncidentIsReadableByIdAndByKey() {
        var created = given().auth().oauth2(Tokens.as("rita", "responder"))
                .contentType(ContentType.JSON).body(declaration("Search slow", "search", "P2"))
                .when().post(INCIDENTS).then().statusCode(201).extract();
        String id = created.path("id");
        String key = created.path("key");

        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + id)
                .then().statusCode(200).body("key", equalTo(key)).body("businessService", equalTo("search"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + key)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void keysAreSequentialWithinTheYear() {
        String first = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("One", "checkout", "P3")).when().post(INCIDENTS).then().statusCode(201).extract().path("key");
        String second = given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(declaration("Two", "checkout", "P3")).when().post(INCIDENTS).then().statusCode(201).extract().path("key");
        long a = Long.parseLong(first.substring(first.lastIndexOf('-') + 1));
        long b = Long.parseLong(second.substring(second.lastIndexOf('-') + 1));
        assertThat(b).isEqualTo(a + 1);
        assertThat(second.substring(0, 8)).isEqualTo("INC-" + java.time.Year.now(java.time.ZoneOffset.UTC));
    }

    @Test
    void unknownIncidentIsA404Problem() {
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/INC-1999-9999")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(INCIDENTS + "/not-an-id")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyInvalidFieldIsReportedTogether() {
        Map<String, Object> invalid = Map.of("title", " ", "businessService", "Not A Slug!", "priority", "P9",
                "detectedAt", Instant.now().plus(Duration.ofHours(2)).toString());
        given().auth().oauth2(Tokens.as("ines", "incident-commander"))
                .contentType(ContentType.JSON).body(invalid)
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItems("title", "summary", "businessService", "priority", "detectedAt"))
                .body("violations.message", everyItem(notNullValue()))
                .body("violations.find { it.field == 'priority' }.message", equalTo("must be one of P1, P2, P3, P4"))
                .body("violations.find { it.field == 'detectedAt' }.message", equalTo("must not be in the future"));
        assertNothingStoredFor(" ");
    }

    @Test
    void detectionWithinTheToleratedClockSkewIsAccepted() {
        Map<String, Object> body = Map.of("title", "Skewed clock", "summary", "Reporter clock runs ahead",
                "businessService", "checkout", "priority", "P4", "detectedAt", Instant.now().plusSeconds(60).toString());
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS).then().statusCode(201);
    }

    @Test
    void missingBodyIsA400Problem() {
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400ProblemNotA500() {
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body("{\"title\": \"broken\", ")
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wronglyTypedFieldIsA400ProblemNamingTheField() {
        Map<String, Object> body = Map.of("title", "Bad date", "summary", "s", "businessService", "checkout",
                "priority", "P2", "detectedAt", "yesterday afternoon");
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON).body(body)
                .when().post(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("detectedAt"));
        assertNothingStoredFor("Bad date");
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String huge = "x".repeat(600 * 1024);
        given().auth().oauth2(Tokens.as("ines", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("title", "Huge", "summary", huge, "businessService", "checkout", "priority", "P1",
                        "detectedAt", Instant.now().toString()))
                .when().post(INCIDENTS)
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        assertNothingStoredFor("Huge");
    }

    @Test
    void withoutATokenDeclarationIsA401Problem() {
        given().contentType(ContentType.JSON).body(declaration("Anonymous", "checkout", "P1"))
                .when().post(INCIDENTS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        assertNothingStoredFor("Anonymous");
    }

    @Test
    void viewerMayNotDeclareAndGetsA403Problem() {
        given().auth().oauth2(Tokens.as("vera", "viewer")).contentType(ContentType.JSON)
                .body(declaration("Viewer try", "checkout", "P1"))
                .when().post(INCIDENTS)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        assertNothingStoredFor("Viewer try");
    }

    @Test
    void listFiltersByPriorityAndServiceAndPages() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        for (String p : List.of("P1", "P2", "P1", "P1")) {
            given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON)
                    .body(declaration("List " + p, service, p)).when().post(INCIDENTS).then().statusCode(201);
        }
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("businessService", service).queryParam("priority", "P1").queryParam("size", 2)
                .when().get(INCIDENTS)
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("size", equalTo(2))
                .body("items.priority", everyItem(equalTo("P1")));
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("businessService", service).queryParam("priority", "P1").queryParam("size", 2).queryParam("page", 1)
                .when().get(INCIDENTS)
                .then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("businessService", service).queryParam("declaredFrom", Instant.now().plusSeconds(3600).toString())
                .when().get(INCIDENTS)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void invalidListParametersAreA400ProblemNamingEach() {
        given().auth().oauth2(Tokens.as("vera", "viewer"))
                .queryParam("priority", "P7").queryParam("size", 1000).queryParam("page", -1)
                .when().get(INCIDENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("priority", "size", "page"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("declaredFrom", "last tuesday")
                .when().get(INCIDENTS)
                .then().statusCode(400).body("violations[0].field", equalTo("declaredFrom"));
    }

    private static void assertNothingStoredFor(String title) {
        given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("size", 200).when().get(INCIDENTS)
                .then().statusCode(200).body("items.title", org.hamcrest.Matchers.not(hasItems(title)));
    }
}
