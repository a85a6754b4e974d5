package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.firebreak.testing.TestKafkaClient.header;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.anEmptyMap;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceCatalogTest {

    private static final String SERVICES = API + "/services";

    @Test
    void anOwnerRegistersAServiceWithItsSlaActiveAndTheEventIsPublished() {
        String name = Fixtures.uniqueName("payments");
        given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON)
                .body(Fixtures.serviceBody(name, 1, "sam")).when().post(SERVICES)
                .then().statusCode(201).body("tier", equalTo(1)).body("sla.P1.acknowledgeMinutes", equalTo(5));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(SERVICES + "/" + name + "/sla-changes")
                .then().statusCode(200).body("[0].status", equalTo("ACTIVE")).body("[0].signedOffBy", equalTo("sam"));
        TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x -> name.equals(x.key())
                && "io.firebreak.service.registered.v1".equals(header(x, "ce_type"))), Duration.ofSeconds(20));
    }

    @Test
    void anSlaChangeIsActiveOnlyAfterAnOwnerSignsItOff() {
        String name = Fixtures.uniqueName("ledger");
        // An admin who is not an owner registers: the SLA waits for an owner.
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Fixtures.serviceBody(name, 2, "olga")).when().post(SERVICES)
                .then().statusCode(201).body("sla", anEmptyMap());
        String change = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("P1", Map.of("acknowledgeMinutes", 2, "resolveMinutes", 60)))
                .when().put(SERVICES + "/" + name + "/sla").then().statusCode(202).body("status", equalTo("PENDING"))
                .extract().path("id");
        given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .when().post(SERVICES + "/" + name + "/sla-changes/" + change + "/sign-off")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("olga", "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("comment", "Agreed with finance on 2026-11-29"))
                .when().post(SERVICES + "/" + name + "/sla-changes/" + change + "/sign-off")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("signedOffBy", equalTo("olga"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(SERVICES + "/" + name)
                .then().body("sla.P1.acknowledgeMinutes", equalTo(2));
        // The signed-off SLA travels with the service (metrics measures against it).
        var signed = TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x -> name.equals(x.key())
                && new String(x.value(), java.nio.charset.StandardCharsets.UTF_8).contains("sla signed off")), Duration.ofSeconds(20)).stream()
                .filter(x -> name.equals(x.key()) && new String(x.value(), java.nio.charset.StandardCharsets.UTF_8).contains("sla signed off"))
                .findFirst().orElseThrow();
        io.restassured.path.json.JsonPath event = io.restassured.path.json.JsonPath.from(new String(signed.value(),
                java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(event.getInt("sla.P1.acknowledgeMinutes")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(event.getInt("sla.P1.resolveMinutes")).isEqualTo(60);
        given().auth().oauth2(Tokens.as("olga", "service-owner")).contentType(ContentType.JSON).body(Map.of("comment", "again"))
                .when().post(SERVICES + "/" + name + "/sla-changes/" + change + "/sign-off").then().statusCode(409);
    }

    @Test
    void onlyOwnersAndAdminsChangeAService() {
        String name = Fixtures.uniqueName("orders");
        Fixtures.service(name, 2, "sam");
        Map<String, Object> update = new HashMap<>(Fixtures.serviceBody(name, 1, "sam"));
        given().auth().oauth2(Tokens.as("mallory", "service-owner")).contentType(ContentType.JSON).body(update)
                .when().put(SERVICES + "/" + name).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON).body(update)
                .when().put(SERVICES + "/" + name).then().statusCode(200).body("tier", equalTo(1));
        given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON).body(update)
                .when().post(SERVICES).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aServiceWithoutIncidentsCanBeRemovedOneWithIncidentsCannot() {
        String unused = Fixtures.uniqueName("retired");
        Fixtures.service(unused, 3, "sam");
        given().auth().oauth2(Tokens.as("mallory", "service-owner")).when().delete(SERVICES + "/" + unused).then().statusCode(403);
        given().auth().oauth2(Tokens.as("sam", "service-owner")).when().delete(SERVICES + "/" + unused).then().statusCode(204);
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(SERVICES + "/" + unused).then().statusCode(404);

        String used = Fixtures.uniqueName("busy");
        Fixtures.service(used, 1, "sam");
        Fixtures.baselinePolicyActive();
        Fixtures.declareP3(used, "ines");
        given().auth().oauth2(Tokens.as("ada", "admin")).when().delete(SERVICES + "/" + used)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void invalidServiceIsRefusedWithEveryField() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Not OK");
        body.put("tier", 7);
        body.put("owners", List.of());
        body.put("usersTotal", -1);
        body.put("sla", Map.of("P1", Map.of("acknowledgeMinutes", 0, "resolveMinutes", 10)));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON).body(body).when().post(SERVICES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("name", "tier", "owningTeam", "owners", "customerFacing", "regulated",
                        "usersTotal", "sla[P1].acknowledgeMinutes"));
    }

    @Test
    void impactFollowsDependenciesThroughCyclesWithPathsAndResponsibleParties() {
        String db = Fixtures.uniqueName("db");
        String api = Fixtures.uniqueName("api");
        String web = Fixtures.uniqueName("web");
        String reports = Fixtures.uniqueName("reports");
        Fixtures.service(db, 1, "dora");
        Fixtures.service(api, 1, "arno");
        Fixtures.service(web, 1, "wes");
        Fixtures.service(reports, 3, "rae");
        dependsOn(api, "dora", Map.of(db, "HARD"), "arno");
        dependsOn(web, "wes", Map.of(api, "HARD"), "wes");
        dependsOn(reports, "rae", Map.of(api, "SOFT"), "rae");
        dependsOn(db, "dora", Map.of(web, "SOFT"), "dora"); // a cycle: db → web → api → db

        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(SERVICES + "/" + db + "/impact")
                .then().statusCode(200)
                .body("affected.service", contains(api, reports, web))
                .body("affected.find { it.service == '" + web + "' }.path", contains(db, api, web))
                .body("affected.find { it.service == '" + web + "' }.kind", equalTo("HARD"))
                .body("affected.find { it.service == '" + reports + "' }.kind", equalTo("SOFT"))
                .body("responsibleParties.owners", containsInAnyOrder("dora", "arno", "wes", "rae"))
                .body("responsibleParties.teams", hasItems("team-" + db, "team-" + web));
    }

    @Test
    void replacingDependenciesPublishesTheServiceWithWhatItNowDependsOn() throws Exception {
        String db = Fixtures.uniqueName("ledger-db");
        String cache = Fixtures.uniqueName("ledger-cache");
        String api = Fixtures.uniqueName("ledger-api");
        Fixtures.service(db, 1, "dora");
        Fixtures.service(cache, 2, "dora");
        Fixtures.service(api, 1, "arno");
        dependsOn(api, "arno", Map.of(db, "HARD", cache, "SOFT"), "arno");

        var records = TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x -> api.equals(x.key())
                && "io.firebreak.service.updated.v1".equals(header(x, "ce_type"))), Duration.ofSeconds(20));
        var updated = records.stream().filter(x -> api.equals(x.key()) && "io.firebreak.service.updated.v1".equals(header(x, "ce_type")))
                .reduce((a, b) -> b).orElseThrow();
        com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(updated.value());
        List<String> dependsOn = new java.util.ArrayList<>();
        data.path("dependsOn").forEach(n -> dependsOn.add(n.asText()));
        org.assertj.core.api.Assertions.assertThat(dependsOn).isEqualTo(java.util.stream.Stream.of(db, cache).sorted().toList());
    }

    @Test
    void unknownDuplicateSelfAndMistypedDependenciesAreRefusedFieldByFieldAndNothingChanges() {
        String name = Fixtures.uniqueName("lonely");
        String other = Fixtures.uniqueName("other");
        Fixtures.service(name, 2, "sam");
        Fixtures.service(other, 2, "sam");
        dependsOn(name, "sam", Map.of(other, "SOFT"), "sam");

        refused(name, List.of(Map.of("dependency", "ghost", "kind", "HARD")), "[0].dependency", "unknown business service ghost");
        refused(name, List.of(Map.of("dependency", other, "kind", "SIDEWAYS")), "[0].kind", null);
        refused(name, List.of(Map.of("dependency", other, "kind", "HARD"), Map.of("dependency", other, "kind", "SOFT")),
                "[1].dependency", other + " is listed twice");
        refused(name, List.of(Map.of("dependency", name, "kind", "HARD")), "[0].dependency", "a service cannot depend on itself");

        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get(SERVICES + "/" + name + "/dependencies").then().statusCode(200)
                .body("dependency", contains(other)).body("kind", contains("SOFT"));
    }

    private static void refused(String service, List<Map<String, String>> body, String field, String message) {
        var then = given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON).body(body)
                .when().put(SERVICES + "/" + service + "/dependencies")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains(field));
        if (message != null) {
            then.body("violations.message", contains(message));
        }
    }

    @Test
    void twoRegistrationsOfOneNameAtOnceGiveOneServiceAndAConflictNeverA500() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = Fixtures.uniqueName("twin");
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return given().auth().oauth2(Tokens.as("sam", "service-owner")).contentType(ContentType.JSON)
                            .body(Fixtures.serviceBody(name, 2, "sam")).when().post(SERVICES).then().extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409);
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnlyOnce(201);
        }
    }

    @Test
    void theCatalogIsReadAPageAtATimeWithoutGapsOrRepeats() {
        String prefix = "paged-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 7; i++) {
            Fixtures.registerOnly(prefix + i, 3, "sam", false, false);
        }
        List<String> seen = new java.util.ArrayList<>();
        String after = prefix; // names sort after the prefix itself
        while (true) {
            var page = given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("after", after).queryParam("limit", 3)
                    .when().get(SERVICES).then().statusCode(200).extract().jsonPath();
            List<String> names = page.getList("items.name");
            names.stream().filter(n -> n.startsWith(prefix)).forEach(seen::add);
            after = page.getString("next");
            if (after == null || !after.startsWith(prefix)) {
                break;
            }
        }
        org.assertj.core.api.Assertions.assertThat(seen).containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4,
                prefix + 5, prefix + 6);
        given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("limit", 501).when().get(SERVICES).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void dependsOn(String service, String unused, Map<String, String> dependencies, String owner) {
        List<Map<String, String>> body = dependencies.entrySet().stream()
                .map(e -> Map.of("dependency", e.getKey(), "kind", e.getValue())).toList();
        given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON).body(body)
                .when().put(SERVICES + "/" + service + "/dependencies").then().statusCode(200);
    }
}
