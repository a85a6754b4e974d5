package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Business outcomes imported over the API, and the quarterly KPI report relating them to incidents, on real Kafka and PostgreSQL. */
@QuarkusTest
class KpiReportTest {

    private static io.restassured.response.ValidatableResponse put(String metric, String period, Object body) {
        return RestAssured.given().auth().oauth2(Tokens.as("erin", "executive")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/metrics/outcomes/" + metric + "/" + period).then();
    }

    private static List<JsonPath> recorded(String metric, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> metric.equals(r.key())).map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("metrics"), records -> mine.apply(records).size() >= atLeast, MetricsFixtures.WAIT));
    }

    @Test
    void anOutcomeIsRecordedOnceReplacedWithItsPreviousValueAndBadInputIsAProblemThatStoresNothing() {
        String metric = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        put(metric, "2026-09", Map.of("value", 97.25, "unit", "%", "source", "crm")).statusCode(201).body("value", equalTo(97.25f))
                .body("recordedBy", equalTo("erin"));
        put(metric, "2026-09", Map.of("value", 97.25, "unit", "%", "source", "crm")).statusCode(200);
        put(metric, "2026-09", Map.of("value", 96.5, "unit", "%", "source", "crm")).statusCode(200).body("value", equalTo(96.5f));
        List<JsonPath> events = recorded(metric, 2);
        assertThat(events).hasSize(2); // the same import twice published once
        assertThat(events.get(1).getDouble("previousValue")).isEqualTo(97.25);
        assertThat(events.get(1).getDouble("value")).isEqualTo(96.5);

        put(metric, "2026-13", Map.of("unit", "%", "source", " ")).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("period", "value", "source"));
        put("Bad Metric", "2026-Q3", Map.of("value", 1, "source", "crm")).statusCode(400).body("violations.field", hasItems("metric"));
        get("erin", "executive", "/api/v1/metrics/outcomes?metric=" + metric).statusCode(200).body("size()", equalTo(1))
                .body("[0].period", equalTo("2026-09")).body("[0].value", equalTo(96.5f));
    }

    @Test
    void theQuarterlyReportRelatesRevenueImpactCustomersAndSlaBreachesToTheQuartersOutcomes() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String service = "kpi-" + suffix;
        MetricsFixtures.send("classification", service, "io.firebreak.service.registered.v1", "{\"name\":\"" + service + "\",\"tier\":1,"
                + "\"owningTeam\":\"payments\",\"owners\":[\"sam\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"registered\","
                + "\"changedBy\":\"sam\",\"changedAt\":\"" + Instant.now() + "\",\"dependsOn\":[],"
                + "\"sla\":{\"P1\":{\"acknowledgeMinutes\":5,\"resolveMinutes\":60}}}");
        // Q2 2011 belongs to this test. Declared with a measured impact of 12,000/h and 5,000 users; mitigated 90 min after detection.
        Incident i = MetricsFixtures.incident(service, Instant.parse("2011-05-10T09:02:00Z"));
        MetricsFixtures.send("classification", i.id().toString(), "io.firebreak.incident.declared.v1", "{\"incidentId\":\"" + i.id()
                + "\",\"key\":\"" + i.key() + "\",\"title\":\"Checkout down\",\"summary\":\"503s\",\"businessService\":\"" + service
                + "\",\"priority\":\"P1\",\"detectedAt\":\"" + i.detected() + "\",\"declaredAt\":\"" + i.declared() + "\",\"declaredBy\":\"ines\","
                + "\"responsibleTeams\":[],\"drill\":false,\"impact\":{\"revenueLossPerHour\":12000,\"usersAffected\":5000}}");
        Instant acknowledged = i.declared().plusSeconds(420);                 // 2 min past the 5-min target
        Instant mitigated = i.detected().plusSeconds(5_400);
        Instant resolved = i.detected().plusSeconds(4_200 + 3_600);           // MTTR 7,800 s: 70 min past the 60-min target
        MetricsFixtures.acknowledged(i, acknowledged);
        MetricsFixtures.lifecycle(i, "MITIGATED", "dora", acknowledged, mitigated, null, false);
        MetricsFixtures.lifecycle(i, "RESOLVED", "dora", acknowledged, mitigated, resolved, false);
        put("churned-customers-" + suffix, "2011-Q2", Map.of("value", 42, "unit", "customers", "source", "billing")).statusCode(201);

        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("erin", "executive", "/api/v1/metrics/incidents/" + i.id()).statusCode(200)
                .body("counted", equalTo(true)).body("mttrSeconds", equalTo(7_800)));
        JsonPath report = get("erin", "executive", "/api/v1/metrics/reports/quarterly?quarter=2011-Q2").statusCode(200).extract().jsonPath();
        assertThat(report.getString("quarter")).isEqualTo("2011-Q2");
        assertThat(report.getInt("total.incidents")).isEqualTo(1);
        assertThat(report.getInt("total.p1")).isEqualTo(1);
        assertThat(report.getDouble("total.revenueImpact")).isEqualTo(18_000.0); // 1.5 h × 12,000
        assertThat(report.getLong("total.customersAffected")).isEqualTo(5_000);
        assertThat(report.getDouble("total.slaMinutesBreached")).isEqualTo(72.0);  // 2 + 70
        assertThat(report.getInt("total.outcomes.churned-customers-" + suffix)).isEqualTo(42);
        assertThat(report.getList("months.period")).containsExactly("2011-04", "2011-05", "2011-06");
        assertThat(report.getInt("months[1].incidents")).isEqualTo(1);
        assertThat(report.getList("previousQuarters.period")).containsExactly("2010-Q3", "2010-Q4", "2011-Q1");
        assertThat(report.getString("note")).contains("not a cause");

        get("erin", "executive", "/api/v1/metrics/reports/quarterly?quarter=2011-Q5").statusCode(400).body("violations[0].field", equalTo("quarter"));
    }
}
