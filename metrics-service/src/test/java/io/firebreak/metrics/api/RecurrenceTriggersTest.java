package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Repeat failures on real Kafka and PostgreSQL: the third incident sharing a cause publishes the trigger review acts on. */
@QuarkusTest
class RecurrenceTriggersTest {

    /** Metrics' recurrence triggers for the service, read until {@code until} holds. */
    private static List<JsonPath> triggers(String service, Function<List<JsonPath>, Boolean> until) {
        Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream().filter(r -> service.equals(r.key()))
                .filter(r -> "io.firebreak.recurrence.threshold_breached.v1".equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("metrics"), records -> until.apply(mine.apply(records)), MetricsFixtures.WAIT));
    }

    private static Incident declared(String service, int daysAgo, String fingerprint, boolean drill) {
        Incident i = MetricsFixtures.incident(service, Instant.now().minus(Duration.ofDays(daysAgo)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        MetricsFixtures.declared(i, "P1", drill, fingerprint);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", "/api/v1/metrics/incidents/" + i.id()).statusCode(200));
        return i;
    }

    @Test
    void theThirdIncidentWithOneAlertFingerprintTriggersOnceAndAFourthGrowsTheTrigger() {
        String service = "recur-" + UUID.randomUUID().toString().substring(0, 8);
        Incident a = declared(service, 60, "db-pool-exhausted", false);
        declared(service, 30, "db-pool-exhausted", true); // a drill never counts
        Incident b = declared(service, 20, "db-pool-exhausted", false);
        declared(service, 10, "disk-full", false);
        get("ed", "executive", "/api/v1/metrics/recurrence?service=" + service).statusCode(200)
                .body("groups.find { it.value == 'db-pool-exhausted' }.incidents", equalTo(2))
                .body("groups.find { it.value == 'db-pool-exhausted' }.breached", equalTo(false));
        Incident c = declared(service, 1, "db-pool-exhausted", false);

        List<JsonPath> first = triggers(service, l -> !l.isEmpty());
        assertThat(first).as("published once, when the third arrived").hasSize(1);
        assertThat(first.get(0).getString("basis")).isEqualTo("ALERT_FINGERPRINT");
        assertThat(first.get(0).getString("basisValue")).isEqualTo("db-pool-exhausted");
        assertThat(first.get(0).getInt("threshold")).isEqualTo(3);
        assertThat(first.get(0).getList("incidents.incidentKey")).containsExactly(a.key(), b.key(), c.key());

        Incident d = declared(service, 0, "db-pool-exhausted", false);
        List<JsonPath> all = triggers(service, l -> l.size() >= 2);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).getList("incidents.incidentKey")).containsExactly(a.key(), b.key(), c.key(), d.key());
        get("ed", "executive", "/api/v1/metrics/recurrence?service=" + service).statusCode(200)
                .body("groups.find { it.value == 'db-pool-exhausted' }.breached", equalTo(true))
                .body("rate", equalTo(0.8f));
    }

    @Test
    void incidentsWhosePostmortemsFoundTheSameContributingFactorRecur() {
        String service = "factor-" + UUID.randomUUID().toString().substring(0, 8);
        List<Incident> incidents = List.of(declared(service, 40, null, false), declared(service, 25, null, false), declared(service, 5, null, false));
        for (Incident i : incidents) {
            MetricsFixtures.postmortemPublished(i, List.of("DESIGN/SINGLE_POINT_OF_FAILURE", "PROCESS/HANDOVER"));
        }
        List<JsonPath> triggers = triggers(service, l -> l.stream().filter(t -> "CONTRIBUTING_FACTOR".equals(t.getString("basis"))).count() >= 2);
        assertThat(triggers).extracting(t -> t.getString("basisValue"))
                .containsExactlyInAnyOrder("DESIGN/SINGLE_POINT_OF_FAILURE", "PROCESS/HANDOVER");
        assertThat(triggers.get(0).getList("incidents")).hasSize(3);
    }

    @Test
    void recurrenceNeedsAService() {
        get("ed", "executive", "/api/v1/metrics/recurrence").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("service"));
    }
}
